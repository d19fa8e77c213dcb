package trellis.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import trellis.engine.local.LocalEngine;
import trellis.engine.local.LocalEngineSettings;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import trellis.spec.DatabaseUser;
import trellis.spec.ServiceInstance;
import trellis.spec.ServiceSpec;

/**
 * The local engine against plain {@code docker run}, side by side in one run (bench/run-engine.sh):
 * 50 instances applied at once until all are running, and the monitor's delay from a container's
 * health change to the instance's state change. Needs a Docker engine and the stand-in image.
 */
public final class EngineBench {
    static final String IMAGE = "trellis/stand-in:1";
    static final int N = 50;

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/RESULTS.md");
        String host = LocalEngine.dockerHost().orElseThrow(() -> new IllegalStateException(LocalEngine.describeUnavailable()));
        DockerClient docker = LocalEngine.client(host);
        LocalEngineSettings settings = new LocalEngineSettings(Map.of("postgrest", IMAGE, "mcp", IMAGE, "rag", IMAGE),
                Duration.ofMillis(500), Duration.ofSeconds(2), 2, Duration.ZERO, Duration.ofSeconds(120),
                Path.of(System.getProperty("java.io.tmpdir"), "trellis-bench", "services"), false);

        long plain = plainDockerRun(host);
        cleanup(docker, "benchplain");
        LocalEngine engine = new LocalEngine(docker, settings);
        long engineMs = engineApply(engine);
        long delay = monitorDelay(docker, engine);
        cleanup(docker, "bench");

        String md = "## Local engine\n\n"
                + "`bench/run-engine.sh`, " + LocalDate.now() + ", " + BenchResults.machine() + ", Docker at " + host
                + ", the busybox stand-in image, health check every 500 ms for both.\n\n"
                + "| measure | goal | result |\n|---|---|---|\n"
                + String.format("| 50 containers with plain `docker run` (CLI, one after another) until all healthy | — | %d ms |%n", plain)
                + String.format("| 50 instances applied at once through the local engine until all running | within 1.3x | %d ms (%.2fx) |%n",
                engineMs, engineMs / (double) plain)
                + String.format("| monitor delay: Docker reports the container unhealthy → the instance reads failed | < 1 s | %d ms |%n", delay);
        BenchResults.writeSection(results, "engine", md);
        System.out.println(md);
        System.exit(0);
    }

    private static long plainDockerRun(String host) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < N; i++) {
            Process p = new ProcessBuilder("docker", "-H", host, "run", "-d", "--name", "benchplain-" + i,
                    "--label", "io.trellis.database=benchplain", "-p", "127.0.0.1::8080",
                    "--health-cmd", "wget -q -O /dev/null http://127.0.0.1:8080/health", "--health-interval", "500ms",
                    "--health-timeout", "2s", "--health-retries", "2", IMAGE).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("docker run failed");
            }
        }
        DockerClient c = LocalEngine.client(host);
        while (true) {
            long healthy = 0;
            for (Container ct : c.listContainersCmd().withLabelFilter(Map.of("io.trellis.database", "benchplain")).exec()) {
                if (ct.getStatus() != null && ct.getStatus().contains("(healthy)")) {
                    healthy++;
                }
            }
            if (healthy == N) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            Thread.sleep(50);
        }
    }

    private static long engineApply(LocalEngine engine) throws Exception {
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= N; i++) {
            hosts.add("host-" + i);
        }
        DatabaseSpec spec = new DatabaseSpec("bench", null, null, null, null, null, null,
                List.of(new DatabaseNode("n1", List.of("host-1"), null, null, null, null, null, null, null)),
                List.of(new DatabaseUser("app", "x", null, null, null, null)),
                List.of(new ServiceSpec("api", "mcp", "1.0.0", hosts, "app", 0, null, null, null, null, null, null)), null);
        long t0 = System.nanoTime();
        engine.createDatabase(new CreateDatabaseRequest("bench", null, spec, null));
        while (true) {
            List<ServiceInstance> l = engine.database("bench").serviceInstances();
            if (l.size() == N && l.stream().allMatch(i -> "running".equals(i.state()))) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            Thread.sleep(50);
        }
    }

    private static long monitorDelay(DockerClient docker, LocalEngine engine) throws Exception {
        Container c = docker.listContainersCmd().withLabelFilter(Map.of("io.trellis.database", "bench")).exec().get(0);
        String exec = docker.execCreateCmd(c.getId()).withCmd("rm", "/www/health").exec().getId();
        docker.execStartCmd(exec).start().awaitCompletion();
        while (!"unhealthy".equals(docker.inspectContainerCmd(c.getId()).exec().getState().getHealth().getStatus())) {
            Thread.sleep(10);
        }
        long t0 = System.nanoTime();
        String name = c.getNames()[0].replaceFirst("^/", "");
        while (true) {
            List<ServiceInstance> l = engine.database("bench").serviceInstances();
            if (l.stream().anyMatch(i -> i.serviceInstanceId().equals(name) && "failed".equals(i.state()))) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            Thread.sleep(10);
        }
    }

    private static void cleanup(DockerClient docker, String database) {
        for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("io.trellis.database", database)).exec()) {
            docker.removeContainerCmd(c.getId()).withForce(true).exec();
        }
    }
}
