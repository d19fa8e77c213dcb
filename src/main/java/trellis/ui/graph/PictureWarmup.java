package trellis.ui.graph;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
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
 * A head start for the first picture in a fresh console. Off the FX thread (through the
 * TaskRunner, after the console's first frame), a sample picture (6 hosts, 3 database nodes, 8
 * services: 48 instance cards) is built, styled with the console's stylesheets and laid out in a
 * scene of its own that no window shows (JavaFX lets a scene be made and changed on any thread
 * until a showing window holds it), then a poll's states are put on it, twice. The code of the
 * picture's cards, their CSS, layout and lines is then loaded and compiled, so the first database
 * a person opens, however large, pays only for what it shows (bench/RESULTS.md, "Graph"). The
 * sample view posts nothing to the FX thread and touches nothing of the person's; a failure only
 * loses the head start.
 */
public final class PictureWarmup {
    private static final int HOSTS = 6;
    private static final int SERVICES = 8;
    private static final List<String> STATES = List.of("running", "failed", "creating", "deleting", "running");

    private PictureWarmup() {
    }

    /**
     * Builds, styles and lays out the sample picture and polls on it; returns the number of
     * instance cards made. Not for the FX thread (it would only cost that thread the time).
     */
    public static int warm(List<String> stylesheets) {
        DatabaseSpec spec = sample();
        TopologyView view = new TopologyView(true);
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().setAll(stylesheets);
        Topology planned = TopologyBuilder.planned("warm-up", spec);
        pass(view, planned);
        for (int poll = 0; poll < 3; poll++) {
            pass(view, TopologyBuilder.build("warm-up", spec, states(planned, poll), List.of(), List.of()));
        }
        return view.instanceIds().size();
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

    private static DatabaseSpec sample() {
        List<String> hosts = new ArrayList<>();
        for (int h = 1; h <= HOSTS; h++) {
            hosts.add("warm-" + h);
        }
        List<DatabaseNode> nodes = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            nodes.add(new DatabaseNode("n" + n, List.of(hosts.get(n - 1)), null, null, null, null, null, null, null));
        }
        List<ServiceSpec> services = new ArrayList<>();
        for (int s = 0; s < SERVICES; s++) {
            services.add(new ServiceSpec("svc-" + s, s % 3 == 0 ? "mcp" : "postgrest", "1.0.0", hosts, "app", 0,
                    null, null, null, null, null, null));
        }
        return new DatabaseSpec("warm-up", null, null, null, null, null, null, nodes,
                List.of(new DatabaseUser("app", null, null, null, null, null)), services, null);
    }
}
