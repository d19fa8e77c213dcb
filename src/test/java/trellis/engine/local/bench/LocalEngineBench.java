package trellis.engine.local.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import trellis.bench.BenchResults;
import trellis.engine.local.LifecycleMonitor;
import trellis.engine.local.LocalEngine;
import trellis.engine.local.LocalEngines;
import trellis.engine.local.LocalEngineSettings;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import trellis.spec.DatabaseUser;
import trellis.spec.ServiceSpec;

/**
 * bench/engine/run.sh: the local engine against plain {@code docker run} in the same run, and the
 * monitor's delay from Docker's health verdict to the instance's state. The sweep is set to a
 * minute, so every state change measured here comes from the events stream, not from a poll.
 * Every wait is bounded; what it leaves behind is removed.
 */
public final class LocalEngineBench {
    static final String IMAGE = "trellis/stand-in:1";
    static final int N = 50;
    static final int PROBES = 10;

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/RESULTS.md");
        String host = LocalEngines.dockerHost().orElseThrow(() -> new IllegalStateException(LocalEngines.describeUnavailable()));
        DockerClient docker = LocalEngines.client(host);
        LocalEngineSettings settings = new LocalEngineSettings(Map.of("postgrest", IMAGE, "mcp", IMAGE, "rag", IMAGE),
                Duration.ofSeconds(1), Duration.ofSeconds(5), 2, Duration.ZERO, Duration.ofSeconds(120),
                Path.of(System.getProperty("java.io.tmpdir"), "trellis-bench", "services"), false)
                .withMonitor(Duration.ofSeconds(30), Duration.ofSeconds(60))
                // docker run starts no database: with nodes by default on, the engine's figure counted starting PostgreSQL 17
                // (initdb and start, 4-6 s in a cold JVM) on top of the 50 containers
                .withoutDefaultNodes();
        cleanup(docker, "benchplain");
        cleanup(docker, "bench");
        String loadBefore = load();
        PhaseClock phases = new PhaseClock(docker);
        // bench.rounds pairs (default 3), plain then engine in each, every pair measured: one pair on 2 cores moves by
        // 10-20 % with what dockerd is doing, so the figure is the median of each side and the pairs' ratios are listed
        int rounds = Integer.getInteger("bench.rounds", 3);
        List<Long> plains = new ArrayList<>();
        List<Long> engines = new ArrayList<>();
        LocalEngine engine = null;
        LinkedBlockingQueue<LifecycleMonitor.Transition> moves = null;
        for (int r = 1; r <= rounds; r++) {
            phases.reset("benchplain");
            long t0 = PhaseClock.now();
            long plain = plainDockerRun(host, docker);
            System.out.println("round " + r + " " + phases.summary("benchplain", t0) + " | all healthy seen at " + plain + " ms");
            cleanup(docker, "benchplain");
            engine = new LocalEngine(docker, settings);
            moves = new LinkedBlockingQueue<>();
            engine.addTransitionListener(moves::add);
            phases.reset("bench");
            t0 = PhaseClock.now();
            long ms = engineApply(engine, moves);
            System.out.println("round " + r + " " + phases.summary("bench", t0) + " | all running at " + ms + " ms ("
                    + String.format("%.2fx", ms / (double) plain) + "); " + taskPhases(engine, t0));
            plains.add(plain);
            engines.add(ms);
            if (r < rounds) {
                engine.close();
                cleanup(docker, "bench");
            }
        }
        phases.close();
        long plain = median(plains);
        long engineMs = median(engines);
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < rounds; i++) {
            pairs.append(i == 0 ? "" : ", ").append(String.format("%.2fx", engines.get(i) / (double) plains.get(i)));
        }
        if (results.toString().equals("-")) {
            // phases only: no monitor probes, nothing written
            engine.close();
            cleanup(docker, "bench");
            System.out.printf("plain %s, engine %s ms: medians %d / %d ms, %.2fx; pairs %s (load %s / %s)%n", plains, engines, plain, engineMs,
                    engineMs / (double) plain, pairs, loadBefore, load());
            System.exit(0);
        }
        List<Long> failDelays = new ArrayList<>();
        List<Long> recoverDelays = new ArrayList<>();
        monitorDelays(docker, moves, failDelays, recoverDelays);
        engine.close();
        cleanup(docker, "bench");

        String md = "## Local engine\n\n"
                + "`bench/engine/run.sh`, " + LocalDate.now() + ", " + BenchResults.machine() + ", Docker at " + host
                + ", the busybox stand-in image, health check every 1 s (5 s timeout) for both, each container counted from its first healthy verdict; no database node"
                + " started by either (the engine's default nodes off); the engine's states come from"
                + " Docker's events stream alone (its sweep set to 60 s). Load average at start / end: " + loadBefore + " / " + load()
                + ". The two 50-container runs alternate " + rounds + " times (plain, then the engine); each side's median, and each pair's ratio.\n\n"
                + "| measure | goal | result |\n|---|---|---|\n"
                + String.format("| 50 containers with plain `docker run` (CLI, 50 started in parallel) until all healthy (median of %d: %s) | — | %d ms |%n",
                rounds, plains, plain)
                + String.format("| 50 instances applied at once through the local engine until all running (median of %d: %s; pairs %s) | within 1.1x | %d ms (%.2fx) |%n",
                rounds, engines, pairs, engineMs, engineMs / (double) plain)
                + String.format("| monitor delay: Docker's `health_status: unhealthy` event → instance failed (median / max of %d) | < 1 s | %d ms / %d ms |%n",
                PROBES, median(failDelays), Collections.max(failDelays))
                + String.format("| monitor delay: Docker's `health_status: healthy` event → instance running again (median / max of %d) | < 1 s | %d ms / %d ms |%n",
                PROBES, median(recoverDelays), Collections.max(recoverDelays));
        BenchResults.writeSection(results, "engine", md);
        System.out.println(md);
        System.exit(0);
    }

    /** When the apply's task wrote its first file, created its first and last container and ended, after {@code t0}. */
    private static String taskPhases(LocalEngine engine, long t0) throws Exception {
        var task = engine.tasks("bench").get(0);
        var entries = engine.taskLog("bench", task.taskId(), null).entries();
        long firstWritten = -1;
        long firstCreated = -1;
        long lastCreated = -1;
        for (var e : entries) {
            java.time.Instant at = java.time.Instant.parse(e.timestamp());
            long ms = (at.getEpochSecond() * 1_000_000_000L + at.getNano() - t0) / 1_000_000;
            if (firstWritten < 0 && e.message().contains(" written ")) {
                firstWritten = ms;
            }
            if (e.message().contains(" created from ")) {
                lastCreated = ms;
                firstCreated = firstCreated < 0 ? ms : firstCreated;
            }
        }
        String ended = task.completedAt() == null ? "not ended" : "ended "
                + java.time.Duration.between(java.time.Instant.ofEpochSecond(0, t0), java.time.Instant.parse(task.completedAt())).toMillis() + " ms";
        return "task " + task.status() + ": first file " + firstWritten + " ms, containers created+started " + firstCreated + "/" + lastCreated
                + " ms, " + ended + ", " + entries.size() + " log lines";
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long median(List<Long> l) {
        List<Long> s = new ArrayList<>(l);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static long plainDockerRun(String host, DockerClient c) throws Exception {
        long t0 = System.nanoTime();
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            // all started at once, as the engine's apply starts them: the comparison is with parallel docker run
            runs.add(new ProcessBuilder("docker", "-H", host, "run", "-d", "--name", "benchplain-" + i,
                    "--label", "io.trellis.database=benchplain", "-p", "127.0.0.1::8080",
                    "--health-cmd", "wget -q -O /dev/null http://127.0.0.1:8080/health", "--health-interval", "1s",
                    "--health-timeout", "5s", "--health-retries", "2", IMAGE).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (Process p : runs) {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("docker run failed");
            }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        // each container counts from its first healthy verdict, as the engine's instances count from their first move to running
        Set<String> healthy = new java.util.HashSet<>();
        while (System.nanoTime() < deadline) {
            c.listContainersCmd().withLabelFilter(Map.of("io.trellis.database", "benchplain")).exec().stream()
                    .filter(ct -> ct.getStatus() != null && ct.getStatus().contains("(healthy)")).forEach(ct -> healthy.add(ct.getId()));
            if (healthy.size() == N) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("plain docker run: not all healthy within 5 minutes");
    }

    private static long engineApply(LocalEngine engine, LinkedBlockingQueue<LifecycleMonitor.Transition> moves) throws Exception {
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
        Set<String> running = ConcurrentHashMap.newKeySet();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (running.size() < N && System.nanoTime() < deadline) {
            LifecycleMonitor.Transition t = moves.poll(1, TimeUnit.SECONDS);
            if (t != null && "running".equals(t.to())) {
                running.add(t.instanceId());
            }
        }
        if (running.size() < N) {
            throw new IllegalStateException("engine: " + running.size() + " of " + N + " running after 5 minutes");
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Per probe: break one instance's health, time Docker's verdict event → failed; mend it, time → running. */
    private static void monitorDelays(DockerClient docker, LinkedBlockingQueue<LifecycleMonitor.Transition> moves,
                                      List<Long> failDelays, List<Long> recoverDelays) throws Exception {
        Map<String, Long> verdictAt = new ConcurrentHashMap<>();
        var stream = docker.eventsCmd().withEventTypeFilter(com.github.dockerjava.api.model.EventType.CONTAINER)
                .withLabelFilter(Map.of("io.trellis.database", "bench")).withEventFilter("health_status")
                .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Event>() {
                    @Override
                    public void onNext(com.github.dockerjava.api.model.Event ev) {
                        verdictAt.put(ev.getActor().getAttributes().get("name") + "|" + ev.getAction(), System.nanoTime());
                    }
                });
        List<Container> all = docker.listContainersCmd().withLabelFilter(Map.of("io.trellis.database", "bench")).exec();
        for (int i = 0; i < PROBES; i++) {
            Container c = all.get(i);
            String name = c.getNames()[0].replaceFirst("^/", "");
            moves.clear();
            exec(docker, c.getId(), "rm", "/www/health");
            long failedAt = waitFor(moves, name, "failed");
            failDelays.add((failedAt - waitVerdict(verdictAt, name + "|health_status: unhealthy")) / 1_000_000);
            exec(docker, c.getId(), "sh", "-c", "printf ok > /www/health");
            long runningAt = waitFor(moves, name, "running");
            recoverDelays.add((runningAt - waitVerdict(verdictAt, name + "|health_status: healthy")) / 1_000_000);
            verdictAt.clear();
        }
        stream.close();
    }

    private static long waitVerdict(Map<String, Long> verdictAt, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Long at = verdictAt.get(key);
            if (at != null) {
                return at;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no Docker event " + key);
    }

    private static long waitFor(LinkedBlockingQueue<LifecycleMonitor.Transition> moves, String instance, String state)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            LifecycleMonitor.Transition t = moves.poll(100, TimeUnit.MILLISECONDS);
            if (t != null && t.instanceId().equals(instance) && state.equals(t.to())) {
                return System.nanoTime();
            }
        }
        throw new IllegalStateException(instance + " did not become " + state + " within 30 s");
    }

    private static void exec(DockerClient docker, String id, String... cmd) throws InterruptedException {
        String exec = docker.execCreateCmd(id).withCmd(cmd).exec().getId();
        docker.execStartCmd(exec).start().awaitCompletion(10, TimeUnit.SECONDS);
    }

    private static void cleanup(DockerClient docker, String database) {
        for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("io.trellis.database", database)).exec()) {
            try {
                docker.removeContainerCmd(c.getId()).withForce(true).exec();
            } catch (RuntimeException gone) {
                // removed meanwhile
            }
        }
    }
}
