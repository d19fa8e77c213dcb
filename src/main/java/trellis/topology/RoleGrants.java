package trellis.topology;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import trellis.spec.ServiceSpec;

/**
 * The role grants and revokes an apply runs for PostgREST services, derived from the specs alone,
 * as the engine's ServiceGrants/PostgrestGrants and the Control Plane's PostgRESTAuthenticatorResource
 * run them on the primary of every node the service connects to: {@code ALTER ROLE <connect_as> WITH
 * NOINHERIT}, {@code GRANT CONNECT ON DATABASE}, {@code GRANT <anon> TO <connect_as>}, and the revoke
 * of the previous anon role when it changed. Removing a service revokes nothing and drops no user.
 */
public final class RoleGrants {
    private RoleGrants() {
    }

    /** One statement, or one note when nothing runs ({@code sql} null). */
    public record Grant(String serviceId, PlanChange.Kind kind, String sql, List<String> nodes) {
        /** What a person reads: the statement and where it runs. */
        public String text() {
            return (kind == PlanChange.Kind.REVOKE ? "- " : "+ ") + sql + "   (" + serviceId + ", on the primary of "
                    + (nodes.isEmpty() ? "no node" : String.join(", ", nodes)) + ")";
        }
    }

    /** The statements applying {@code after} over {@code before} runs, service by service in the order of {@code after}. */
    public static List<Grant> between(DatabaseSpec before, DatabaseSpec after, String databaseId) {
        String database = after.databaseName() != null ? after.databaseName() : databaseId;
        Map<String, ServiceSpec> old = new LinkedHashMap<>();
        orEmpty(before == null ? null : before.services()).forEach(s -> old.put(s.serviceId(), s));
        List<Grant> out = new ArrayList<>();
        for (ServiceSpec svc : orEmpty(after.services())) {
            if (!isPostgrest(svc)) {
                continue;
            }
            ServiceSpec was = old.get(svc.serviceId());
            boolean wasPostgrest = was != null && isPostgrest(was);
            String anon = anonRole(svc);
            String oldAnon = wasPostgrest ? anonRole(was) : null;
            boolean changed = !wasPostgrest || !Objects.equals(was.connectAs(), svc.connectAs())
                    || !Objects.equals(oldAnon, anon) || !Objects.equals(targets(before, was), targets(after, svc));
            if (!changed) {
                continue;
            }
            List<String> nodes = targets(after, svc);
            String id = svc.serviceId();
            String user = Plan.quoteIdent(svc.connectAs());
            if (oldAnon != null && !oldAnon.equals(anon)) {
                out.add(new Grant(id, PlanChange.Kind.REVOKE, "REVOKE " + Plan.quoteIdent(oldAnon) + " FROM " + user, nodes));
            }
            out.add(new Grant(id, PlanChange.Kind.GRANT, "ALTER ROLE " + user + " WITH NOINHERIT", nodes));
            out.add(new Grant(id, PlanChange.Kind.GRANT, "GRANT CONNECT ON DATABASE " + Plan.quoteIdent(database) + " TO " + user, nodes));
            if (anon != null) {
                out.add(new Grant(id, PlanChange.Kind.GRANT, "GRANT " + Plan.quoteIdent(anon) + " TO " + user, nodes));
            }
        }
        return out;
    }

    /** The anon roles of the PostgREST services of a spec, each once, in order. */
    public static List<String> anonRoles(DatabaseSpec spec) {
        return orEmpty(spec.services()).stream().filter(RoleGrants::isPostgrest).map(RoleGrants::anonRole)
                .filter(Objects::nonNull).distinct().toList();
    }

    /** The nodes a service connects to: its database_connection's target_nodes, else every node of the spec. */
    public static List<String> targets(DatabaseSpec spec, ServiceSpec svc) {
        if (spec == null || svc == null) {
            return List.of();
        }
        var conn = svc.databaseConnection();
        if (conn != null && conn.targetNodes() != null && !conn.targetNodes().isEmpty()) {
            return conn.targetNodes();
        }
        return orEmpty(spec.nodes()).stream().map(DatabaseNode::name).toList();
    }

    static boolean isPostgrest(ServiceSpec svc) {
        return "postgrest".equals(svc.serviceType());
    }

    static String anonRole(ServiceSpec svc) {
        JsonNode v = svc.config() == null ? null : svc.config().get("db_anon_role");
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }
}
