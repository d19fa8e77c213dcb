package trellis.engine.local.nodes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import trellis.engine.local.StateStore;
import trellis.spec.DatabaseSpec;
import trellis.spec.ServiceSpec;

/**
 * PostgREST's role grants on every attached node a service connects to, remembering the anon role
 * granted per database, service and node (in the store too), so a change revokes the old one.
 */
public final class ServiceGrants {
    private static final String DEFAULT_SCHEMAS = "public";

    private final Nodes nodes;
    private final StateStore store;
    private final Map<String, String> grantedAnon = new ConcurrentHashMap<>();

    public ServiceGrants(Nodes nodes, StateStore store) {
        this.nodes = nodes;
        this.store = store;
    }

    /** The grants the store remembers, so a change after a restart still revokes the old anon role. */
    public void restore() throws SQLException {
        grantedAnon.putAll(store.grants());
    }

    /** Runs the preflight and the grants; each statement goes to {@code log}. */
    public void apply(String databaseId, DatabaseSpec spec, ServiceSpec svc, Consumer<String> log) {
        String anon = text(svc, "db_anon_role", null);
        String schemas = text(svc, "db_schemas", DEFAULT_SCHEMAS);
        for (String node : TargetNodes.of(spec, svc)) {
            NodeConnection nc = nodes.node(node).orElse(null);
            if (nc == null) {
                log.accept("warning: " + svc.serviceId() + ": " + (nodes.skipped(node) ? "node " + node + " skipped"
                        : "no PostgreSQL started or attached for node " + node) + "; grants not applied there");
                continue;
            }
            String key = databaseId + "/" + svc.serviceId() + "/" + node;
            try (Connection c = DriverManager.getConnection(nc.jdbcUrl(), nc.user(), nc.password())) {
                List<String> problems = PostgrestGrants.preflight(c, svc.connectAs(), anon, schemas);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("service '" + svc.serviceId() + "' on node " + node + ": "
                            + String.join("; ", problems));
                }
                String database = spec.databaseName() != null ? spec.databaseName() : c.getCatalog();
                for (String sql : PostgrestGrants.apply(c, database, svc.connectAs(), anon, grantedAnon.get(key))) {
                    log.accept(svc.serviceId() + " on node " + node + ": " + sql);
                }
                grantedAnon.put(key, anon);
                store.granted(key, anon);
            } catch (SQLException e) {
                throw new IllegalStateException("service '" + svc.serviceId() + "' on node " + node
                        + ": grants failed: " + e.getMessage(), e);
            }
        }
    }

    private static String text(ServiceSpec svc, String field, String otherwise) {
        return svc.config() != null && svc.config().path(field).isTextual() ? svc.config().get(field).asText() : otherwise;
    }
}
