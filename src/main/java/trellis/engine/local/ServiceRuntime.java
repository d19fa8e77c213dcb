package trellis.engine.local;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import trellis.spec.DatabaseSpec;
import trellis.spec.ServiceSpec;

/**
 * What one service type needs of its container beyond what every instance gets: its files, mounts,
 * environment, and (with the real images) its command, user and health check. One implementation
 * per type; {@link #forType} picks it.
 */
interface ServiceRuntime {
    /** The port every service listens on inside its container. */
    int CONTAINER_PORT = 8080;
    /** Where an instance's files are mounted. */
    String DATA_MOUNT = "/app/data";

    /** The service type of the spec ({@code postgrest}, {@code mcp}, {@code rag}). */
    String type();

    /** Writes the instance's files and says how its container differs from the default. */
    ContainerRecipe recipe(Instance instance);

    /** Whether the roles the service connects as need PostgREST's grants on the nodes. */
    default boolean needsGrants() {
        return false;
    }

    /**
     * One instance to make.
     *
     * @param imageCommands whether the real image runs (its command, user and health check apply)
     */
    record Instance(String name, DatabaseSpec spec, ServiceSpec service, String hash, ServiceConnection connection,
                    InstanceFiles files, Consumer<String> log, boolean imageCommands) {
    }

    /** How a container differs from the default: mounts, environment, and optionally command, user, health test. */
    final class ContainerRecipe {
        final List<Bind> binds = new ArrayList<>();
        final List<String> env = new ArrayList<>();
        List<String> command;
        String user;
        List<String> healthTest;

        ContainerRecipe mount(Path dir, String at, AccessMode mode) {
            binds.add(new Bind(dir.toString(), new Volume(at), mode));
            return this;
        }

        ContainerRecipe env(String... vars) {
            env.addAll(List.of(vars));
            return this;
        }

        /** The real image's command, uid and health check. */
        ContainerRecipe image(List<String> command, int uid, List<String> healthTest) {
            this.command = command;
            this.user = Integer.toString(uid);
            this.healthTest = healthTest;
            return this;
        }
    }

    List<ServiceRuntime> ALL = List.of(new PostgrestRuntime(), new McpRuntime(), new RagRuntime());

    /** The runtime of a service type; a type with none gets the default container. */
    static ServiceRuntime forType(String type) {
        return ALL.stream().filter(r -> r.type().equals(type)).findFirst().orElseGet(() -> new GenericRuntime(type));
    }

    /** A change of config restarts the container, as PGEDGE_CONFIG_VERSION does for Swarm. */
    static String configVersion(String hash) {
        return "PGEDGE_CONFIG_VERSION=" + hash;
    }
}
