package trellis.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.Secrets;

/**
 * The three-way merge of a person's edit onto a spec that changed meanwhile, at the level a person
 * edits: services by service_id, database users by username, nodes by name, and every other field of
 * the spec by name. What only they (the server's side) changed is kept; what only we (the edit)
 * changed is applied; where both changed the same item differently, ours is applied and the item is
 * named in {@link Result#overlaps()} so the person sees it before sending. Secrets take no part in
 * deciding what changed (a GET strips them), and are put back afterwards by name.
 */
public final class SpecMerge {
    private SpecMerge() {
    }

    /**
     * @param spec     the merged spec
     * @param overlaps the items both sides changed, in words: "service 'api'", "user 'app'", "field memory"
     */
    public record Result(DatabaseSpec spec, List<String> overlaps) {
    }

    public static Result merge(DatabaseSpec base, DatabaseSpec ours, DatabaseSpec theirs) {
        ObjectNode b = tree(base);
        ObjectNode o = tree(ours);
        ObjectNode t = tree(theirs);
        ObjectNode out = t.deepCopy();
        List<String> overlaps = new ArrayList<>();
        mergeList(b, o, t, out, "services", "service_id", "service", overlaps);
        mergeList(b, o, t, out, "database_users", "username", "user", overlaps);
        mergeList(b, o, t, out, "nodes", "name", "node", overlaps);
        Set<String> fields = new LinkedHashSet<>();
        b.fieldNames().forEachRemaining(fields::add);
        o.fieldNames().forEachRemaining(fields::add);
        t.fieldNames().forEachRemaining(fields::add);
        for (String f : fields) {
            if (List.of("services", "database_users", "nodes").contains(f)) {
                continue;
            }
            JsonNode bv = b.get(f);
            JsonNode ov = o.get(f);
            JsonNode tv = t.get(f);
            if (same(bv, ov)) {
                continue; // ours left it: theirs stands
            }
            if (!same(bv, tv) && !same(ov, tv)) {
                overlaps.add("field " + f);
            }
            if (ov == null) {
                out.remove(f);
            } else {
                out.set(f, ov.deepCopy());
            }
        }
        JsonNode withSecrets = Secrets.merge(Secrets.merge(out, o), t);
        return new Result(Json.convert(withSecrets, DatabaseSpec.class), overlaps);
    }

    private static void mergeList(ObjectNode b, ObjectNode o, ObjectNode t, ObjectNode out, String field, String key,
                                  String what, List<String> overlaps) {
        Map<String, JsonNode> bm = byKey(b.path(field), key);
        Map<String, JsonNode> om = byKey(o.path(field), key);
        Map<String, JsonNode> merged = byKey(t.path(field), key);
        Map<String, JsonNode> tm = new LinkedHashMap<>(merged);
        Set<String> ids = new LinkedHashSet<>(bm.keySet());
        ids.addAll(om.keySet());
        for (String id : ids) {
            JsonNode bv = bm.get(id);
            JsonNode ov = om.get(id);
            JsonNode tv = tm.get(id);
            if (same(bv, ov)) {
                continue;
            }
            if (!same(bv, tv) && !same(ov, tv)) {
                overlaps.add(what + " '" + id + "'");
            }
            if (ov == null) {
                merged.remove(id);
            } else {
                merged.put(id, ov.deepCopy());
            }
        }
        if (merged.isEmpty() && !t.has(field) && !o.has(field)) {
            return;
        }
        ArrayNode arr = Json.MAPPER.createArrayNode();
        merged.values().forEach(arr::add);
        out.set(field, arr);
    }

    private static Map<String, JsonNode> byKey(JsonNode arr, String key) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        arr.forEach(item -> m.put(item.path(key).asText(""), item));
        return m;
    }

    /** Equal once secrets are set aside (a GET strips them; the edit may carry them). */
    static boolean same(JsonNode a, JsonNode b) {
        return Objects.equals(a == null ? null : Secrets.strip(a), b == null ? null : Secrets.strip(b));
    }

    /** The spec's tree; an absent spec is an empty object. */
    static ObjectNode tree(DatabaseSpec spec) {
        return spec == null ? Json.MAPPER.createObjectNode() : (ObjectNode) Json.toTree(spec).deepCopy();
    }
}
