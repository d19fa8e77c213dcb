package trellis.topology;

import java.util.List;
import java.util.Optional;

/**
 * The picture of one database: its hosts (in a stable order), what runs on each, and its services.
 * Immutable; built by {@link TopologyBuilder}.
 */
public record Topology(String databaseId, String databaseName, List<HostPlacement> hosts, List<ServiceSummary> services) {
    public Topology {
        hosts = List.copyOf(hosts);
        services = List.copyOf(services);
    }

    public Optional<HostPlacement> host(String hostId) {
        return hosts.stream().filter(h -> h.hostId().equals(hostId)).findFirst();
    }

    public Optional<ServiceSummary> service(String serviceId) {
        return services.stream().filter(s -> s.serviceId().equals(serviceId)).findFirst();
    }

    public List<InstancePlacement> instances() {
        return hosts.stream().flatMap(h -> h.instances().stream()).toList();
    }

    public Optional<InstancePlacement> instance(String instanceId) {
        return instances().stream().filter(i -> i.instanceId().equals(instanceId)).findFirst();
    }

    /** "1 host", "3 hosts": a count with its noun, for what a person reads. */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
