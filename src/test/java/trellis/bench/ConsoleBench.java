package trellis.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import trellis.spec.DatabaseUser;
import trellis.spec.Database;
import trellis.spec.HealthCheckResult;
import trellis.spec.ServiceInstance;
import trellis.spec.ServiceInstanceStatus;
import trellis.spec.ServiceSpec;
import trellis.topology.Topology;
import trellis.topology.TopologyBuilder;
import trellis.ui.ConsoleApp;
import trellis.ui.FirstFrame;
import trellis.ui.Settings;
import trellis.ui.TaskRunner;
import trellis.ui.Theme;
import trellis.ui.export.TopologyPngExporter;
import trellis.ui.graph.TopologyView;

/**
 * The console's speed and memory, measured side by side in one run (bench/run-console.sh):
 * time to first frame of the console against a minimal JavaFX window, each in fresh JVMs; and
 * for a database of 100 hosts x 10 services (1,000 instances): first layout and paint, the
 * FX-thread time of a poll that changes 100 states, and the heap it takes.
 */
public final class ConsoleBench {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("first-frame")) {
            firstFrame(args[1]);
            return;
        }
        Path results = Path.of(args.length > 0 ? args[0] : "bench/RESULTS.md");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Both windows start from the shipped jar (run-console.sh passes it with the test classes
        // appended); the console as ./trellis starts it, with the build's class-data archive, and
        // as a plain `java -jar` would, for reference. Rounds alternate so load hits all three alike.
        String cp = System.getProperty("bench.appCp", System.getProperty("java.class.path"));
        List<String> shipped = List.of(System.getProperty("bench.consoleOpts", "").trim().split("\\s+"));
        List<Long> minimal = new ArrayList<>();
        List<Long> console = new ArrayList<>();
        List<Long> plain = new ArrayList<>();
        List<Long> bothCompilers = new ArrayList<>();
        // the shipped options without the jit= line of ./trellis: what the archive alone gives
        List<String> archiveOnly = shipped.stream().filter(o -> !o.startsWith("-XX:TieredStopAtLevel")).toList();
        // SKIP_FIRST_FRAME=1 measures the first frame once only, for a quick look at the graph figures
        for (int i = 0; i < (System.getenv("SKIP_FIRST_FRAME") != null ? 1 : 7); i++) {
            minimal.add(child(java, cp, "minimal", List.of()));
            console.add(child(java, cp, "console", shipped));
            plain.add(child(java, cp, "console", List.of()));
            bothCompilers.add(child(java, cp, "console", archiveOnly));
        }
        long minMed = median(minimal);
        long conMed = median(console);
        long plainMed = median(plain);
        long bothMed = median(bothCompilers);
        long minCpu = median(FX_CPU.get("minimal " + List.of()));
        long conCpu = median(FX_CPU.get("console " + shipped));
        long conBuilt = median(CONSOLE_FRAME.get("console " + shipped));

        TopologyPngExporter.startToolkit();
        Topology big = bigTopology(false);
        Topology changed = bigTopology(true);
        long[] layout = new long[5];
        long[] poll = new long[5];
        long heap = 0;
        // One window for all runs, as the console has one: each run leaves the picture empty (as
        // picking another database does) and then shows the 1,000 instances, all new cards.
        CompletableFuture<TopologyView> opened = new CompletableFuture<>();
        Stage[] stageRef = new Stage[1];
        Platform.runLater(() -> {
            Stage stage = new Stage();
            TopologyView view = new TopologyView();
            Scene scene = new Scene(view, 1600, 1000);
            Theme.LIGHT.apply(scene);
            stage.setScene(scene);
            stage.show();
            stageRef[0] = stage;
            opened.complete(view);
        });
        TopologyView view = opened.get(60, TimeUnit.SECONDS);
        for (int run = 0; run < 5; run++) {
            CompletableFuture<Long> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    view.show(null);
                    long t0 = System.nanoTime();
                    view.show(big);
                    long ta = System.nanoTime();
                    view.applyCss();
                    long tb = System.nanoTime();
                    view.layout();
                    long tc = System.nanoTime();
                    view.snapshot(null, null);
                    long t1 = System.nanoTime();
                    System.out.printf("build %d ms, css %d ms, layout %d ms, paint %d ms%n", (ta - t0) / 1_000_000,
                            (tb - ta) / 1_000_000, (tc - tb) / 1_000_000, (t1 - tc) / 1_000_000);
                    f.complete(t1 - t0);
                } catch (Throwable t) {
                    f.completeExceptionally(t);
                }
            });
            layout[run] = f.get(120, TimeUnit.SECONDS);
            Thread.sleep(500); // let the first picture's follow-up pulses (its lines) pass
            poll[run] = pollTime(view, changed);
            System.out.printf("poll FX time %.1f ms%n", poll[run] / 1e6);
            heap = Math.max(heap, usedHeapAfterGc());
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            stageRef[0].close();
            closed.complete(null);
        });
        closed.get(30, TimeUnit.SECONDS);
        long layoutMs = median(Arrays.stream(layout).boxed().toList()) / 1_000_000;
        long coldMs = layout[0] / 1_000_000;
        double pollMs = median(Arrays.stream(poll).boxed().toList()) / 1e6;
        String md = "## Console\n\n"
                + "`bench/run-console.sh`, " + LocalDate.now() + ", " + BenchResults.machine()
                + ", JavaFX on Monocle headless with the software pipeline (as in the tests); the graph figures under the compiler"
                + " settings ./trellis starts the console with (" + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(o -> o.startsWith("-XX:Tiered")).toList()) + ").\n\n"
                + "| measure | goal | result |\n|---|---|---|\n"
                + String.format("| time to first frame, minimal JavaFX window, `java -cp trellis.jar` (median of 7 fresh JVMs) | — | %d ms |%n", minMed)
                + String.format("| time to first frame, Trellis console as `./trellis` starts it: the build's class-data archive, the client compiler only (median of 7) | within 1.5x of minimal | %d ms (%.2fx) |%n",
                conMed, conMed / (double) minMed)
                + String.format("| time to the console's own frame, built into the window after its first frame, as `./trellis` starts it (median of 7) | — | %d ms (%.2fx) |%n",
                conBuilt, conBuilt / (double) minMed)
                + String.format("| FX thread's CPU time to the first frame (less moved by load than the times): minimal / console as `./trellis` starts it (medians) | — | %d ms / %d ms |%n", minCpu, conCpu)
                + String.format("| time to first frame, Trellis console with the archive and both compilers (median of 7) | — | %d ms (%.2fx) |%n",
                bothMed, bothMed / (double) minMed)
                + String.format("| time to first frame, Trellis console with plain `java -jar`, no archive (median of 7) | — | %d ms (%.2fx) |%n",
                plainMed, plainMed / (double) minMed)
                + String.format("| 100 hosts x 10 services (1,000 instances): first layout and paint in the open window, from an empty picture (median of 5; the first, in a JVM new to it: %d ms) | < 300 ms | %d ms |%n", coldMs, layoutMs)
                + String.format("| a poll changing 100 states: FX-thread time | < 16 ms | %.1f ms |%n", pollMs)
                + String.format("| heap used with the 1,000-instance picture shown (after GC) | < 256 MB | %d MB |%n", heap >> 20);
        BenchResults.writeSection(results, "console", md);
        System.out.println(md);
        Platform.exit();
    }

    /**
     * FX-thread time of a poll as the console pays it: {@code show()} of the new picture, then
     * the CSS and layout of the pulse that follows (the pulse's own passes, between its pre- and
     * post-layout listeners). Painting happens on the render thread.
     */
    private static long pollTime(TopologyView view, Topology next) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        long[] t = new long[3];
        Platform.runLater(() -> {
            Scene scene = view.getScene();
            Runnable[] pre = new Runnable[1];
            Runnable[] post = new Runnable[1];
            pre[0] = () -> {
                t[1] = System.nanoTime();
                scene.removePreLayoutPulseListener(pre[0]);
            };
            post[0] = () -> {
                long end = System.nanoTime();
                scene.removePostLayoutPulseListener(post[0]);
                done.complete(t[0] + (end - t[1]));
            };
            long s0 = System.nanoTime();
            view.show(next);
            t[0] = System.nanoTime() - s0;
            scene.addPreLayoutPulseListener(pre[0]);
            scene.addPostLayoutPulseListener(post[0]);
            Platform.requestNextPulse();
        });
        return done.get(30, TimeUnit.SECONDS);
    }

    private static long usedHeapAfterGc() throws Exception {
        CompletableFuture<Long> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            System.gc();
            f.complete(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    /** The FX thread's CPU time to the first frame, per child, in the order run. */
    private static final java.util.Map<String, List<Long>> FX_CPU = new java.util.HashMap<>();
    /** The console's own first frame (after its first frame), per child, in the order run. */
    private static final java.util.Map<String, List<Long>> CONSOLE_FRAME = new java.util.HashMap<>();

    private static long child(String java, String cp, String what, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(java));
        jvmOptions.stream().filter(o -> !o.isEmpty()).forEach(command::add);
        command.addAll(List.of("-cp", cp, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Dheadless.geometry=1920x1200-32", "-Dtrellis.settings=" + System.getProperty("java.io.tmpdir") + "/trellis-bench.properties",
                ConsoleBench.class.getName(), "first-frame", what));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(120, TimeUnit.SECONDS);
        for (String line : out.split("\n")) {
            if (line.startsWith("FX_CPU_MS=")) {
                FX_CPU.computeIfAbsent(what + " " + jvmOptions, k -> new ArrayList<>()).add(Long.parseLong(line.substring("FX_CPU_MS=".length()).trim()));
            }
            if (line.startsWith("CONSOLE_FRAME_MS=")) {
                CONSOLE_FRAME.computeIfAbsent(what + " " + jvmOptions, k -> new ArrayList<>())
                        .add(Long.parseLong(line.substring("CONSOLE_FRAME_MS=".length()).trim()));
            }
        }
        for (String line : out.split("\n")) {
            if (line.startsWith("FIRST_FRAME_MS=")) {
                return Long.parseLong(line.substring("FIRST_FRAME_MS=".length()).trim());
            }
        }
        throw new IllegalStateException("no first frame from " + what + ": " + out);
    }

    /**
     * In a fresh JVM: from JVM start to the first pulse after the window shows (FIRST_FRAME_MS), for the console
     * as {@link ConsoleApp#start} shows it: its {@link FirstFrame} first, then the console built into the same
     * window, whose own first pulse is CONSOLE_FRAME_MS (the minimal window's is its first).
     */
    private static void firstFrame(String what) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        if (!what.equals("minimal")) {
            ConsoleApp.prewarm(TaskRunner.standard().background()); // as ConsoleApp.open does before it launches
        }
        CompletableFuture<Long> frame = new CompletableFuture<>();
        CompletableFuture<Long> consoleFrame = new CompletableFuture<>();
        long[] fxCpu = new long[2];
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                Scene scene;
                if (what.equals("minimal")) {
                    scene = new Scene(new Label("hello"), 1400, 860);
                    stage.setScene(scene);
                } else {
                    Settings settings = new Settings(Settings.defaultFile());
                    scene = ConsoleApp.showFirstFrame(stage, settings, Theme.LIGHT);
                    FirstFrame.afterNextFrame(scene, () -> {
                        try {
                            long c0 = System.nanoTime();
                            ConsoleApp.createWindow(stage, settings, TaskRunner.standard(), Theme.LIGHT);
                            if (Boolean.getBoolean("bench.census")) {
                                System.out.printf("CREATE_WINDOW_MS=%d%n", (System.nanoTime() - c0) / 1_000_000);
                            }
                            scene.addPostLayoutPulseListener(() -> {
                                if (!consoleFrame.isDone()) {
                                    fxCpu[1] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                                    if (Boolean.getBoolean("bench.census")) {
                                        census(scene.getRoot());
                                    }
                                }
                                consoleFrame.complete(System.currentTimeMillis());
                            });
                        } catch (Throwable t) {
                            consoleFrame.completeExceptionally(t);
                        }
                    });
                }
                scene.addPostLayoutPulseListener(() -> {
                    if (!frame.isDone()) {
                        fxCpu[0] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    }
                    frame.complete(System.currentTimeMillis());
                });
                stage.show();
            } catch (Throwable t) {
                frame.completeExceptionally(t);
            }
        });
        long at = frame.get(60, TimeUnit.SECONDS);
        long consoleAt = what.equals("minimal") ? at : consoleFrame.get(60, TimeUnit.SECONDS);
        System.out.println("FIRST_FRAME_MS=" + (at - jvmStart));
        System.out.println("CONSOLE_FRAME_MS=" + (consoleAt - jvmStart));
        // the FX thread's CPU time up to the first frame: what load on a shared machine does not change much
        System.out.println("FX_CPU_MS=" + fxCpu[0] / 1_000_000);
        System.out.println("CONSOLE_FX_CPU_MS=" + (what.equals("minimal") ? fxCpu[0] : fxCpu[1]) / 1_000_000);
        System.exit(0);
    }

    /** With -Dbench.census=true: the first scene's nodes by class and how many controls have a skin. */
    private static void census(javafx.scene.Parent root) {
        java.util.Map<String, Integer> byClass = new java.util.TreeMap<>();
        int[] skins = new int[1];
        java.util.ArrayDeque<javafx.scene.Node> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            javafx.scene.Node n = todo.pop();
            byClass.merge(n.getClass().getSimpleName(), 1, Integer::sum);
            if (n instanceof javafx.scene.control.Control c && c.getSkin() != null) {
                skins[0]++;
            }
            if (n instanceof javafx.scene.Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        System.out.println("CENSUS nodes=" + byClass.values().stream().mapToInt(Integer::intValue).sum() + " skins=" + skins[0] + " " + byClass);
    }

    private static long median(List<Long> values) {
        List<Long> s = new ArrayList<>(values);
        s.sort(Long::compare);
        return s.get(s.size() / 2);
    }

    /** 100 hosts, 3 database nodes, 10 services on every host: 1,000 instances, live. */
    static Topology bigTopology(boolean hundredChanged) {
        List<String> hosts = new ArrayList<>();
        for (int h = 1; h <= 100; h++) {
            hosts.add("host-" + h);
        }
        List<DatabaseNode> nodes = List.of(
                new DatabaseNode("n1", List.of("host-1"), null, null, null, null, null, null, null),
                new DatabaseNode("n2", List.of("host-2"), null, null, null, null, null, null, null),
                new DatabaseNode("n3", List.of("host-3"), null, null, null, null, null, null, null));
        List<ServiceSpec> services = new ArrayList<>();
        List<ServiceInstance> live = new ArrayList<>();
        int changed = 0;
        for (int s = 0; s < 10; s++) {
            String id = "svc-" + s;
            services.add(new ServiceSpec(id, s % 3 == 0 ? "mcp" : "postgrest", "1.0.0", hosts, "app", 0, null, null, null, null, null, null));
            for (String h : hosts) {
                String state = "running";
                if (hundredChanged && changed < 100 && h.hashCode() % 10 == s % 10) {
                    state = "failed";
                    changed++;
                }
                live.add(new ServiceInstance("big-" + id + "-" + h, id, "big", h, state,
                        new ServiceInstanceStatus("c", "1.0.0", List.of("127.0.0.1"), List.of(),
                                new HealthCheckResult("running".equals(state) ? "healthy" : "unhealthy", "t", null, null), "t", true, null),
                        null, "t", "t", null));
            }
        }
        DatabaseSpec spec = new DatabaseSpec("big", null, null, null, null, null, null, nodes,
                List.of(new DatabaseUser("app", null, null, null, null, null)), services, null);
        return TopologyBuilder.live(new Database("big", null, "available", "t", "t", spec, List.of(), live, null), List.of());
    }
}
