package trellis.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.stage.Stage;
import trellis.bench.BenchResults;
import trellis.engine.http.RestControlPlane;
import trellis.spec.Database;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import trellis.spec.DatabaseUser;
import trellis.spec.HealthCheckResult;
import trellis.spec.Json;
import trellis.spec.ServiceInstance;
import trellis.spec.ServiceInstanceStatus;
import trellis.spec.ServiceSpec;

/**
 * The soak of issue 15: the real window and REST client polling, as fast as the poller lets
 * them, a real HTTP server on 127.0.0.1 that serves a 100-instance database whose states change
 * between polls, and that at random drops the connection, stalls past the client's timeout,
 * answers 500 or answers malformed JSON. Measured: the heap after a full GC at the start and at
 * the end, the longest time the FX thread did not take a queued runnable (a probe posts one every
 * 2 ms), and the most requests the server had in flight at once for the database.
 * {@code bench/run-soak.sh} runs 10,000 polls; {@link SoakPollingIT} a few hundred.
 */
final class SoakPolling {
    static final Duration CLIENT_TIMEOUT = Duration.ofMillis(1000);
    static final Duration POLL_PERIOD = Duration.ofMillis(20);
    static final String DATABASE = "soak";
    static final int HOSTS = 10;
    static final int SERVICES = 10;
    private static final List<String> FAULTS = List.of("500", "drop", "stall", "malformed");

    /** What a run showed: the polls counted after the warm-up; the heap and the pauses as {@link SoakPollingMeasures} says. */
    record Result(int warmupPolls, int polls, int faults, int maxInFlight, int maxHistoryInFlight, long heapStartBytes, long heapEndBytes,
            int nodesStart, int nodesEnd,
            SoakPollingMeasures.Pauses pauses, String bannerAfterRecovery, boolean bannerShownAfterRecovery) {
        double heapGrowth() {
            return (heapEndBytes - heapStartBytes) / (double) heapStartBytes;
        }

        double longestFxPauseMs() {
            return pauses.longestFxMs();
        }
    }

    /** The warm-up before anything is measured: the JIT, the style caches, the event log filled to its cap. */
    static int warmup(int polls) {
        return Math.max(300, polls / 10);
    }

    /** What the server counted: polls of the database, faults served, and the most requests in flight at once. */
    record Counts(int polls, int faults, int maxInFlight, int maxHistoryInFlight) {
        /** The line the server in its own JVM writes. */
        String line() {
            return "COUNTS " + polls + " " + faults + " " + maxInFlight + " " + maxHistoryInFlight;
        }

        /** A line {@link #line()} wrote, or null for any other. */
        static Counts parse(String line) {
            if (!line.startsWith("COUNTS ")) {
                return null;
            }
            String[] f = line.substring("COUNTS ".length()).trim().split(" ");
            return new Counts(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]));
        }
    }

    /** The faulty server as the soak sees it: where it is, what it counted, and its fault rate. */
    interface Server extends AutoCloseable {
        URI uri();

        Counts counts();

        default int polls() {
            return counts().polls();
        }

        /** One request in {@code n} a fault from now on (0: none). */
        void faultEvery(int n);

        @Override
        void close();
    }

    /** Serves the soak database; one request in {@code faultEvery} is a fault (0: none), in turn. */
    static final class FaultyServer implements Server {
        final AtomicInteger polls = new AtomicInteger();
        final AtomicInteger faults = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger historyInFlight = new AtomicInteger();
        final AtomicInteger maxHistoryInFlight = new AtomicInteger();
        volatile int faultEvery;
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(4);
        private final Random random = new Random(15);

        /** The listing the console asks for once when it connects, made before the server starts (Jackson warmed). */
        private final String listing = "{\"databases\":[" + json(database(0)) + "]}";

        FaultyServer(int faultEvery) throws IOException {
            this.faultEvery = faultEvery;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(threads);
            server.createContext("/v1/databases", ex -> {
                try (ex) {
                    String path = ex.getRequestURI().getPath();
                    if (path.equals("/v1/databases")) {
                        send(ex, 200, listing);
                    } else if (path.contains("/tasks")) {
                        // the Tasks tab's history of the database shown: its own request, counted apart
                        int now = historyInFlight.incrementAndGet();
                        maxHistoryInFlight.accumulateAndGet(now, Math::max);
                        try {
                            send(ex, 200, "{\"tasks\":[]}");
                        } finally {
                            historyInFlight.decrementAndGet();
                        }
                    } else {
                        poll(ex);
                    }
                } catch (IOException cut) {
                    // the connection was cut on purpose, or the client gave up: what it sees is the point
                }
            });
            server.start();
        }

        @Override
        public URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public Counts counts() {
            return new Counts(polls.get(), faults.get(), maxInFlight.get(), maxHistoryInFlight.get());
        }

        @Override
        public void faultEvery(int n) {
            faultEvery = n;
        }

        private void poll(HttpExchange ex) throws IOException {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                int n = polls.incrementAndGet();
                String fault = null;
                synchronized (random) {
                    if (faultEvery > 0 && random.nextInt(faultEvery) == 0) {
                        fault = FAULTS.get(faults.getAndIncrement() % FAULTS.size());
                    }
                }
                String body = json(database(n));
                if (fault == null) {
                    send(ex, 200, body);
                } else if ("500".equals(fault)) {
                    send(ex, 500, "{\"name\":\"server_error\",\"message\":\"injected failure\"}");
                } else if ("stall".equals(fault)) {
                    sleep(CLIENT_TIMEOUT.toMillis() + 300);
                    send(ex, 200, body);
                } else if ("malformed".equals(fault)) {
                    send(ex, 200, body.substring(0, body.length() / 3));
                } else {
                    byte[] b = body.getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, b.length);
                    ex.getResponseBody().write(b, 0, b.length / 2);
                    ex.getResponseBody().flush();
                    throw new IOException("cut on purpose");
                }
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private static String json(Database db) {
            try {
                return Json.MAPPER.writeValueAsString(db);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void send(HttpExchange ex, int status, String json) throws IOException {
            trellis.TestHttp.sendJson(ex, status, json);
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }

        /**
         * {@code SoakPolling server FAULT_EVERY}: the server in a JVM of its own. Says {@code PORT n}, then its
         * counts every 100 ms ({@code COUNTS polls faults maxInFlight maxHistoryInFlight}); reads {@code faults N}
         * lines; ends when its input ends (the soak ended or died).
         */
        static void serve(int faultEvery) throws Exception {
            try (FaultyServer server = new FaultyServer(faultEvery)) {
                System.out.println("PORT " + server.uri().getPort());
                System.out.flush();
                Thread counts = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        System.out.println(server.counts().line());
                        System.out.flush();
                        SoakPolling.sleep(100);
                    }
                }, "counts");
                counts.setDaemon(true);
                counts.start();
                java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("faults ")) {
                        server.faultEvery(Integer.parseInt(line.substring("faults ".length()).trim()));
                    }
                }
            }
        }
    }

    /**
     * The faulty server in a JVM of its own (bench/run-soak.sh), so that the heap and the pauses measured are the
     * console's alone: in the same JVM, the server's connections (those the faults cut or stalled, kept until
     * its idle timeout) and its garbage were in the measured heap and its collections.
     */
    static final class ChildServer implements Server {
        private final Process process;
        private final java.io.PrintWriter commands;
        private final int port;
        private volatile Counts counts = new Counts(0, 0, 0, 0);

        ChildServer(int faultEvery) throws IOException {
            process = child(List.of("-Xmx256m"), "server", String.valueOf(faultEvery));
            commands = new java.io.PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            if (first == null || !first.startsWith("PORT ")) {
                process.destroyForcibly();
                throw new IOException("the soak's server did not start: " + first);
            }
            port = Integer.parseInt(first.substring("PORT ".length()).trim());
            Thread reader = new Thread(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        Counts c = Counts.parse(line);
                        if (c != null) {
                            counts = c;
                        }
                    }
                } catch (IOException ended) {
                    // the server ended
                }
            }, "soak-server-counts");
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public URI uri() {
            return URI.create("http://127.0.0.1:" + port);
        }

        @Override
        public Counts counts() {
            return counts;
        }

        @Override
        public void faultEvery(int n) {
            commands.println("faults " + n);
        }

        @Override
        public void close() {
            commands.close();
            endChild(process);
        }
    }

    private SoakPolling() {
    }

    /** {@code SoakPolling MODE ARGS} in a JVM of its own, with the soak's class path; its errors go to the soak's. */
    static Process child(List<String> jvmOptions, String... modeAndArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SoakPolling.class.getName()));
        command.addAll(List.of(modeAndArgs));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Ends a {@link #child}: its input closed (the end it waits for), at most 10 s to go, then killed. */
    static void endChild(Process process) {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (java.io.IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * 10 hosts with 10 services each; at poll {@code n} one instance in ten (a different tenth each
     * poll) is creating, the rest running, so every poll changes states on the picture.
     */
    static Database database(int n) {
        List<String> hosts = new ArrayList<>();
        for (int h = 1; h <= HOSTS; h++) {
            hosts.add("host-" + h);
        }
        List<ServiceSpec> services = new ArrayList<>();
        List<ServiceInstance> instances = new ArrayList<>();
        for (int s = 0; s < SERVICES; s++) {
            String id = "svc-" + s;
            services.add(new ServiceSpec(id, "postgrest", "14.5", hosts, "app", 0, null, null, null, null, null, null));
            for (int h = 0; h < HOSTS; h++) {
                String state = (s + n) % 10 == h % 10 ? "creating" : "running";
                instances.add(new ServiceInstance(DATABASE + "-" + id + "-" + hosts.get(h), id, DATABASE, hosts.get(h), state,
                        new ServiceInstanceStatus("c" + s + h, "14.5", List.of("127.0.0.1"), List.of(),
                                new HealthCheckResult("running".equals(state) ? "healthy" : "unknown", "2026-12-03T10:00:00Z", null, null),
                                "2026-12-03T10:00:00Z", true, null),
                        null, "2026-12-03T10:00:00Z", "2026-12-03T10:00:00Z", null));
            }
        }
        DatabaseSpec spec = new DatabaseSpec(DATABASE, null, null, null, null, null, null,
                List.of(new DatabaseNode("n1", List.of("host-1"), null, null, null, null, null, null, null)),
                List.of(new DatabaseUser("app", null, null, null, null, null)), services, null);
        return new Database(DATABASE, null, "available", "2026-12-03T10:00:00Z", "2026-12-03T10:00:00Z", spec, List.of(), instances, null);
    }

    /**
     * Runs the window against the faulty server for {@code warmup} polls ({@link #warmup}) and then {@code polls}
     * measured polls; call off the FX thread. With {@code histograms} set, the class histograms at the
     * start and the end of the measure are written there.
     */
    static Result run(Stage stage, int warmup, int polls, int faultEvery, Path histograms) throws Exception {
        return run(stage, warmup, polls, histograms, new FaultyServer(faultEvery));
    }

    /** As above, against the given server (closed at the end). */
    static Result run(Stage stage, int warmup, int polls, Path histograms, Server server) throws Exception {
        try (server; SoakPollingMeasures measures = new SoakPollingMeasures()) {
            MainWindow window = FxTesting.fx(() -> {
                MainWindow w = ConsoleApp.createWindow(stage, FxTesting.freshSettings(), TaskRunner.standard(), Theme.LIGHT);
                stage.setWidth(1400);
                stage.setHeight(900);
                stage.show();
                w.addControlPlane(new RestControlPlane(server.uri(), null, Duration.ofSeconds(5), CLIENT_TIMEOUT));
                return w;
            }, 60);
            try {
                FxTesting.waitUntil("the soak database shown", 30, () -> window.poller() != null);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; events: " + ask(() -> List.copyOf(window.events())), e);
            }
            FxTesting.fx(() -> {
                window.poller().setPeriod(javafx.util.Duration.millis(POLL_PERIOD.toMillis()));
                return null;
            }, 60);
            awaitPolls(server, warmup, 600, warmup + " polls to warm up");
            int nodesStart = ask(() -> nodes(stage.getScene().getRoot()));
            long heapStart = SoakPollingMeasures.heapAfterGc();
            SoakPollingMeasures.histogram(histograms, "start");
            // The full collections that took the heap stopped everything for ~200 ms: the FX thread first works
            // off the polls queued meanwhile (a 28 ms wait at the probe's first runnable). That is the measure's
            // own doing, not the console's; the probe starts once it has passed.
            sleep(1000);
            int from = server.polls();
            int faultsFrom = server.counts().faults();
            measures.startProbe();
            awaitPolls(server, from + polls, 7200, polls + " polls");
            measures.stopProbe();
            long heapEnd = SoakPollingMeasures.heapAfterGc();
            int nodesEnd = ask(() -> nodes(stage.getScene().getRoot()));
            if (Boolean.getBoolean("soak.census")) {
                System.out.println(ask(() -> census(stage.getScene().getRoot())));
            }
            SoakPollingMeasures.histogram(histograms, "end");
            SoakPollingMeasures.Pauses pauses = measures.pauses();
            int measured = server.polls() - from;
            int faults = server.counts().faults() - faultsFrom;
            // The server recovers: the banner goes and the picture is fresh again.
            server.faultEvery(0);
            awaitPolls(server, server.polls() + 50, 120, "polls after recovery");
            FxTesting.waitUntil("the banner gone after recovery", 30, () -> !window.bannerShown());
            String banner = ask(() -> window.bannerLabel().getText());
            boolean shown = ask(window::bannerShown);
            FxTesting.fx(() -> {
                window.shutdown();
                return null;
            }, 60);
            Counts counted = server.counts();
            return new Result(from, measured, faults, counted.maxInFlight(), counted.maxHistoryInFlight(),
                    heapStart, heapEnd, nodesStart, nodesEnd, pauses, banner, shown);
        }
    }

    /** Waits off the FX thread (the counts of a server in another JVM are read from its output). */
    private static void awaitPolls(Server server, int atLeast, long seconds, String what) {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (server.polls() < atLeast) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited " + seconds + " s for: " + what + " (" + server.polls() + " served)");
            }
            sleep(100);
        }
    }

    /** The nodes in the window's scene graph: every pulse walks all of them for their bounds. */
    static int nodes(javafx.scene.Parent root) {
        int n = 1;
        for (javafx.scene.Node c : root.getChildrenUnmodifiable()) {
            n += c instanceof javafx.scene.Parent p ? nodes(p) : 1;
        }
        return n;
    }

    private static String census(javafx.scene.Parent root) {
        java.util.Map<String, Integer> byClass = new java.util.TreeMap<>();
        java.util.ArrayDeque<javafx.scene.Node> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            javafx.scene.Node n = todo.pop();
            byClass.merge(n.getClass().getSimpleName() + (n.getStyleClass().isEmpty() ? "" : "." + n.getStyleClass().get(0)), 1, Integer::sum);
            if (n instanceof javafx.scene.Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return byClass.toString();
    }

    private static <T> T ask(Callable<T> question) {
        try {
            return FxTesting.fx(question, 60);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** bench/run-soak.sh: {@code POLLS FAULT_EVERY RESULTS.md [HISTOGRAM_DIR]}. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("server")) {
            FaultyServer.serve(Integer.parseInt(args[1]));
            return;
        }
        if (args.length > 0 && args[0].equals("ticker")) {
            SoakTicker.tick();
            return;
        }
        int polls = Integer.parseInt(args.length > 0 ? args[0] : "10000");
        int faultEvery = Integer.parseInt(args.length > 1 ? args[1] : "100");
        Path results = Path.of(args.length > 2 ? args[2] : "bench/RESULTS.md");
        Path histograms = args.length > 3 ? Path.of(args[3]) : null;
        // the renderer as the console sets it up (ConsoleApp.open does this before its toolkit starts)
        ConsoleApp.renderingDefaults();
        Platform.startup(() -> { });
        Stage stage = FxTesting.fx(Stage::new, 60);
        long started = System.nanoTime();
        Result r = run(stage, warmup(polls), polls, histograms, new ChildServer(faultEvery));
        double minutes = (System.nanoTime() - started) / 6e10;
        SoakPollingMeasures.Pauses p = r.pauses();
        // each wait over a frame, from the probe's start, with what was in it (stdout only)
        List<SoakPollingMeasures.Span> overFrame = p.overFrame();
        overFrame.forEach(w -> System.out.printf("wait over a frame: +%.3f s, %.1f ms%s%s%n", (w.startNanos() - p.startNanos()) / 1e9, w.millis(),
                p.withGc(w) ? ", a GC pause in it" : "", p.inMachineStall(w) ? ", the machine stalled in it" : ""));
        long withGc = overFrame.stream().filter(p::withGc).count();
        long inStall = overFrame.stream().filter(p::inMachineStall).count();
        double own = p.longestOwnMs();
        String md = "## Soak: polling a faulty Control Plane\n\n"
                + String.format("The console (`MainWindow`, the REST client, the poller every %d ms) against a real HTTP server on"
                        + " 127.0.0.1, in a JVM of its own (so that the heap and the pauses measured are the console's), serving a %d-instance database whose states change on every poll; about one request in %d"
                        + " is a fault, in turn: 500, dropped connection, a stall past the client's %d ms timeout, malformed JSON."
                        + " %d polls of warm-up, not measured, then %d measured polls; %.1f min in all. %s, %s, %s.%n%n",
                        POLL_PERIOD.toMillis(), HOSTS * SERVICES, faultEvery, CLIENT_TIMEOUT.toMillis(), r.warmupPolls(), r.polls(), minutes,
                        LocalDate.now(), BenchResults.machine(), gcName() + " (JVM options, ./trellis's jit= line unless SOAK_JAVA_OPTS added more: "
                                + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                                        .filter(a -> a.startsWith("-XX:")).toList()) + ")")
                + "Heap after GC: the smallest of three full collections in a row, each read as the collector left the heap"
                + " (metaspace and code cache are not in it). FX-thread pause: the longest wait of a runnable posted every 2 ms;"
                + " a wait had a GC pause in it when one of the JVM's stop-the-world pauses (JFR `jdk.GCPhasePause`) overlaps it,"
                + " and the machine stalled in it when an idle process beside the soak (one that sleeps 1 ms at a time and allocates"
                + " nothing) woke 8 ms or more late then: the hypervisor or the kernel gave it no CPU (a stall of the whole machine, or of the virtual CPU it was on).\n\n"
                + "| measure | goal | result |\n|---|---|---|\n"
                + String.format("| polls / faults (measured) | 10,000 / — | %d / %d |%n", r.polls(), r.faults())
                + String.format("| heap after GC, start → end | within 5 %% | %.1f MB → %.1f MB (%+.1f %%) |%n",
                        r.heapStartBytes() / 1e6, r.heapEndBytes() / 1e6, 100 * r.heapGrowth())
                + String.format("| longest FX-thread pause, all | < 16 ms | %.1f ms |%n", p.longestFxMs())
                + String.format("| FX waits over 16 ms: all / with a GC pause in them / in a stall of the machine | — | %d / %d / %d |%n",
                        overFrame.size(), withGc, inStall)
                + String.format("| longest FX wait with neither in it (the console's own) | < 16 ms | %s |%n",
                        own > 0 ? String.format("%.1f ms", own) : "under 8 ms")
                + String.format("| the machine's stalls (the idle process woke 8 ms+ late) | — | %d, longest %.1f ms |%n",
                        p.machine().size(), p.longestMachineMs())
                + String.format("| longest GC pause (stop-the-world) | — | %.1f ms (%d pauses) |%n", p.longestGcMs(), p.gc().size())
                + String.format("| nodes in the window's scene graph, start → end | — | %d → %d |%n", r.nodesStart(), r.nodesEnd())
                + String.format("| requests in flight for the database, at most (polls / task history) | 1 / 1 | %d / %d |%n",
                        r.maxInFlight(), r.maxHistoryInFlight())
                + String.format("| banner after the server recovered | gone | %s |%n", r.bannerShownAfterRecovery() ? "shown: " + r.bannerAfterRecovery() : "gone");
        BenchResults.writeSection(results, "soak", md);
        System.out.print(md);
        Platform.exit();
        System.exit(0);
    }

    private static String gcName() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).collect(java.util.stream.Collectors.joining(" + "));
    }
}
