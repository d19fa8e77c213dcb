package trellis.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import trellis.spec.DatabaseUser;
import trellis.spec.ServiceSpec;

/**
 * Where an instance connects: the database, its hosts as containers reach them (in the Control
 * Plane's order), libpq's target_session_attrs, the connect_as password.
 *
 * <p>The rules are the Control Plane's: {@link #targetSessionAttrs} mirrors
 * workflows/plan_update.go {@code resolveTargetSessionAttrs}, {@link #hosts} mirrors
 * database/service_connection.go {@code BuildServiceHostList}. Where the Control Plane names each
 * node instance {@code postgres-{instanceID}:5432} on its overlay network, the local engine puts
 * the address it reaches that node at (one database per node, so a node's instances share it).
 */
record ServiceConnection(String database, List<PostgrestConf.Endpoint> endpoints, String targetSessionAttrs, String password) {
    static final String DEFAULT_DATABASE = "postgres";
    /** Where a node Trellis knows nothing of is looked for: the Docker host, PostgreSQL's port. */
    static final PostgrestConf.Endpoint UNKNOWN_NODE =
            new PostgrestConf.Endpoint(trellis.engine.local.nodes.NodeConnection.HOST_GATEWAY, trellis.engine.local.nodes.NodeConnection.DEFAULT_PORT);

    /** libpq's values (database/service_connection.go). */
    static final String PRIMARY = "primary";
    static final String PREFER_STANDBY = "prefer-standby";
    static final String READ_WRITE = "read-write";

    /**
     * @param serviceHost the host id the instance runs on (its node comes first)
     * @param nodeAddress where containers reach a node, when the engine knows it
     */
    static ServiceConnection of(DatabaseSpec spec, ServiceSpec svc, String serviceHost,
                                Function<String, Optional<PostgrestConf.Endpoint>> nodeAddress) {
        String password = SpecCatalog.orEmpty(spec.databaseUsers()).stream().filter(u -> Objects.equals(svc.connectAs(), u.username()))
                .map(DatabaseUser::password).filter(Objects::nonNull).findFirst().orElse(null);
        List<PostgrestConf.Endpoint> endpoints = hosts(spec, svc, serviceHost,
                node -> nodeAddress.apply(node).orElse(UNKNOWN_NODE));
        return new ServiceConnection(spec.databaseName() == null ? DEFAULT_DATABASE : spec.databaseName(), endpoints,
                targetSessionAttrs(svc), password);
    }

    /**
     * The spec's own target_session_attrs wins; else MCP is {@code primary} when its config allows
     * writes and {@code prefer-standby} otherwise, PostgREST {@code read-write} (its JWT roles
     * write), RAG and anything else {@code prefer-standby}.
     */
    static String targetSessionAttrs(ServiceSpec svc) {
        var conn = svc.databaseConnection();
        if (conn != null && conn.targetSessionAttrs() != null && !conn.targetSessionAttrs().isEmpty()) {
            return conn.targetSessionAttrs();
        }
        String type = svc.serviceType() == null ? "" : svc.serviceType();
        return switch (type) {
            case "mcp" -> {
                JsonNode allow = svc.config() == null ? null : svc.config().get("allow_writes");
                // only a JSON boolean counts, as Go's type assertion to bool
                yield allow != null && allow.isBoolean() && allow.booleanValue() ? PRIMARY : PREFER_STANDBY;
            }
            case "postgrest" -> READ_WRITE;
            default -> PREFER_STANDBY;
        };
    }

    /**
     * The ordered host list: with target_nodes, those nodes in that order; else every node with
     * the first one that has an instance on {@code serviceHost} moved to the front. Each node gives
     * one entry per instance (per host id), the one on {@code serviceHost} first.
     */
    static List<PostgrestConf.Endpoint> hosts(DatabaseSpec spec, ServiceSpec svc, String serviceHost,
                                              Function<String, PostgrestConf.Endpoint> address) {
        List<DatabaseNode> all = SpecCatalog.orEmpty(spec.nodes());
        List<DatabaseNode> ordered = new ArrayList<>();
        var conn = svc.databaseConnection();
        if (conn != null && conn.targetNodes() != null && !conn.targetNodes().isEmpty()) {
            for (String name : conn.targetNodes()) {
                ordered.add(all.stream().filter(n -> name.equals(n.name())).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("target node \"" + name + "\" does not exist in the database spec")));
            }
        } else {
            DatabaseNode local = all.stream().filter(n -> SpecCatalog.orEmpty(n.hostIds()).contains(serviceHost)).findFirst().orElse(null);
            if (local != null) {
                ordered.add(local);
            }
            all.stream().filter(n -> n != local).forEach(ordered::add);
        }
        List<PostgrestConf.Endpoint> out = new ArrayList<>();
        for (DatabaseNode n : ordered) {
            List<String> instances = SpecCatalog.orEmpty(n.hostIds());
            PostgrestConf.Endpoint at = address.apply(n.name());
            // a node with no host ids still is one database the engine reaches
            int count = Math.max(1, instances.size());
            for (int i = 0; i < count; i++) {
                out.add(at);
            }
        }
        return out;
    }

    /** The first endpoint, for a service that takes one (RAG: the first of the ordered list). */
    PostgrestConf.Endpoint first() {
        return endpoints.isEmpty() ? UNKNOWN_NODE : endpoints.get(0);
    }
}
