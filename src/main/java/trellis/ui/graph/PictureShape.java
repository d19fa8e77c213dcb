package trellis.ui.graph;

import java.util.List;
import trellis.topology.HostPlacement;
import trellis.topology.InstancePlacement;
import trellis.topology.NodePlacement;
import trellis.topology.ServiceSummary;
import trellis.topology.Topology;

/**
 * Whether two topologies draw the same picture: the same services (id and pattern), hosts, nodes,
 * instances and lines, in the same order; then a poll changed only states. Compared in place, as a
 * poll of 5,000 instances must not pay for building a key of them.
 */
final class PictureShape {
    private PictureShape() {
    }

    static boolean same(Topology a, Topology b) {
        if (a == null || b == null || a.services().size() != b.services().size() || a.hosts().size() != b.hosts().size()) {
            return false;
        }
        for (int s = 0; s < a.services().size(); s++) {
            ServiceSummary x = a.services().get(s);
            ServiceSummary y = b.services().get(s);
            if (!x.serviceId().equals(y.serviceId()) || x.pattern() != y.pattern()) {
                return false;
            }
        }
        for (int h = 0; h < a.hosts().size(); h++) {
            if (!sameHost(a.hosts().get(h), b.hosts().get(h))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameHost(HostPlacement a, HostPlacement b) {
        List<NodePlacement> an = a.nodes();
        List<NodePlacement> bn = b.nodes();
        List<InstancePlacement> ai = a.instances();
        List<InstancePlacement> bi = b.instances();
        if (!a.hostId().equals(b.hostId()) || an.size() != bn.size() || ai.size() != bi.size()) {
            return false;
        }
        for (int n = 0; n < an.size(); n++) {
            if (!an.get(n).nodeName().equals(bn.get(n).nodeName())) {
                return false;
            }
        }
        for (int i = 0; i < ai.size(); i++) {
            if (!ai.get(i).instanceId().equals(bi.get(i).instanceId()) || !ai.get(i).connectsTo().equals(bi.get(i).connectsTo())) {
                return false;
            }
        }
        return true;
    }
}
