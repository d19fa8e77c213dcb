package trellis.engine.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import trellis.engine.local.nodes.Nodes;
import trellis.engine.local.nodes.TargetNodes;
import trellis.spec.DatabaseSpec;
import trellis.spec.DatabaseUser;
import trellis.spec.ServiceSpec;

/** Where an instance connects: the database, its target nodes as containers reach them, the credentials. */
record ServiceConnection(String database, List<PostgrestConf.Endpoint> endpoints, String targetSessionAttrs, String password) {
    static final String DEFAULT_DATABASE = "postgres";
    /** Where a node Trellis knows nothing of is looked for: the Docker host, PostgreSQL's port. */
    static final PostgrestConf.Endpoint UNKNOWN_NODE =
            new PostgrestConf.Endpoint(LocalEngine.NodeConnection.HOST_GATEWAY, LocalEngine.NodeConnection.DEFAULT_PORT);

    static ServiceConnection of(DatabaseSpec spec, ServiceSpec svc, Nodes nodes) {
        String password = SpecCatalog.orEmpty(spec.databaseUsers()).stream().filter(u -> svc.connectAs().equals(u.username()))
                .map(DatabaseUser::password).filter(Objects::nonNull).findFirst().orElse(null);
        List<PostgrestConf.Endpoint> endpoints = new ArrayList<>();
        for (String node : TargetNodes.of(spec, svc)) {
            endpoints.add(nodes.node(node).map(nc -> new PostgrestConf.Endpoint(nc.containerHost(), nc.containerPort()))
                    .orElse(UNKNOWN_NODE));
        }
        String tsa = svc.databaseConnection() == null ? null : svc.databaseConnection().targetSessionAttrs();
        return new ServiceConnection(spec.databaseName() == null ? DEFAULT_DATABASE : spec.databaseName(), endpoints, tsa, password);
    }

    /** The first endpoint, for a service that takes one. */
    PostgrestConf.Endpoint first() {
        return endpoints.isEmpty() ? UNKNOWN_NODE : endpoints.get(0);
    }
}
