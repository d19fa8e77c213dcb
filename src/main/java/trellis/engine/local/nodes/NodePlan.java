package trellis.engine.local.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import trellis.engine.NodeChoice;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import trellis.spec.ServiceSpec;

/**
 * The node plan in words, one line per node of a spec, said before anything runs: what Trellis
 * will start, what is attached and what answers there, what is skipped and what that costs.
 */
public final class NodePlan {
    private NodePlan() {
    }

    /** What the engine has for a node now: how it came, where it is, and what answers there (or why nothing does). */
    public record Known(NodeKind kind, String address, String answer) {
    }

    /**
     * @param known      what the engine has for a node, or null when it has nothing
     * @param probe      connects to a server a person chose to attach and says what answers ("PostgreSQL 17.7")
     *                   or why nothing does ("does not answer: ...")
     * @param startWords what Trellis starts for a node that has nothing ("PostgreSQL 17 on this machine")
     */
    public static List<String> lines(DatabaseSpec spec, Map<String, NodeChoice> choices, Function<String, Known> known,
                                     Function<NodeChoice, String> probe, String startWords) {
        List<String> out = new ArrayList<>();
        for (DatabaseNode node : spec.nodes() == null ? List.<DatabaseNode>of() : spec.nodes()) {
            String name = node.name();
            NodeChoice choice = choices.getOrDefault(name, NodeChoice.START);
            out.add("node " + name + ": " + switch (choice.kind()) {
                case SKIP -> skipped(spec, name);
                case ATTACH -> "attached server " + choice.address() + " (" + probe.apply(choice) + ")";
                case START -> {
                    Known k = known.apply(name);
                    if (k == null) {
                        yield "Trellis will start " + startWords;
                    }
                    yield switch (k.kind()) {
                        case ATTACHED -> "attached server " + k.address() + " (" + k.answer() + ")";
                        case STARTED -> "started by Trellis on this machine at " + k.address() + " (" + k.answer() + ")";
                        case CONTAINER -> "started by Trellis in a container at " + k.address() + " (" + k.answer() + ")";
                    };
                }
            });
        }
        return out;
    }

    /** What skipping a node costs: the services that connect to it reach no database and get no grants. */
    public static String skipped(DatabaseSpec spec, String node) {
        List<String> services = new ArrayList<>();
        for (ServiceSpec svc : spec.services() == null ? List.<ServiceSpec>of() : spec.services()) {
            if (TargetNodes.of(spec, svc).contains(node)) {
                services.add("'" + svc.serviceId() + "'");
            }
        }
        if (services.isEmpty()) {
            return "skipped — no service connects to it";
        }
        return "skipped — " + (services.size() == 1 ? "service " + services.get(0) + " will not reach a database and its grants are not applied"
                : "services " + String.join(", ", services) + " will not reach a database and their grants are not applied");
    }
}
