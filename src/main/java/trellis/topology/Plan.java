package trellis.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import trellis.spec.DatabaseUser;
import trellis.spec.Json;
import trellis.spec.Secrets;
import trellis.spec.ServiceSpec;

/**
 * What changes between two specs of one database, in words a person understands: the review page
 * before apply and {@code trellis plan}. Secret values are never printed, only that they changed.
 */
public final class Plan {
    private static final Pattern PLAIN_IDENT = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Set<String> SERVICE_FIELDS_SHOWN_APART =
            Set.of("service_id", "service_type", "version", "host_ids", "connect_as", "config");

    private Plan() {
    }

    public static List<PlanChange> between(DatabaseSpec oldSpec, DatabaseSpec newSpec) {
        List<PlanChange> out = new ArrayList<>();
        String database = newSpec.databaseName() != null ? newSpec.databaseName() : oldSpec.databaseName();
        diffNodes(oldSpec, newSpec, out);
        diffUsers(oldSpec, newSpec, out);
        diffDatabaseFields(oldSpec, newSpec, out);

        Map<String, ServiceSpec> before = byId(oldSpec.services());
        Map<String, ServiceSpec> after = byId(newSpec.services());
        for (ServiceSpec svc : after.values()) {
            ServiceSpec old = before.get(svc.serviceId());
            if (old == null) {
                serviceAdded(svc, database, out);
            } else {
                serviceChanged(old, svc, database, out);
            }
        }
        for (ServiceSpec old : before.values()) {
            if (!after.containsKey(old.serviceId())) {
                int n = hosts(old).size();
                out.add(new PlanChange(PlanChange.Kind.SERVICE_REMOVED, old.serviceId(), null,
                        "remove service '" + old.serviceId() + "': its " + n + (n == 1 ? " instance is" : " instances are")
                                + " deleted; user '" + old.connectAs() + "' and its grants stay"));
            }
        }
        return out;
    }

    private static void serviceAdded(ServiceSpec svc, String database, List<PlanChange> out) {
        out.add(new PlanChange(PlanChange.Kind.SERVICE_ADDED, svc.serviceId(), null,
                "add service '" + svc.serviceId() + "' (" + svc.serviceType() + " " + svc.version() + ") as "
                        + svc.connectAs() + " on " + String.join(", ", hosts(svc))));
        for (String host : hosts(svc)) {
            out.add(instanceAdded(svc, host));
        }
        if (isPostgrest(svc)) {
            grantsFor(svc.serviceId(), svc.connectAs(), anonRole(svc), database, true, out);
        }
    }

    private static void serviceChanged(ServiceSpec old, ServiceSpec svc, String database, List<PlanChange> out) {
        String id = svc.serviceId();
        List<String> gained = hosts(svc).stream().filter(h -> !hosts(old).contains(h)).distinct().toList();
        List<String> lost = hosts(old).stream().filter(h -> !hosts(svc).contains(h)).distinct().toList();
        if (gained.size() == 1 && lost.size() == 1) {
            // one host given up for one other: the instance moves (deleted there, created here)
            out.add(new PlanChange(PlanChange.Kind.INSTANCE_MOVED, id, gained.get(0),
                    "move '" + id + "' from " + lost.get(0) + " to " + gained.get(0)));
        } else {
            gained.forEach(host -> out.add(instanceAdded(svc, host)));
            lost.forEach(host -> out.add(new PlanChange(PlanChange.Kind.INSTANCE_REMOVED, id, host,
                    "remove instance of '" + id + "' from " + host)));
        }
        if (!Objects.equals(old.serviceType(), svc.serviceType())) {
            out.add(new PlanChange(PlanChange.Kind.SERVICE_CHANGED, id, null,
                    "'" + id + "' service_type " + old.serviceType() + " → " + svc.serviceType()));
        }
        if (!Objects.equals(old.version(), svc.version())) {
            out.add(new PlanChange(PlanChange.Kind.VERSION_CHANGED, id, null,
                    "'" + id + "' version " + old.version() + " → " + svc.version()));
        }
        boolean connectAsChanged = !Objects.equals(old.connectAs(), svc.connectAs());
        if (connectAsChanged) {
            out.add(new PlanChange(PlanChange.Kind.CONNECT_AS_CHANGED, id, null,
                    "'" + id + "' connect_as " + old.connectAs() + " → " + svc.connectAs()
                            + " (user '" + old.connectAs() + "' keeps its grants)"));
        }
        diffTree("'" + id + "' config", Json.toTree(old.config()), Json.toTree(svc.config()),
                PlanChange.Kind.CONFIG_CHANGED, id, out);
        JsonNode oldRest = serviceRest(old);
        JsonNode newRest = serviceRest(svc);
        diffTree("'" + id + "'", oldRest, newRest, PlanChange.Kind.SERVICE_CHANGED, id, out);

        if (isPostgrest(svc)) {
            String oldAnon = isPostgrest(old) ? anonRole(old) : null;
            String newAnon = anonRole(svc);
            if (connectAsChanged || !isPostgrest(old)) {
                grantsFor(id, svc.connectAs(), newAnon, database, true, out);
            } else if (!Objects.equals(oldAnon, newAnon)) {
                grantsFor(id, svc.connectAs(), newAnon, database, false, out);
                if (oldAnon != null) {
                    out.add(new PlanChange(PlanChange.Kind.REVOKE, id, null,
                            "REVOKE " + quoteIdent(oldAnon) + " FROM " + quoteIdent(svc.connectAs())
                                    + "  -- old anon role of '" + id + "', on every primary"));
                }
            }
        }
    }

    private static void grantsFor(String id, String user, String anon, String database, boolean full, List<PlanChange> out) {
        String where = "  -- for '" + id + "', on every primary";
        if (full) {
            out.add(new PlanChange(PlanChange.Kind.GRANT, id, null, "ALTER ROLE " + quoteIdent(user) + " NOINHERIT" + where));
            out.add(new PlanChange(PlanChange.Kind.GRANT, id, null,
                    "GRANT CONNECT ON DATABASE " + quoteIdent(database) + " TO " + quoteIdent(user) + where));
        }
        if (anon != null) {
            out.add(new PlanChange(PlanChange.Kind.GRANT, id, null, "GRANT " + quoteIdent(anon) + " TO " + quoteIdent(user) + where));
        }
    }

    private static PlanChange instanceAdded(ServiceSpec svc, String host) {
        return new PlanChange(PlanChange.Kind.INSTANCE_ADDED, svc.serviceId(), host,
                "add instance of '" + svc.serviceId() + "' on " + host);
    }

    private static void diffNodes(DatabaseSpec a, DatabaseSpec b, List<PlanChange> out) {
        Map<String, DatabaseNode> before = new LinkedHashMap<>();
        orEmpty(a.nodes()).forEach(n -> before.put(n.name(), n));
        Map<String, DatabaseNode> after = new LinkedHashMap<>();
        orEmpty(b.nodes()).forEach(n -> after.put(n.name(), n));
        after.forEach((name, n) -> {
            if (!before.containsKey(name)) {
                out.add(new PlanChange(PlanChange.Kind.NODE_ADDED, null, null,
                        "add database node " + name + " on " + String.join(", ", orEmpty(n.hostIds()))));
            } else {
                diffTree("node " + name, Json.toTree(before.get(name)), Json.toTree(n),
                        PlanChange.Kind.DATABASE_CHANGED, null, out);
            }
        });
        before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(name ->
                out.add(new PlanChange(PlanChange.Kind.NODE_REMOVED, null, null, "remove database node " + name)));
    }

    private static void diffUsers(DatabaseSpec a, DatabaseSpec b, List<PlanChange> out) {
        Map<String, DatabaseUser> before = new LinkedHashMap<>();
        orEmpty(a.databaseUsers()).forEach(u -> before.put(u.username(), u));
        Map<String, DatabaseUser> after = new LinkedHashMap<>();
        orEmpty(b.databaseUsers()).forEach(u -> after.put(u.username(), u));
        after.forEach((name, u) -> {
            if (!before.containsKey(name)) {
                out.add(new PlanChange(PlanChange.Kind.USER_ADDED, null, null, "add database user " + name));
            } else {
                diffTree("user " + name, Json.toTree(before.get(name)), Json.toTree(u),
                        PlanChange.Kind.DATABASE_CHANGED, null, out);
            }
        });
        before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(name ->
                out.add(new PlanChange(PlanChange.Kind.USER_REMOVED, null, null, "remove database user " + name)));
    }

    private static void diffDatabaseFields(DatabaseSpec a, DatabaseSpec b, List<PlanChange> out) {
        JsonNode ta = Json.toTree(a).deepCopy();
        JsonNode tb = Json.toTree(b).deepCopy();
        for (String f : List.of("nodes", "database_users", "services")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) ta).remove(f);
            ((com.fasterxml.jackson.databind.node.ObjectNode) tb).remove(f);
        }
        diffTree("database", ta, tb, PlanChange.Kind.DATABASE_CHANGED, null, out);
    }

    /** One line per leaf that differs; a secret leaf says "changed" and never its value. */
    private static void diffTree(String label, JsonNode a, JsonNode b, PlanChange.Kind kind, String serviceId,
                                 List<PlanChange> out) {
        walk(label, "", a == null ? MissingNode.getInstance() : a, b == null ? MissingNode.getInstance() : b,
                kind, serviceId, out, false);
    }

    private static void walk(String label, String path, JsonNode a, JsonNode b, PlanChange.Kind kind, String serviceId,
                             List<PlanChange> out, boolean secret) {
        if (a.equals(b)) {
            return;
        }
        if (!secret && a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                walk(label, path.isEmpty() ? k : path + "." + k, a.path(k), b.path(k), kind, serviceId, out,
                        Secrets.isSecretKey(k));
            }
            return;
        }
        String where = label + (path.isEmpty() ? "" : " " + path);
        String text;
        if (secret) {
            text = where + (a.isMissingNode() ? " set (secret)" : b.isMissingNode() ? " removed (secret)" : " changed (secret)");
        } else if (a.isMissingNode()) {
            text = where + " set to " + show(b);
        } else if (b.isMissingNode()) {
            text = where + " removed (was " + show(a) + ")";
        } else {
            text = where + " " + show(a) + " → " + show(b);
        }
        out.add(new PlanChange(kind, serviceId, null, text));
    }

    private static String show(JsonNode v) {
        String s = v.isTextual() ? v.asText() : Json.write(Secrets.redact(v)).replaceAll("\\s+", " ");
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static JsonNode serviceRest(ServiceSpec svc) {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.toTree(svc).deepCopy();
        SERVICE_FIELDS_SHOWN_APART.forEach(tree::remove);
        return tree;
    }

    private static boolean isPostgrest(ServiceSpec svc) {
        return "postgrest".equals(svc.serviceType());
    }

    private static String anonRole(ServiceSpec svc) {
        if (svc.config() == null) {
            return null;
        }
        JsonNode v = svc.config().get("db_anon_role");
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static List<String> hosts(ServiceSpec svc) {
        return orEmpty(svc.hostIds());
    }

    private static Map<String, ServiceSpec> byId(List<ServiceSpec> services) {
        Map<String, ServiceSpec> m = new LinkedHashMap<>();
        orEmpty(services).forEach(s -> m.put(s.serviceId(), s));
        return m;
    }

    /** PostgreSQL identifier quoting, as the SQL would be written. */
    public static String quoteIdent(String ident) {
        if (ident != null && PLAIN_IDENT.matcher(ident).matches()) {
            return ident;
        }
        return "\"" + String.valueOf(ident).replace("\"", "\"\"") + "\"";
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

}
