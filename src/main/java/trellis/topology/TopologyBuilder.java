package trellis.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import trellis.spec.Database;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import trellis.spec.Host;
import trellis.spec.Instance;
import trellis.spec.ServiceInstance;
import trellis.spec.ServiceSpec;

/**
 * Turns a spec, and what a control plane reports, into the {@link Topology} the console draws.
 * Pure: no I/O, no threads.
 */
public final class TopologyBuilder {
    private TopologyBuilder() {
    }

    /** A spec on its own (a file): every instance is pending. */
    public static Topology planned(String databaseId, DatabaseSpec spec) {
        return build(databaseId, spec, null, List.of(), List.of());
    }

    /** A database as a control plane reports it, with the cluster's hosts (may be empty). */
    public static Topology live(Database database, List<Host> clusterHosts) {
        List<ServiceInstance> live = database.serviceInstances() == null ? List.of() : database.serviceInstances();
        List<Instance> instances = database.instances() == null ? List.of() : database.instances();
        return build(database.id(), database.spec(), live, instances, clusterHosts);
    }

    /**
     * @param liveInstances null when nothing is known of what runs (then everything is pending);
     *                      an empty list when the control plane reports nothing running
     */
    public static Topology build(String databaseId, DatabaseSpec spec, List<ServiceInstance> liveInstances,
                                 List<Instance> databaseInstances, List<Host> clusterHosts) {
        DatabaseSpec s = spec != null ? spec
                : new DatabaseSpec(null, null, null, null, null, null, null, List.of(), List.of(), List.of(), null);
        List<DatabaseNode> nodes = orEmpty(s.nodes());
        List<ServiceSpec> services = orEmpty(s.services());

        Set<String> hostOrder = new LinkedHashSet<>();
        nodes.forEach(n -> hostOrder.addAll(orEmpty(n.hostIds())));
        services.forEach(svc -> hostOrder.addAll(orEmpty(svc.hostIds())));
        Map<String, ServiceInstance> liveById = new LinkedHashMap<>();
        if (liveInstances != null) {
            for (ServiceInstance si : liveInstances) {
                if (si.hostId() != null) {
                    hostOrder.add(si.hostId());
                }
                liveById.put(instanceKey(si), si);
            }
        }
        Map<String, Host> hostById = new LinkedHashMap<>();
        for (Host h : orEmpty(clusterHosts)) {
            hostById.put(h.id(), h);
        }

        Set<String> nodeHosts = new LinkedHashSet<>();
        nodes.forEach(n -> nodeHosts.addAll(orEmpty(n.hostIds())));
        List<String> allNodeNames = nodes.stream().map(DatabaseNode::name).filter(Objects::nonNull).toList();

        Map<String, List<NodePlacement>> nodesByHost = new LinkedHashMap<>();
        for (DatabaseNode n : nodes) {
            for (String hostId : orEmpty(n.hostIds())) {
                Instance inst = orEmpty(databaseInstances).stream()
                        .filter(i -> Objects.equals(i.nodeName(), n.name()) && Objects.equals(i.hostId(), hostId))
                        .findFirst().orElse(null);
                nodesByHost.computeIfAbsent(hostId, k -> new ArrayList<>()).add(new NodePlacement(n.name(), hostId, inst));
            }
        }

        Map<String, List<InstancePlacement>> instancesByHost = new LinkedHashMap<>();
        List<ServiceSummary> summaries = new ArrayList<>();
        Set<String> expected = new LinkedHashSet<>();
        for (ServiceSpec svc : services) {
            List<String> hostIds = orEmpty(svc.hostIds());
            List<String> targets = svc.databaseConnection() != null && svc.databaseConnection().targetNodes() != null
                    && !svc.databaseConnection().targetNodes().isEmpty()
                    ? svc.databaseConnection().targetNodes() : allNodeNames;
            summaries.add(new ServiceSummary(svc.serviceId(), svc.serviceType(), svc.version(), svc.connectAs(),
                    classify(hostIds, nodeHosts), hostIds, svc));
            for (String hostId : new LinkedHashSet<>(hostIds)) {
                String key = svc.serviceId() + "\u0000" + hostId;
                expected.add(key);
                ServiceInstance si = liveById.get(key);
                LifecycleState state = liveInstances == null || si == null
                        ? LifecycleState.PENDING : LifecycleState.fromApi(si.state());
                String id = si != null && si.serviceInstanceId() != null
                        ? si.serviceInstanceId() : instanceId(databaseId, svc.serviceId(), hostId);
                instancesByHost.computeIfAbsent(hostId, k -> new ArrayList<>())
                        .add(new InstancePlacement(id, svc.serviceId(), svc.serviceType(), hostId, state, targets, si));
            }
        }
        for (Map.Entry<String, ServiceInstance> e : liveById.entrySet()) {
            if (expected.contains(e.getKey())) {
                continue;
            }
            ServiceInstance si = e.getValue();
            // An instance being deleted is still the control plane's business, not an orphan.
            LifecycleState state = LifecycleState.fromApi(si.state()) == LifecycleState.DELETING
                    ? LifecycleState.DELETING : LifecycleState.ORPHAN;
            String type = services.stream().filter(svc -> Objects.equals(svc.serviceId(), si.serviceId()))
                    .map(ServiceSpec::serviceType).findFirst().orElse(null);
            String id = si.serviceInstanceId() != null ? si.serviceInstanceId()
                    : instanceId(databaseId, si.serviceId(), si.hostId());
            instancesByHost.computeIfAbsent(si.hostId(), k -> new ArrayList<>())
                    .add(new InstancePlacement(id, si.serviceId(), type, si.hostId(), state, allNodeNames, si));
        }

        List<HostPlacement> hosts = new ArrayList<>();
        for (String hostId : hostOrder) {
            hosts.add(new HostPlacement(hostId, nodesByHost.getOrDefault(hostId, List.of()),
                    instancesByHost.getOrDefault(hostId, List.of()), hostById.get(hostId)));
        }
        return new Topology(databaseId, s.databaseName(), hosts, summaries);
    }

    /** The documentation's three patterns, decided by where the instances go. */
    public static DeploymentPattern classify(List<String> serviceHostIds, Set<String> hostsWithNodes) {
        Set<String> distinct = new LinkedHashSet<>(serviceHostIds);
        if (distinct.size() > 1) {
            return DeploymentPattern.MULTIPLE_INSTANCES;
        }
        return distinct.stream().anyMatch(hostsWithNodes::contains)
                ? DeploymentPattern.CO_LOCATED : DeploymentPattern.SEPARATE_HOST;
    }

    public static String instanceId(String databaseId, String serviceId, String hostId) {
        return databaseId + "-" + serviceId + "-" + hostId;
    }

    private static String instanceKey(ServiceInstance si) {
        return si.serviceId() + "\u0000" + si.hostId();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
