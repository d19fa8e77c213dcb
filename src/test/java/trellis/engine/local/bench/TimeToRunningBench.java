package trellis.engine.local.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PushResponseItem;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import trellis.bench.BenchResults;
import trellis.engine.local.LocalEngine;
import trellis.engine.local.LocalEngineSettings;
import trellis.engine.local.LocalEngines;
import trellis.engine.local.StateStore;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;

/**
 * bench/engine/run-start.sh: time from an empty engine data folder (no state store, no service
 * files) to the co-located template's instance running, the image already present, and pulled
 * from a registry on 127.0.0.1 (the Debian docker-registry) holding the stand-in plus a 20 MB
 * layer of its own. Timed from opening the engine to the instance's move to running.
 */
public final class TimeToRunningBench {
    static final String IMAGE = "trellis/stand-in:1";
    static final Path REGISTRY = Path.of("/usr/bin/docker-registry");
    static final int RUNS = 3;
    static final int LAYER_BYTES = 20_000_000;

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/RESULTS.md");
        String host = LocalEngines.dockerHost().orElseThrow(() -> new IllegalStateException(LocalEngines.describeUnavailable()));
        DockerClient docker = LocalEngines.client(host);
        Path work = Files.createTempDirectory("trellis-start-bench");
        Process registry = null;
        String pulledRepo = null;
        try {
            List<Long> present = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                present.add(timeToRunning(docker, work.resolve("present-" + i), IMAGE));
            }
            int port = freePort();
            registry = startRegistry(work, port);
            pulledRepo = "127.0.0.1:" + port + "/pgedge/postgrest";
            pushWithLayer(docker, work, pulledRepo + ":14.5");
            List<Long> pulled = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                removeImage(docker, pulledRepo + ":14.5");
                pulled.add(timeToRunning(docker, work.resolve("pulled-" + i), pulledRepo));
            }
            String md = "## Local engine: time to running\n\n"
                    + "`bench/engine/run-start.sh`, " + LocalDate.now() + ", " + BenchResults.machine() + ", Docker at " + host
                    + ". The co-located template (one PostgREST instance) from an empty engine data folder: timed from opening"
                    + " the engine to the instance's move to running, health check every 500 ms. Median of " + RUNS
                    + " (all runs in brackets).\n\n"
                    + "| measure | result |\n|---|---|\n"
                    + String.format("| image present (the stand-in) | %d ms %s |%n", median(present), present)
                    + String.format("| image pulled from a registry on 127.0.0.1 (the stand-in plus a %d MB layer) | %d ms %s |%n",
                    LAYER_BYTES / 1_000_000, median(pulled), pulled);
            BenchResults.writeSection(results, "engine-start", md);
            System.out.println(md);
        } finally {
            if (pulledRepo != null) {
                removeImage(docker, pulledRepo + ":14.5");
            }
            if (registry != null) {
                registry.destroy();
                registry.waitFor(10, TimeUnit.SECONDS);
            }
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** Opens an engine on an empty folder, creates the co-located template, waits for running; removes it after. */
    private static long timeToRunning(DockerClient docker, Path folder, String postgrestImage) throws Exception {
        String id = "start" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
        LocalEngineSettings settings = new LocalEngineSettings(Map.of("postgrest", postgrestImage),
                Duration.ofMillis(500), Duration.ofSeconds(2), 2, Duration.ZERO, Duration.ofSeconds(120),
                folder.resolve("services"), false).withMonitor(Duration.ofSeconds(30), Duration.ofSeconds(60));
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(
                LocalEngine.class.getResourceAsStream("/trellis/templates/co-located.json"));
        tree.put("id", id);
        CreateDatabaseRequest request = Json.MAPPER.treeToValue(tree, CreateDatabaseRequest.class);
        CountDownLatch running = new CountDownLatch(1);
        long t0 = System.nanoTime();
        LocalEngine engine = LocalEngine.open(docker, settings, new StateStore(folder.resolve("engine.db")));
        try {
            engine.addTransitionListener(t -> {
                if ("running".equals(t.to())) {
                    running.countDown();
                }
            });
            engine.createDatabase(request);
            if (!running.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException(id + " not running within 5 minutes");
            }
            return (System.nanoTime() - t0) / 1_000_000;
        } finally {
            for (var c : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("io.trellis.database", id)).exec()) {
                docker.removeContainerCmd(c.getId()).withForce(true).exec();
            }
            engine.close();
        }
    }

    private static Process startRegistry(Path work, int port) throws Exception {
        Path config = work.resolve("registry.yml");
        Files.writeString(config, "version: 0.1\nstorage: {filesystem: {rootdirectory: " + work.resolve("registry")
                + "}}\nhttp: {addr: 127.0.0.1:" + port + "}\nlog: {level: warn}\n");
        Process p = new ProcessBuilder(REGISTRY.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("registry.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return p;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the registry did not answer on " + port);
    }

    private static void pushWithLayer(DockerClient docker, Path work, String image) throws Exception {
        Path context = Files.createDirectories(work.resolve("build"));
        byte[] blob = new byte[LAYER_BYTES];
        ThreadLocalRandom.current().nextBytes(blob);
        Files.write(context.resolve("blob"), blob);
        Files.writeString(context.resolve("Dockerfile"), "FROM " + IMAGE + "\nCOPY blob /blob\n");
        docker.buildImageCmd(context.toFile()).withTags(Set.of(image)).start().awaitImageId(300, TimeUnit.SECONDS);
        String repo = image.substring(0, image.lastIndexOf(':'));
        docker.pushImageCmd(repo).withTag(image.substring(image.lastIndexOf(':') + 1))
                .exec(new ResultCallback.Adapter<PushResponseItem>()).awaitCompletion(300, TimeUnit.SECONDS);
    }

    private static void removeImage(DockerClient docker, String image) {
        try {
            docker.removeImageCmd(image).withForce(true).exec();
        } catch (NotFoundException gone) {
            // not pulled
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static long median(List<Long> l) {
        List<Long> s = new ArrayList<>(l);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
