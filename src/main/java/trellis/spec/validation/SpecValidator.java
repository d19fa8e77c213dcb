package trellis.spec.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Accepts exactly what the pgEdge Control Plane accepts. Works on JSON trees rather than
 * records, so that wrong types at any depth become problems instead of exceptions.
 *
 * <p>The order is the Control Plane's: the request body is decoded and checked against the
 * contract first (Goa's generated checks, here the contract's schemas through networknt); only a
 * body of the right shape reaches the handler rules ({@link SpecRules}, validate.go), and for an
 * update the rules that need the current spec ({@code validateDatabaseUpdate}).
 */
public final class SpecValidator {
    /** The Control Plane makes up a UUID when a create body has no id; its length counts toward 53. */
    private static final String GENERATED_ID = "00000000-0000-0000-0000-000000000000";
    private static final Set<String> FREE_FORM = Set.of("config", "postgresql_conf");
    private static final Set<String> STRING_MAPS = Set.of("extra_labels", "custom_options", "restore_options", "driver_opts");

    private SpecValidator() {
    }

    /** A create body {@code {id, spec}}; paths start with {@code spec.} or {@code id}. */
    public static List<Problem> validateCreate(JsonNode body) {
        return guarded(() -> create(body));
    }

    private static List<Problem> create(JsonNode body) {
        if (body == null || !body.isObject()) {
            return List.of(new Problem("", "the request body must be a JSON object such as {\"id\": \"...\", \"spec\": {...}}"));
        }
        JsonNode decoded = goDecode(body);
        List<Problem> structural = ContractSchema.get().checkCreate(decoded);
        if (!structural.isEmpty()) {
            return structural;
        }
        SpecRules rules = new SpecRules();
        String id = decoded.path("id").isTextual() ? decoded.get("id").asText() : null;
        if (id != null) {
            // apiToDatabaseSpec: identToString(id)
            rules.identifier(id, "id");
        }
        tenant(decoded, rules);
        rules.databaseSpec(id != null ? id : GENERATED_ID, decoded.get("spec"), "spec");
        return distinct(rules.problems());
    }

    /**
     * An update body {@code {spec}} checked against the database's current spec.
     *
     * @param databaseId the id of the database being updated (its length counts toward the 53 chars);
     *                   null or empty when unknown
     * @param current    the current spec (a {@code spec} object), or null when unknown: then the
     *                   rules that need it are skipped and named by {@link #rulesNeedingCurrentSpec()}
     */
    public static List<Problem> validateUpdate(String databaseId, JsonNode current, JsonNode body) {
        return guarded(() -> update(databaseId, current, body));
    }

    private static List<Problem> update(String databaseId, JsonNode current, JsonNode body) {
        if (body == null || !body.isObject()) {
            return List.of(new Problem("", "the request body must be a JSON object such as {\"spec\": {...}}"));
        }
        JsonNode decoded = goDecode(body);
        List<Problem> structural = ContractSchema.get().checkUpdate(decoded);
        if (!structural.isEmpty()) {
            return structural;
        }
        SpecRules rules = new SpecRules();
        String id = databaseId == null ? "" : databaseId;
        if (!id.isEmpty()) {
            // UpdateDatabase -> apiToDatabaseSpec: identToString(database_id from the path)
            rules.identifier(id, "id");
        }
        tenant(decoded, rules);
        // UpdateDatabase runs the create rules first (apiToDatabaseSpec -> validateDatabaseSpec) ...
        rules.databaseSpec(id, decoded.get("spec"), "spec");
        // ... then validateDatabaseUpdate with the spec stored for the database.
        if (current != null && current.isObject() && !current.has("nodes") && current.path("spec").isObject()) {
            current = current.get("spec"); // a whole database object (GET /v1/databases/{id}) rather than its spec
        }
        if (current != null && current.isObject()) {
            rules.databaseUpdate(id, current, decoded.get("spec"), "spec");
        }
        return distinct(rules.problems());
    }

    /** A bare spec; paths have no {@code spec.} prefix. */
    public static List<Problem> validateSpec(String databaseId, JsonNode spec) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (databaseId != null && !databaseId.isEmpty()) {
            body.put("id", databaseId);
        }
        body.set("spec", spec == null ? JsonNodeFactory.instance.nullNode() : spec);
        List<Problem> out = new ArrayList<>();
        for (Problem p : validateCreate(body)) {
            String path = p.path().equals("spec") ? "" : p.path().startsWith("spec.") ? p.path().substring(5) : p.path();
            out.add(new Problem(path, p.message()));
        }
        return out;
    }

    /** The update rules that cannot be checked without the database's current spec. */
    public static List<String> rulesNeedingCurrentSpec() {
        return List.of("init_token and init_users are refused only for services that already exist (validateDatabaseUpdate)",
                "a node added by the update may only name an existing node as source_node (validateDatabaseUpdate)");
    }

    /**
     * Go's encoding/json refuses a document nested deeper than 10000 levels; below that, a
     * pathological tree must still give problems, never an exception.
     */
    private static final int GO_MAX_DEPTH = 10_000;

    private static List<Problem> guarded(java.util.function.Supplier<List<Problem>> check) {
        try {
            return check.get();
        } catch (DepthExceeded e) {
            return List.of(new Problem("", "the body nests deeper than " + GO_MAX_DEPTH
                    + " levels, which the Control Plane's JSON decoder refuses (exceeded max depth)"));
        } catch (StackOverflowError e) {
            return List.of(new Problem("", "the body nests too deeply to be checked; flatten it"));
        } catch (RuntimeException e) {
            return List.of(new Problem("", "the body could not be checked (" + e.getClass().getSimpleName()
                    + "); it is not a request the Control Plane would accept as it is"));
        }
    }

    private static final class DepthExceeded extends RuntimeException {
        DepthExceeded() {
            super(null, null, false, false);
        }
    }

    /** Iterative, so that the depth check itself cannot overflow the stack. */
    private static void checkDepth(JsonNode root) {
        java.util.ArrayDeque<JsonNode> nodes = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        while (!nodes.isEmpty()) {
            JsonNode n = nodes.pop();
            int d = depths.pop();
            if (d > GO_MAX_DEPTH) {
                throw new DepthExceeded();
            }
            if (n.isContainerNode()) {
                for (JsonNode child : n) {
                    if (child.isContainerNode()) {
                        nodes.push(child);
                        depths.push(d + 1);
                    }
                }
            }
        }
    }

    private static void tenant(JsonNode body, SpecRules rules) {
        JsonNode t = body.get("tenant_id");
        if (t != null && t.isTextual()) {
            // apiToDatabaseSpec: identToString(tenant_id)
            rules.identifier(t.asText(), "tenant_id");
        }
    }

    private static List<Problem> distinct(List<Problem> problems) {
        Set<Problem> seen = new LinkedHashSet<>(problems);
        return List.copyOf(seen);
    }

    /**
     * The body as Go's encoding/json leaves it for Goa: keys match struct fields ignoring case (the
     * later of two wins), a JSON null in a struct field is the same as no field, a null string in an
     * array is "", a null in a map of strings is "". Free-form
     * maps ({@code config}, {@code postgresql_conf}) keep their nulls: there a key with no value
     * is still a key.
     */
    static JsonNode goDecode(JsonNode node) {
        checkDepth(node);
        return decode(node, false, false);
    }

    private static JsonNode decode(JsonNode node, boolean freeForm, boolean stringMap) {
        if (freeForm) {
            return node;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ContractSchema contract = ContractSchema.get();
            node.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                String key = stringMap ? e.getKey() : contract.fieldFor(e.getKey());
                if (v.isNull()) {
                    if (stringMap) {
                        out.set(key, TextNode.valueOf(""));
                    } else {
                        out.remove(key);
                    }
                    return;
                }
                out.set(key, decode(v, FREE_FORM.contains(key), STRING_MAPS.contains(key)));
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(v -> out.add(v.isNull() ? TextNode.valueOf("") : decode(v, false, false)));
            return out;
        }
        return node;
    }
}
