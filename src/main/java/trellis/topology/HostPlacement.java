package trellis.topology;

import java.util.List;
import trellis.spec.Host;

/**
 * One host and what is placed on it.
 *
 * @param live the host as the cluster reports it, or null when only the spec names it
 */
public record HostPlacement(String hostId, List<NodePlacement> nodes, List<InstancePlacement> instances, Host live) {
    public HostPlacement {
        nodes = List.copyOf(nodes);
        instances = List.copyOf(instances);
    }

    public boolean hasDatabaseNode() {
        return !nodes.isEmpty();
    }
}
