package trellis.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.Secrets;
import trellis.spec.ServiceSpec;

/**
 * What the engine gives one service instance, before anything is written or created: the files of
 * its directory and its container. The engine writes and runs exactly this ({@code Reconciler});
 * {@code trellis render} writes it to a folder ({@link Render}); so what is shown is what runs.
 *
 * @param name {@code {database}-{service}-{host}}: the Control Plane's instance id, the container's
 *             name and the directory of its files
 */
public record InstancePlan(String name, String serviceType, List<PlannedFile> files, ContainerPlan container) {

    /**
     * One file of the instance's directory.
     *
     * @param folder      {@code ""} for the directory itself, else a folder in it ({@code keys})
     * @param containerUid the uid the file is handed to (when Trellis may)
     * @param once        written only when missing: the server owns it afterwards (MCP's token and user stores)
     * @param source      makes the file's text when it is written or shown
     * @param note        what the log says of it; never a secret
     */
    public record PlannedFile(String folder, String name, Supplier<String> source, int containerUid, boolean once, String note) {
        /**
         * The file's text, made when asked: a file written once is not made again on every apply
         * that keeps it (users.yaml costs a bcrypt hash per user).
         */
        public String content() {
            return source.get();
        }

        /** The path inside the instance's directory. */
        public String path() {
            return folder.isEmpty() ? name : folder + "/" + name;
        }
    }

    /**
     * The plan of the instance of {@code svc} on {@code host}: its runtime's files and container
     * over what every instance gets (labels, published port, limits, health timings, host gateway).
     *
     * @param nodeAddress where containers reach a node, when the engine knows it; the rest are
     *                    looked for where {@link ServiceConnection#UNKNOWN_NODE} says
     */
    static InstancePlan of(String databaseId, DatabaseSpec spec, ServiceSpec svc, String host, LocalEngineSettings settings,
                           Function<String, Optional<PostgrestConf.Endpoint>> nodeAddress) {
        String name = Labels.name(databaseId, svc.serviceId(), host);
        String hash = Labels.hash(svc);
        ServiceRuntime runtime = ServiceRuntime.forType(svc.serviceType());
        ServiceRuntime.ContainerRecipe r = runtime.recipe(new ServiceRuntime.Instance(name, spec, svc, hash,
                ServiceConnection.of(spec, svc, host, nodeAddress), settings.imageCommands()));
        List<String> test = r.healthTest != null ? r.healthTest : List.of("CMD", "wget", "-q", "-O", "/dev/null",
                "http://127.0.0.1:" + ServiceRuntime.CONTAINER_PORT + "/health");
        ContainerPlan.Health health = new ContainerPlan.Health(test, settings.healthInterval(), settings.healthTimeout(),
                settings.healthRetries(), settings.startPeriod());
        Long nanoCpus = svc.cpus() != null && !svc.cpus().isEmpty() ? Reconciler.nanoCpus(svc.cpus()) : null;
        Long memory = svc.memory() != null && !svc.memory().isEmpty() ? Reconciler.memoryBytes(svc.memory()) : null;
        ContainerPlan c = new ContainerPlan(name, settings.image(svc.serviceType(), svc.version()), r.command,
                List.copyOf(r.env), r.user, health, List.copyOf(r.mounts), svc.port(),
                Labels.of(databaseId, svc.serviceId(), host, hash), nanoCpus, memory, List.of(Reconciler.HOST_GATEWAY_ENTRY));
        return new InstancePlan(name, svc.serviceType(), List.copyOf(r.files), c);
    }

    /**
     * The same plan with its secrets masked, for showing: every value the spec holds under a
     * secret key ({@link Secrets#isSecretKey}: passwords, API keys, the init token and users), as
     * written and as a URI escapes it, reads {@link Secrets#MASK}; key files are masked whole.
     */
    public InstancePlan masked(DatabaseSpec spec) {
        TreeSet<String> secrets = new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(String::compareTo));
        collect(Json.toTree(spec), false, secrets);
        List<PlannedFile> shown = new ArrayList<>();
        for (PlannedFile f : files) {
            String content;
            if (f.folder().equals(RagRuntime.KEYS_FOLDER)) {
                content = Secrets.MASK;
            } else {
                content = f.content();
                for (String secret : secrets) {
                    content = content.replace(secret, Secrets.MASK)
                            .replace(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"), Secrets.MASK);
                }
            }
            String masked = content;
            shown.add(new PlannedFile(f.folder(), f.name(), () -> masked, f.containerUid(), f.once(), f.note()));
        }
        return new InstancePlan(name, serviceType, List.copyOf(shown), container);
    }

    private static void collect(JsonNode node, boolean secret, TreeSet<String> into) {
        if (node.isTextual() && secret && !node.asText().isEmpty()) {
            into.add(node.asText());
        }
        node.fields().forEachRemaining(e -> collect(e.getValue(), secret || Secrets.isSecretKey(e.getKey()), into));
        if (node.isArray()) {
            node.forEach(n -> collect(n, secret, into));
        }
    }
}
