package trellis.engine.local;

import com.github.dockerjava.api.DockerClient;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a Docker engine: they skip where none answers, and fail in CI, where
 * {@code TRELLIS_REQUIRE_DOCKER=1} says one must.
 */
public final class LocalEngineTesting {
    public static final String STAND_IN = "trellis/stand-in:1";

    private LocalEngineTesting() {
    }

    private static final java.nio.file.Path DATA_DIR = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
            "trellis-it-" + ProcessHandle.current().pid(), "services");

    /**
     * Control Plane behaviour with test timings, every service type on the stand-in image, and no
     * node started by default (the tests of the default nodes ask for {@link #withDefaultNodes}).
     */
    public static LocalEngineSettings standInSettings() {
        return withDefaultNodes().withoutDefaultNodes();
    }

    /** {@link #standInSettings} with the product's default: a server started for each node that has none. */
    public static LocalEngineSettings withDefaultNodes() {
        return new LocalEngineSettings(java.util.Map.of("postgrest", STAND_IN, "mcp", STAND_IN, "rag", STAND_IN, "postgres", PostgresStandIn.IMAGE),
                java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(2), 2, java.time.Duration.ZERO,
                java.time.Duration.ofSeconds(60), DATA_DIR, false);
    }

    /** A documented example's create body, under a database id of the test's own. */
    public static trellis.spec.CreateDatabaseRequest example(String file, String databaseId) throws java.io.IOException {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) trellis.spec.Json.MAPPER.readTree(trellis.TestFiles.example(file).toFile());
        tree.put("id", databaseId);
        return trellis.spec.Json.MAPPER.treeToValue(tree, trellis.spec.CreateDatabaseRequest.class);
    }

    /** Removes what a test left of a database, tolerating the engine's own delete still under way. */
    public static void removeContainers(DockerClient docker, String databaseId) {
        for (var c : docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of(LocalEngine.LABEL_DATABASE, databaseId)).exec()) {
            try {
                docker.removeContainerCmd(c.getId()).withForce(true).exec();
            } catch (com.github.dockerjava.api.exception.DockerException alreadyGoing) {
                // the engine's own delete got there first
            }
        }
    }

    public static DockerClient requireDocker() {
        boolean required = "1".equals(System.getenv("TRELLIS_REQUIRE_DOCKER"));
        Optional<String> host = LocalEngines.dockerHost();
        String why;
        if (host.isPresent()) {
            try {
                DockerClient c = LocalEngines.client(host.get());
                c.pingCmd().exec();
                c.inspectImageCmd(STAND_IN).exec();
                return c;
            } catch (RuntimeException e) {
                why = "Docker at " + host.get() + " is not usable (" + e.getMessage() + "); run: source .ci/docker.sh";
            }
        } else {
            why = "no Docker engine (set DOCKER_HOST or run: source .ci/docker.sh)";
        }
        if (required) {
            throw new AssertionError("TRELLIS_REQUIRE_DOCKER=1 but " + why);
        }
        Assumptions.abort(why);
        return null;
    }

    /** Waits up to 60 s for a task to end: the task as it ended, or as it stands at the deadline. */
    public static trellis.spec.Task finish(LocalEngine engine, trellis.spec.Task task) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        trellis.spec.Task cur = engine.task(task.databaseId(), task.taskId());
        while (System.nanoTime() < deadline && !java.util.List.of("completed", "failed", "canceled").contains(cur.status())) {
            Thread.sleep(100);
            cur = engine.task(task.databaseId(), task.taskId());
        }
        return cur;
    }

    /** Runs a command in a container: what it wrote to stdout and stderr, within 10 s. */
    public static String execOutput(DockerClient docker, String containerId, String... cmd) throws InterruptedException {
        String exec = docker.execCreateCmd(containerId).withAttachStdout(true).withAttachStderr(true).withCmd(cmd).exec().getId();
        StringBuilder out = new StringBuilder();
        docker.execStartCmd(exec).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
            @Override
            public void onNext(com.github.dockerjava.api.model.Frame f) {
                out.append(new String(f.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }).awaitCompletion(10, java.util.concurrent.TimeUnit.SECONDS);
        return out.toString();
    }
}
