package trellis.engine.local;

import java.util.ArrayList;
import java.util.List;
import trellis.spec.DatabaseSpec;
import trellis.spec.ServiceSpec;

/**
 * What one service type needs of its container beyond what every instance gets: its files, mounts,
 * environment, and (with the real images) its command, user and health check. One implementation
 * per type; {@link #forType} picks it. A recipe writes nothing: {@link InstancePlan} carries it to
 * the engine and to {@code trellis render} alike.
 */
interface ServiceRuntime {
    /** The port every service listens on inside its container. */
    int CONTAINER_PORT = 8080;
    /** Where an instance's files are mounted. */
    String DATA_MOUNT = "/app/data";

    /** The service type of the spec ({@code postgrest}, {@code mcp}, {@code rag}). */
    String type();

    /** The instance's files and how its container differs from the default. */
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
                    boolean imageCommands) {
    }

    /** Files, and how a container differs from the default: mounts, environment, optionally command, user, health test. */
    final class ContainerRecipe {
        final List<InstancePlan.PlannedFile> files = new ArrayList<>();
        final List<ContainerPlan.Mount> mounts = new ArrayList<>();
        final List<String> env = new ArrayList<>();
        List<String> command;
        String user;
        List<String> healthTest;

        ContainerRecipe file(String folder, String name, String content, int uid, String note) {
            files.add(new InstancePlan.PlannedFile(folder, name, () -> content, uid, false, note));
            return this;
        }

        /** A file the server owns once written: written only when missing, so made only then. */
        ContainerRecipe fileOnce(String name, java.util.function.Supplier<String> content, int uid, String note) {
            files.add(new InstancePlan.PlannedFile("", name, content, uid, true, note));
            return this;
        }

        ContainerRecipe mount(String folder, String at, boolean readOnly) {
            mounts.add(new ContainerPlan.Mount(folder, at, readOnly));
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
