package trellis.ui.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import trellis.bench.BenchResults;
import trellis.spec.Database;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import trellis.spec.DatabaseUser;
import trellis.spec.HealthCheckResult;
import trellis.spec.Json;
import trellis.spec.ServiceInstance;
import trellis.spec.ServiceInstanceStatus;
import trellis.spec.ServiceSpec;
import trellis.spec.validation.SpecValidator;
import trellis.topology.InstancePlacement;
import trellis.topology.Topology;
import trellis.topology.TopologyBuilder;
import trellis.ui.Theme;
import trellis.ui.export.TopologyPngExporter;

/**
 * The graph's goals of issue 14 (bench/run-graph.sh): 5,000 instances (500 hosts x 10 services)
 * first layout and paint, in fresh JVMs and warm; a poll changing 1,000 of the 5,000 states
 * (FX-thread time); the heap with that picture shown; one drag step over the 1,000-instance
 * picture (FX-thread time), and a drag start with a trivial refusal and with one that validates
 * the edited spec per host.
 */
public final class GraphBench {
    private static Stage stage;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(ConsoleColdPicture.CHILD)) {
            ConsoleColdPicture.child();
            return;
        }
        if (args.length > 0 && args[0].equals("cold")) {
            cold();
            return;
        }
        Path results = Path.of(args.length > 0 ? args[0] : "bench/RESULTS.md");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Long> coldRuns = new ArrayList<>();
        List<Long> coldCpu = new ArrayList<>();
        List<String> coldLoad = new ArrayList<>();
        List<Long> consoleRuns = new ArrayList<>();
        List<Long> consoleCpu = new ArrayList<>();
        List<String> consoleLoad = new ArrayList<>();
        List<Long> warmupSteps = new ArrayList<>();
        for (int i = 0; i < (System.getenv("GRAPH_QUICK") != null ? 0 : 5); i++) {
            consoleLoad.add(load());
            long[] c = child(java, ConsoleColdPicture.CHILD);
            consoleRuns.add(c[0]);
            consoleCpu.add(c[1]);
            warmupSteps.add(c[2]);
            coldLoad.add(load());
            c = child(java, "cold");
            coldRuns.add(c[0]);
            coldCpu.add(c[1]);
        }
        System.out.println("cold: console " + consoleRuns + ", bare " + coldRuns);
        if (coldRuns.isEmpty()) {
            coldRuns.add(0L);
            coldCpu.add(0L);
            consoleRuns.add(0L);
            consoleCpu.add(0L);
            warmupSteps.add(0L);
        }

        TopologyPngExporter.startToolkit();
        TopologyView view = fx(GraphBench::openWindow);
        Topology big = topology(500, -1);
        Topology changed = topology(500, 1000);
        List<Long> warm = new ArrayList<>();
        List<Long> poll = new ArrayList<>();
        List<Long> warmCpu = new ArrayList<>();
        List<Long> pollCpu = new ArrayList<>();
        long heap = 0;
        String warmLoad = load();
        for (int run = 0; run < 7; run++) {
            warm.add(fx(() -> firstPaint(view, big)));
            warmCpu.add(lastCpu);
            Thread.sleep(500);
            poll.add(pollTime(view, changed)); // each run shows the picture anew, all running
            pollCpu.add(lastCpu);
            heap = Math.max(heap, usedHeapAfterGc());
            System.out.printf("warm %d ms, poll %.1f ms%n", warm.get(run) / 1_000_000, poll.get(run) / 1e6);
        }
        String pollLoad = load();

        Topology thousand = topology(100, -1);
        fx(() -> firstPaint(view, thousand));
        Thread.sleep(500);
        Drag trivial = drag(view, (i, host, copy) -> Optional.empty());
        Refusal validator = validatingRefusal(spec(100));
        long[] longestAsk = new long[1];
        Drag validating = drag(view, (i, host, copy) -> {
            long a0 = System.nanoTime();
            Optional<String> r = validator.refusal(i, host, copy);
            longestAsk[0] = Math.max(longestAsk[0], System.nanoTime() - a0);
            return r;
        });
        String dragLoad = load();
        fx(() -> {
            stage.close();
            return null;
        });

        String md = "## Graph\n\n"
                + "`bench/run-graph.sh`, " + LocalDate.now() + ", " + BenchResults.machine() + ", JavaFX on Monocle headless with the software pipeline,"
                + " under the compiler settings ./trellis starts the console with (" + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(o -> o.startsWith("-XX:Tiered")).toList()) + "). FX-thread time: the handler or show() itself plus the CSS and layout"
                + " passes of the pulse that follows; in brackets the CPU time the FX thread spent in them, as the wall time on a loaded machine"
                + " includes the time the thread waited for a core. The machine was shared with other jobs: the load average (1 min) is given next to each figure.\n\n"
                + "| measure | goal | result: wall (FX-thread CPU) | load |\n|---|---|---|---|\n"
                + String.format("| 500 hosts x 10 services (5,000 instances): first layout and paint in a new JVM as a person meets it: the console"
                        + " started (first frame, the co-located template open, then 2 s after the first frame the picture's warm-up: a sample picture"
                        + " in an unshown scene, built and polled in 7 steps of at most 16 cards, 40 ms apart, on the FX thread, its longest step in each JVM: %s), 4 s later the 5,000-instance"
                        + " database shown in its picture (median of 5 JVMs, each: %s) | < 300 ms | %s | %s |%n",
                        ms(warmupSteps), ms(consoleRuns), both(consoleRuns, consoleCpu), String.join(", ", consoleLoad))
                + String.format("| the same in a bare new JVM: only an empty picture's window open first, no console, no warm-up (median of 5 JVMs, each: %s) | — | %s | %s |%n",
                        ms(coldRuns), both(coldRuns, coldCpu), String.join(", ", coldLoad))
                + String.format("| the same, warm, in the open window from an empty picture (median of 7; max %d ms) | < 300 ms | %s | %s |%n",
                        max(warm) / 1_000_000, both(warm, warmCpu), warmLoad)
                + String.format("| a poll changing 1,000 of the 5,000 states: FX-thread time (median of 7; max %d ms) | < 16 ms | %s | %s |%n",
                        max(poll) / 1_000_000, both(poll, pollCpu), pollLoad)
                + String.format("| heap used with the 5,000-instance picture shown (after GC) | < 128 MB | %d MB | %s |%n", heap >> 20, pollLoad)
                + String.format("| one drag step over the 1,000-instance picture: FX-thread time (median of 100 steps; max %.1f ms, CPU max %.1f ms) | < 8 ms | %s | %s |%n",
                        max(trivial.steps) / 1e6, max(trivial.stepsCpu) / 1e6, both(trivial.steps, trivial.stepsCpu), dragLoad)
                + String.format("| a drag start over the 1,000-instance picture (100 hosts), trivial refusal: FX-thread time (median of 5) | — | %s | %s |%n",
                        both(trivial.starts, trivial.startsCpu), dragLoad)
                + String.format("| a drag start, refusal by `SpecValidator.validateSpec` of the edited spec per host (100 validations; median of 5) | < 8 ms | %s | %s |%n",
                        both(validating.starts, validating.startsCpu), dragLoad)
                + String.format("| one drag step with the validating refusal (median of 100; max %.1f ms) | < 8 ms | %s | %s |%n",
                        max(validating.steps) / 1e6, both(validating.steps, validating.stepsCpu), dragLoad)
                + String.format("| the first of those drag starts: all 100 hosts asked (after the start, in FX events of at most 3 ms of asking plus one refusal; the longest refusal %.1f ms) | — | %.1f ms | %s |%n",
                        longestAsk[0] / 1e6, validating.allDecided() / 1e6, dragLoad);
        if (System.getenv("GRAPH_QUICK") == null) { // GRAPH_QUICK=1: no fresh JVMs, a look at the split of each figure, nothing written
            BenchResults.writeSection(results, "graph", md);
        }
        System.out.println(md);
        Platform.exit();
    }

    private static TopologyView openWindow() {
        stage = new Stage();
        TopologyView view = new TopologyView();
        Scene scene = new Scene(view, 1600, 1000);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
        return view;
    }

    /** On the FX thread: from an empty picture to the picture laid out and painted. */
    static long firstPaint(TopologyView view, Topology t) {
        view.show(null);
        long c0 = cpu();
        long t0 = System.nanoTime();
        view.show(t);
        long ta = System.nanoTime();
        view.applyCss();
        view.layout();
        long tb = System.nanoTime();
        view.snapshot(null, null);
        long t1 = System.nanoTime();
        lastCpu = cpu() - c0;
        System.out.printf("  show %d ms, css+layout %d ms, paint %d ms%n", (ta - t0) / 1_000_000, (tb - ta) / 1_000_000, (t1 - tb) / 1_000_000);
        return t1 - t0;
    }

    /** In a fresh JVM: the window open and empty, then the 5,000 instances shown and painted. */
    private static void cold() throws Exception {
        TopologyPngExporter.startToolkit();
        TopologyView view = fx(GraphBench::openWindow);
        Thread.sleep(300);
        Topology big = topology(500, -1);
        long t = fx(() -> firstPaint(view, big));
        System.out.println("COLD_NS=" + t + " " + lastCpu);
        System.exit(0);
    }

    private static long[] child(String java, String mode) throws Exception {
        List<String> command = new ArrayList<>(List.of(java));
        for (String o : System.getProperty("bench.childOpts", "").trim().split("\\s+")) {
            if (!o.isEmpty()) {
                command.add(o);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Dheadless.geometry=1920x1200-32", GraphBench.class.getName(), mode));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(120, TimeUnit.SECONDS);
        for (String line : out.split("\n")) {
            if (line.startsWith("COLD_NS=")) {
                System.out.print(out);
                String[] v = line.substring("COLD_NS=".length()).trim().split(" ");
                return new long[] {Long.parseLong(v[0]), Long.parseLong(v[1]), v.length > 2 ? Long.parseLong(v[2]) : 0};
            }
        }
        throw new IllegalStateException("no cold figure: " + out);
    }

    /** FX-thread time of a poll: show() of the new states, then the CSS and layout of the next pulse. */
    private static long pollTime(TopologyView view, Topology next) throws Exception {
        return timedWithPulse(view, () -> view.show(next));
    }

    /** FX-thread CPU time of the last measure taken by {@link #timedWithPulse} or {@link #firstPaint}. */
    private static volatile long lastCpu;

    static long lastCpu() {
        return lastCpu;
    }

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long timedWithPulse(TopologyView view, Runnable action) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        long[] t = new long[4];
        Platform.runLater(() -> {
            Scene scene = view.getScene();
            Runnable[] pre = new Runnable[1];
            Runnable[] post = new Runnable[1];
            pre[0] = () -> {
                t[1] = System.nanoTime();
                t[3] = cpu();
                scene.removePreLayoutPulseListener(pre[0]);
            };
            post[0] = () -> {
                long end = System.nanoTime();
                lastCpu = t[2] + cpu() - t[3];
                scene.removePostLayoutPulseListener(post[0]);
                if (System.getenv("GRAPH_QUICK") != null) {
                    System.out.printf("    action %.1f ms, pulse css+layout %.1f ms%n", t[0] / 1e6, (end - t[1]) / 1e6);
                }
                done.complete(t[0] + (end - t[1]));
            };
            long s0 = System.nanoTime();
            long c0 = cpu();
            action.run();
            t[0] = System.nanoTime() - s0;
            t[2] = cpu() - c0;
            scene.addPreLayoutPulseListener(pre[0]);
            scene.addPostLayoutPulseListener(post[0]);
            Platform.requestNextPulse();
        });
        return done.get(30, TimeUnit.SECONDS);
    }

    /** A drag's figures; {@code allDecided}: from the first start until every host's refusal was known. */
    private record Drag(List<Long> starts, List<Long> steps, List<Long> startsCpu, List<Long> stepsCpu, long allDecided) { }

    /** Five drags of an instance on screen, each a start and 20 steps across the visible host cards. */
    private static Drag drag(TopologyView view, Refusal refusal) throws Exception {
        fx(() -> {
            view.setEditGestures(new EditGestures() {
                @Override
                public Optional<String> refusal(InstancePlacement instance, String host, boolean copy) {
                    return refusal.refusal(instance, host, copy);
                }

                @Override
                public void drop(InstancePlacement instance, String host, boolean copy) {
                }

                @Override
                public void remove(InstancePlacement instance) {
                }

                @Override
                public void chooseHost(InstancePlacement instance, boolean copy) {
                }
            });
            return null;
        });
        InstanceDrag drag = fx(() -> {
            Field f = TopologyView.class.getDeclaredField("drag");
            f.setAccessible(true);
            return (InstanceDrag) f.get(view);
        });
        InstanceCard card = fx(() -> (InstanceCard) view.lookup("#instance-big-svc-0-host-1"));
        List<Long> starts = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        List<Long> startsCpu = new ArrayList<>();
        List<Long> stepsCpu = new ArrayList<>();
        long allDecided = 0;
        for (int d = 0; d < 5; d++) {
            double[] at = fx(() -> {
                Bounds b = card.localToScene(card.getLayoutBounds());
                Event.fireEvent(card, mouse(MouseEvent.MOUSE_PRESSED, b.getCenterX(), b.getCenterY()));
                return new double[] {b.getCenterX(), b.getCenterY()};
            });
            long s0 = System.nanoTime();
            starts.add(timedWithPulse(view, () -> drag.step(at[0] + 10, at[1] + 10, false)));
            startsCpu.add(lastCpu);
            while (d == 0 && fx(drag::undecided) > 0) {
                Thread.sleep(1);
            }
            allDecided = d == 0 ? System.nanoTime() - s0 : allDecided;
            for (int s = 1; s <= 20; s++) {
                double x = at[0] + 10 + s * 70;
                double y = at[1] + 10 + (s % 5) * 30;
                steps.add(timedWithPulse(view, () -> Event.fireEvent(card, mouse(MouseEvent.MOUSE_DRAGGED, x, y))));
                stepsCpu.add(lastCpu);
            }
            fx(() -> {
                drag.end();
                return null;
            });
            Thread.sleep(200);
        }
        System.out.println("drag starts " + ms(starts) + ", steps median " + median(steps) / 1e6 + " max " + max(steps) / 1e6);
        return new Drag(starts, steps, startsCpu, stepsCpu, allDecided);
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y) {
        return new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, false, false, false, null);
    }

    private interface Refusal {
        Optional<String> refusal(InstancePlacement instance, String host, boolean copy);
    }

    /**
     * As a console would refuse: the spec with the instance moved (or added) there, validated; the
     * first problem the edit brings that the spec did not have before.
     */
    private static Refusal validatingRefusal(DatabaseSpec spec) {
        Set<String> before = new HashSet<>();
        SpecValidator.validateSpec("big", Json.toTree(spec)).forEach(p -> before.add(p.toString()));
        return (instance, host, copy) -> {
            List<ServiceSpec> services = new ArrayList<>();
            for (ServiceSpec s : spec.services()) {
                if (s.serviceId().equals(instance.serviceId())) {
                    List<String> hosts = new ArrayList<>(s.hostIds());
                    if (!copy) {
                        hosts.remove(instance.hostId());
                    }
                    hosts.add(host);
                    s = new ServiceSpec(s.serviceId(), s.serviceType(), s.version(), hosts, s.connectAs(), s.port(), s.cpus(), s.memory(),
                            s.config(), s.databaseConnection(), s.orchestratorOpts(), s.extra());
                }
                services.add(s);
            }
            JsonNode edited = Json.toTree(new DatabaseSpec(spec.databaseName(), spec.postgresVersion(), spec.spockVersion(), spec.port(),
                    spec.patroniPort(), spec.cpus(), spec.memory(), spec.nodes(), spec.databaseUsers(), services, spec.extra()));
            return SpecValidator.validateSpec("big", edited).stream().map(Object::toString).filter(p -> !before.contains(p)).findFirst();
        };
    }

    /** Hosts x 10 services, 3 database nodes, live; {@code failed} of the instances failed (-1: none). */
    static Topology topology(int hostCount, int failed) {
        List<String> hosts = new ArrayList<>();
        for (int h = 1; h <= hostCount; h++) {
            hosts.add("host-" + h);
        }
        DatabaseSpec spec = spec(hostCount);
        List<ServiceInstance> live = new ArrayList<>();
        int n = 0;
        for (int s = 0; s < 10; s++) {
            String id = "svc-" + s;
            for (String h : hosts) {
                // every fifth instance, spread over hosts and services
                String state = failed > 0 && n++ % 5 == 0 && n / 5 <= failed ? "failed" : "running";
                live.add(new ServiceInstance("big-" + id + "-" + h, id, "big", h, state,
                        new ServiceInstanceStatus("c", "1.0.0", List.of("127.0.0.1"), List.of(),
                                new HealthCheckResult("running".equals(state) ? "healthy" : "unhealthy", "t", null, null), "t", true, null),
                        null, "t", "t", null));
            }
        }
        return TopologyBuilder.live(new Database("big", null, "available", "t", "t", spec, List.of(), live, null), List.of());
    }

    /** Hosts x 10 PostgREST services, 3 database nodes on the first three hosts. */
    static DatabaseSpec spec(int hostCount) {
        List<String> hosts = new ArrayList<>();
        for (int h = 1; h <= hostCount; h++) {
            hosts.add("host-" + h);
        }
        List<DatabaseNode> nodes = List.of(
                new DatabaseNode("n1", List.of("host-1"), null, null, null, null, null, null, null),
                new DatabaseNode("n2", List.of("host-2"), null, null, null, null, null, null, null),
                new DatabaseNode("n3", List.of("host-3"), null, null, null, null, null, null, null));
        List<ServiceSpec> services = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            services.add(new ServiceSpec("svc-" + s, "postgrest", "1.0.0", hosts, "app", 0, null, null, null, null, null, null));
        }
        return new DatabaseSpec("big", null, null, null, null, null, null, nodes,
                List.of(new DatabaseUser("app", null, null, null, null, null)), services, null);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }

    private static long usedHeapAfterGc() throws Exception {
        return fx(() -> {
            System.gc();
            return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        });
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    /** Median wall time and, in brackets, the median FX-thread CPU time. */
    private static String both(List<Long> wall, List<Long> cpu) {
        return String.format("%.1f ms (%.1f ms)", median(wall) / 1e6, median(cpu) / 1e6);
    }

    private static String ms(List<Long> ns) {
        return String.join(", ", ns.stream().map(v -> v / 1_000_000 + "").toList()) + " ms";
    }

    private static long median(List<Long> values) {
        List<Long> s = new ArrayList<>(values);
        s.sort(Long::compare);
        return s.get(s.size() / 2);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
