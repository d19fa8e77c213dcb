package trellis.engine.local.nodes;

import java.util.List;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import trellis.spec.ServiceSpec;

/** The nodes a service connects to: its database_connection's target_nodes, else every node of the spec. */
public final class TargetNodes {
    private TargetNodes() {
    }

    public static List<String> of(DatabaseSpec spec, ServiceSpec svc) {
        var conn = svc.databaseConnection();
        if (conn != null && conn.targetNodes() != null && !conn.targetNodes().isEmpty()) {
            return conn.targetNodes();
        }
        return spec.nodes() == null ? List.of() : spec.nodes().stream().map(DatabaseNode::name).toList();
    }
}
