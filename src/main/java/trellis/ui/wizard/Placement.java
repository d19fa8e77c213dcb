package trellis.ui.wizard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trellis.spec.Host;
import trellis.topology.HostServices;
import trellis.topology.DeploymentPattern;
import trellis.topology.TopologyBuilder;

/** The hosts a service may run on, those chosen, and the documentation's pattern they make; no JavaFX. */
public final class Placement {
    /** A host the service may run on, with the database nodes it runs. */
    public record HostChoice(String hostId, List<String> nodes) {
        public String detail() {
            return nodes.isEmpty() ? "no database node" : "runs node " + String.join(", ", nodes);
        }
    }

    private final List<HostChoice> hosts = new ArrayList<>();
    private final Set<String> chosen = new LinkedHashSet<>();
    /** Hosts of the cluster that cannot take services, with the reason (from the cluster's hosts list). */
    private final Map<String, String> cannot = new LinkedHashMap<>();

    /** The hosts of the spec's nodes (in node order), then those only its services name. */
    Placement(JsonNode spec) {
        Map<String, List<String>> nodesByHost = new LinkedHashMap<>();
        for (JsonNode node : spec.path("nodes")) {
            for (JsonNode h : node.path("host_ids")) {
                nodesByHost.computeIfAbsent(h.asText(), k -> new ArrayList<>()).add(node.path("name").asText());
            }
        }
        for (JsonNode svc : spec.path("services")) {
            for (JsonNode h : svc.path("host_ids")) {
                nodesByHost.computeIfAbsent(h.asText(), k -> new ArrayList<>());
            }
        }
        nodesByHost.forEach((h, n) -> hosts.add(new HostChoice(h, List.copyOf(n))));
    }

    /** The cluster's hosts, when known: those the spec does not name are offered too; those that cannot take services are offered disabled with the reason. */
    void setCluster(List<Host> cluster) {
        cannot.clear();
        for (Host h : cluster) {
            HostServices.reasonHostCannotTakeServices(h).ifPresent(r -> cannot.put(h.id(), r));
            if (hosts.stream().noneMatch(c -> c.hostId().equals(h.id()))) {
                hosts.add(new HostChoice(h.id(), List.of()));
            }
        }
    }

    /** Why the host cannot take services; empty when it can (or nothing is known of it). */
    Optional<String> reasonCannotTake(String hostId) {
        return Optional.ofNullable(cannot.get(hostId));
    }

    List<HostChoice> hosts() {
        return List.copyOf(hosts);
    }

    /** Offers a host the spec does not name yet, chosen; false when the id is empty or listed already. */
    boolean add(String hostId) {
        if (hostId.isEmpty() || hosts.stream().anyMatch(h -> h.hostId().equals(hostId))) {
            return false;
        }
        hosts.add(new HostChoice(hostId, List.of()));
        chosen.add(hostId);
        return true;
    }

    boolean isChosen(String hostId) {
        return chosen.contains(hostId);
    }

    void choose(String hostId, boolean on) {
        if (on) {
            chosen.add(hostId);
        } else {
            chosen.remove(hostId);
        }
    }

    /** The chosen hosts in the order the page lists them (those not listed last). */
    List<String> chosen() {
        List<String> out = new ArrayList<>();
        hosts.forEach(h -> {
            if (chosen.contains(h.hostId())) {
                out.add(h.hostId());
            }
        });
        chosen.forEach(h -> {
            if (!out.contains(h)) {
                out.add(h);
            }
        });
        return out;
    }

    DeploymentPattern pattern() {
        Set<String> withNodes = new LinkedHashSet<>();
        hosts.forEach(h -> {
            if (!h.nodes().isEmpty()) {
                withNodes.add(h.hostId());
            }
        });
        return chosen.isEmpty() ? null : TopologyBuilder.classify(chosen(), withNodes);
    }

    /** The pattern in words, for the hint under the check boxes. */
    String hint() {
        List<String> on = chosen();
        DeploymentPattern pattern = pattern();
        if (pattern == null) {
            return "Pick at least one host: the service runs one instance on each host you pick.";
        }
        String host = on.get(0);
        return switch (pattern) {
            case CO_LOCATED -> "Co-located: one instance on " + host + ", beside database node "
                    + String.join(", ", nodesOf(host)) + ".";
            case SEPARATE_HOST -> "Separate host: one instance on " + host + ", which runs no database node.";
            case MULTIPLE_INSTANCES -> "Multiple instances: one on each of " + String.join(", ", on)
                    + ", all connecting as the same connect_as user.";
        };
    }

    private List<String> nodesOf(String hostId) {
        return hosts.stream().filter(h -> h.hostId().equals(hostId)).findFirst().map(HostChoice::nodes).orElse(List.of());
    }
}
