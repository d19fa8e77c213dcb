package trellis.ui.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.util.Duration;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import trellis.spec.DatabaseUser;
import trellis.spec.HealthCheckResult;
import trellis.spec.ServiceInstance;
import trellis.spec.ServiceInstanceStatus;
import trellis.spec.ServiceSpec;
import trellis.topology.InstancePlacement;
import trellis.topology.Topology;
import trellis.topology.TopologyBuilder;

/**
 * A head start for the first large picture in a fresh console. After the console's first frame, a
 * sample picture in a scene no window shows is built, styled, laid out and polled in small steps
 * on the FX thread, one step every 40 ms so that input and pulses go between them: 1 host with 2
 * services, 2 with 3, 3 with 4 and three polls' states on it, then 4 with 4 (at most 16 instance
 * cards a step). The code of
 * the picture's cards, their CSS, layout and lines is then loaded and compiled, so the first
 * database a person opens, however large, pays only for what it shows (bench/RESULTS.md, "Graph").
 * On the FX thread, not beside it: the controls' text measuring shares one layout object across
 * scenes, and a picture laid out on another thread broke the window's own pulse. Touches nothing
 * of the person's; the sample is dropped at the end.
 */
public final class PictureWarmup {
    private static final int HOSTS = 4;
    private static final int SERVICES = 4;
    private static final Duration BETWEEN = Duration.millis(40);
    private static final List<String> STATES = List.of("running", "failed", "creating", "deleting", "running");
    private static final List<Long> STEP_NANOS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private PictureWarmup() {
    }

    /**
     * Starts the steps (FX thread); {@code done} gets the number of instance cards the sample made
     * once the last step ran.
     */
    public static void start(List<String> stylesheets, IntConsumer done) {
        TopologyView view = new TopologyView();
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().setAll(stylesheets);
        // small steps (at most 16 cards each): a first picture's code is slow only the first few times it runs
        DatabaseSpec mid = sample(3, 4);
        Topology planned = TopologyBuilder.planned("warm-up", mid);
        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> pass(view, TopologyBuilder.planned("warm-up", sample(1, 2))));
        steps.add(() -> pass(view, TopologyBuilder.planned("warm-up", sample(2, 3))));
        steps.add(() -> pass(view, planned));
        for (int poll = 0; poll < 3; poll++) {
            int p = poll;
            steps.add(() -> pass(view, TopologyBuilder.build("warm-up", mid, states(planned, p), List.of(), List.of())));
        }
        steps.add(() -> pass(view, TopologyBuilder.planned("warm-up", sample(HOSTS, SERVICES))));
        STEP_NANOS.clear();
        next(steps, 0, () -> done.accept(view.instanceIds().size()));
    }

    /** The longest step of the last warm-up on the FX thread, in nanoseconds (for the benchmark). */
    public static long longestStepNanos() {
        return STEP_NANOS.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Each step's time of the last warm-up, in nanoseconds (for the benchmark). */
    public static List<Long> stepNanos() {
        return List.copyOf(STEP_NANOS);
    }

    private static void next(List<Runnable> steps, int i, Runnable done) {
        if (i == steps.size()) {
            done.run();
            return;
        }
        PauseTransition wait = new PauseTransition(BETWEEN);
        wait.setOnFinished(e -> {
            long t0 = System.nanoTime();
            steps.get(i).run();
            STEP_NANOS.add(System.nanoTime() - t0);
            next(steps, i + 1, done);
        });
        wait.play();
    }

    private static void pass(TopologyView view, Topology t) {
        view.show(t);
        view.applyCss();
        view.layout();
        view.drawLinesIfDirty();
    }

    private static List<ServiceInstance> states(Topology planned, int poll) {
        List<ServiceInstance> live = new ArrayList<>();
        int n = poll;
        for (InstancePlacement i : planned.instances()) {
            String state = STATES.get(n++ % STATES.size());
            live.add(new ServiceInstance(i.instanceId(), i.serviceId(), "warm-up", i.hostId(), state,
                    new ServiceInstanceStatus("warm-up", null, List.of("127.0.0.1"), List.of(),
                            new HealthCheckResult(n % 2 == 0 ? "healthy" : "unhealthy", null, null, null), null, true, null),
                    null, null, null, null));
        }
        return live;
    }

    private static DatabaseSpec sample(int hostCount, int serviceCount) {
        List<String> hosts = new ArrayList<>();
        for (int h = 1; h <= hostCount; h++) {
            hosts.add("warm-" + h);
        }
        List<DatabaseNode> nodes = new ArrayList<>();
        for (int n = 1; n <= Math.min(3, hostCount); n++) {
            nodes.add(new DatabaseNode("n" + n, List.of(hosts.get(n - 1)), null, null, null, null, null, null, null));
        }
        List<ServiceSpec> services = new ArrayList<>();
        for (int s = 0; s < serviceCount; s++) {
            services.add(new ServiceSpec("svc-" + s, s % 3 == 0 ? "mcp" : "postgrest", "1.0.0", hosts, "app", 0,
                    null, null, null, null, null, null));
        }
        return new DatabaseSpec("warm-up", null, null, null, null, null, null, nodes,
                List.of(new DatabaseUser("app", null, null, null, null, null)), services, null);
    }
}
