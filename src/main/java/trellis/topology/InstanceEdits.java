package trellis.topology;

import java.util.ArrayList;
import java.util.List;
import trellis.spec.DatabaseSpec;
import trellis.spec.ServiceSpec;

/**
 * The visual editor's gestures as edits of a spec: a service instance is a (service, host) pair,
 * so moving one changes the service's {@code host_ids} in place (the order of the other hosts
 * kept), adding one appends the host, and removing the last one removes the service. Every other
 * field of the spec, and of the service, is kept as it was.
 */
public final class InstanceEdits {
    private InstanceEdits() {
    }

    /** The service's instance on {@code from} moved to {@code to}; unchanged when it has none there or one on {@code to}. */
    public static DatabaseSpec move(DatabaseSpec spec, String serviceId, String from, String to) {
        return withHosts(spec, serviceId, hosts -> {
            int i = hosts.indexOf(from);
            if (i >= 0 && !hosts.contains(to)) {
                hosts.set(i, to);
            }
        });
    }

    /** An instance of the service added on {@code host}; unchanged when it already has one there. */
    public static DatabaseSpec add(DatabaseSpec spec, String serviceId, String host) {
        return withHosts(spec, serviceId, hosts -> {
            if (!hosts.contains(host)) {
                hosts.add(host);
            }
        });
    }

    /** The service's instance on {@code host} removed; the last one removes the service itself. */
    public static DatabaseSpec remove(DatabaseSpec spec, String serviceId, String host) {
        DatabaseSpec edited = withHosts(spec, serviceId, hosts -> hosts.remove(host));
        List<ServiceSpec> services = new ArrayList<>();
        for (ServiceSpec s : services(edited)) {
            if (!(s.serviceId().equals(serviceId) && s.hostIds().isEmpty())) {
                services.add(s);
            }
        }
        return withServices(edited, services);
    }

    /** Whether removing the instance on {@code host} removes the whole service (it is its last one). */
    public static boolean isLastInstance(DatabaseSpec spec, String serviceId, String host) {
        return services(spec).stream().anyMatch(s -> s.serviceId().equals(serviceId) && List.of(host).equals(s.hostIds()));
    }

    private interface HostEdit {
        void apply(List<String> hosts);
    }

    private static DatabaseSpec withHosts(DatabaseSpec spec, String serviceId, HostEdit edit) {
        List<ServiceSpec> services = new ArrayList<>();
        for (ServiceSpec s : services(spec)) {
            if (s.serviceId().equals(serviceId)) {
                List<String> hosts = new ArrayList<>(s.hostIds() == null ? List.of() : s.hostIds());
                edit.apply(hosts);
                s = new ServiceSpec(s.serviceId(), s.serviceType(), s.version(), List.copyOf(hosts), s.connectAs(), s.port(),
                        s.cpus(), s.memory(), s.config(), s.databaseConnection(), s.orchestratorOpts(), s.extra());
            }
            services.add(s);
        }
        return withServices(spec, services);
    }

    private static List<ServiceSpec> services(DatabaseSpec spec) {
        return spec.services() == null ? List.of() : spec.services();
    }

    private static DatabaseSpec withServices(DatabaseSpec s, List<ServiceSpec> services) {
        return new DatabaseSpec(s.databaseName(), s.postgresVersion(), s.spockVersion(), s.port(), s.patroniPort(), s.cpus(),
                s.memory(), s.nodes(), s.databaseUsers(), List.copyOf(services), s.extra());
    }
}
