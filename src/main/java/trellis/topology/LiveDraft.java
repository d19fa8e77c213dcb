package trellis.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;
import trellis.spec.ServiceSpec;

/**
 * The picture of a draft on a live database: the draft's placement, each instance that exists
 * coloured by the state the control plane reports (so the poller keeps colouring them while the
 * draft is open), an instance the draft adds pending, and an instance the draft moves away or
 * removes still drawn in its live state where it runs (the draft's marks strike it through).
 */
public final class LiveDraft {
    private LiveDraft() {
    }

    /** {@code clusterHosts}: the cluster's hosts as last listed, so the picture knows which hosts can take services. */
    public static Topology picture(Database live, DatabaseSpec draft, List<trellis.spec.Host> clusterHosts) {
        Topology t = TopologyBuilder.build(live.id(), draft, live.serviceInstances() == null ? List.of() : live.serviceInstances(),
                live.instances() == null ? List.of() : live.instances(), clusterHosts);
        Map<String, String> typeOf = new HashMap<>();
        Set<String> applied = new HashSet<>();
        if (live.spec() != null && live.spec().services() != null) {
            for (ServiceSpec s : live.spec().services()) {
                typeOf.put(s.serviceId(), s.serviceType());
                (s.hostIds() == null ? List.<String>of() : s.hostIds()).forEach(h -> applied.add(s.serviceId() + "\u0000" + h));
            }
        }
        List<HostPlacement> hosts = new ArrayList<>();
        for (HostPlacement h : t.hosts()) {
            List<InstancePlacement> instances = new ArrayList<>();
            for (InstancePlacement i : h.instances()) {
                // not in the draft but in the applied spec: no orphan, an instance the draft takes away
                boolean takenAway = i.state() == LifecycleState.ORPHAN && i.live() != null
                        && applied.contains(i.serviceId() + "\u0000" + i.hostId());
                instances.add(takenAway ? new InstancePlacement(i.instanceId(), i.serviceId(), typeOf.get(i.serviceId()), i.hostId(),
                        LifecycleState.fromApi(i.live().state()), i.connectsTo(), i.live()) : i);
            }
            hosts.add(new HostPlacement(h.hostId(), h.nodes(), instances, h.live()));
        }
        return new Topology(t.databaseId(), t.databaseName(), hosts, t.services());
    }
}
