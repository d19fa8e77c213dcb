package trellis.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that knows which values are secret. The Control Plane strips these from every
 * GET, and an update replaces the whole spec, so Trellis must (a) never show or write them where
 * a person did not ask, and (b) put them back into a spec it got from a GET before sending it.
 */
public final class Secrets {
    /** What a redacted secret reads as. Not a valid value of any secret field, so it is never sent by mistake. */
    public static final String MASK = "********";

    private static final Set<String> SECRET_KEYS = Set.of(
            "password", "secret", "token", "api_key", "jwt_secret", "init_token", "init_users",
            // backup and restore repositories carry cloud credentials the API also strips
            "azure_key", "gcs_key", "s3_key", "s3_key_secret");

    private Secrets() {
    }

    /** True for a key whose value is secret wherever it appears in a spec. */
    public static boolean isSecretKey(String key) {
        if (key == null) {
            return false;
        }
        String k = key.toLowerCase(Locale.ROOT);
        return SECRET_KEYS.contains(k) || k.endsWith("_api_key");
    }

    /** A deep copy with every secret value replaced by {@link #MASK}; the input is left alone. */
    public static JsonNode redact(JsonNode tree) {
        if (tree == null) {
            return null;
        }
        JsonNode copy = tree.deepCopy();
        redactInPlace(copy);
        return copy;
    }

    /** {@link #redact} of any record or tree, as indented JSON, for logs and exports. */
    public static String redactedJson(Object value) {
        return Json.write(redact(Json.toTree(value)));
    }

    private static void redactInPlace(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
            List<String> secretKeys = new ArrayList<>();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (isSecretKey(e.getKey()) && !e.getValue().isNull()) {
                    secretKeys.add(e.getKey());
                } else {
                    redactInPlace(e.getValue());
                }
            }
            secretKeys.forEach(k -> obj.set(k, TextNode.valueOf(MASK)));
        } else if (node instanceof ArrayNode arr) {
            arr.forEach(Secrets::redactInPlace);
        }
    }

    /** A deep copy without any secret key, as the Control Plane answers a GET. */
    public static JsonNode strip(JsonNode tree) {
        if (tree == null) {
            return null;
        }
        JsonNode copy = tree.deepCopy();
        stripInPlace(copy);
        return copy;
    }

    private static void stripInPlace(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            List<String> secretKeys = new ArrayList<>();
            obj.fieldNames().forEachRemaining(k -> {
                if (isSecretKey(k)) {
                    secretKeys.add(k);
                }
            });
            obj.remove(secretKeys);
            obj.forEach(Secrets::stripInPlace);
        } else if (node instanceof ArrayNode arr) {
            arr.forEach(Secrets::stripInPlace);
        }
    }

    /**
     * The JSON paths (relative to the spec) of every secret value present in a spec, e.g.
     * {@code database_users[1].password}, {@code services[0].config.anthropic_api_key}.
     */
    public static List<String> presentPaths(JsonNode spec) {
        List<String> out = new ArrayList<>();
        collect(spec, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node instanceof ObjectNode obj) {
            obj.fields().forEachRemaining(e -> {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (isSecretKey(e.getKey()) && !e.getValue().isNull()) {
                    out.add(p);
                } else {
                    collect(e.getValue(), p, out);
                }
            });
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                collect(arr.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /**
     * The secrets a spec needs before it can be sent, and lacks: every database user's password,
     * and the provider keys its services' configs call for. A spec fresh from a GET lacks them all.
     */
    public static List<String> missing(JsonNode spec) {
        List<String> out = new ArrayList<>();
        if (spec == null || !spec.isObject()) {
            return out;
        }
        JsonNode users = spec.path("database_users");
        for (int i = 0; i < users.size(); i++) {
            if (!users.get(i).path("password").isTextual()) {
                out.add("database_users[" + i + "].password (user '" + users.get(i).path("username").asText("?") + "')");
            }
        }
        JsonNode services = spec.path("services");
        for (int i = 0; i < services.size(); i++) {
            JsonNode svc = services.get(i);
            JsonNode cfg = svc.path("config");
            String where = "services[" + i + "].config.";
            String id = " (service '" + svc.path("service_id").asText("?") + "')";
            if ("mcp".equals(svc.path("service_type").asText()) && cfg.path("llm_enabled").asBoolean(false)) {
                String provider = cfg.path("llm_provider").asText("");
                String key = switch (provider) {
                    case "anthropic" -> "anthropic_api_key";
                    case "openai" -> "openai_api_key";
                    default -> null;
                };
                if (key != null && !cfg.path(key).isTextual()) {
                    out.add(where + key + id);
                }
            }
            if ("rag".equals(svc.path("service_type").asText())) {
                JsonNode pipelines = cfg.path("pipelines");
                for (int p = 0; p < pipelines.size(); p++) {
                    for (String llm : List.of("embedding_llm", "rag_llm")) {
                        JsonNode block = pipelines.get(p).path(llm);
                        String provider = block.path("provider").asText("");
                        if ((provider.equals("openai") || provider.equals("anthropic") || provider.equals("voyage"))
                                && !block.path("api_key").isTextual()) {
                            out.add(where + "pipelines[" + p + "]." + llm + ".api_key" + id);
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Puts the secrets of {@code source} back into {@code target} (a spec from a GET, or an edit of
     * one) wherever the target lacks them. Users are matched by username, services by service_id,
     * array items inside a config by {@code name} (else by position), so a reordered spec still gets
     * the right secret. A value the target already has is never overwritten: the person's edit wins.
     *
     * @return a new tree; neither argument is changed
     */
    public static JsonNode merge(JsonNode target, JsonNode source) {
        JsonNode out = target.deepCopy();
        if (source == null || !out.isObject() || !source.isObject()) {
            return out;
        }
        mergeByKey((ArrayNode) arrayOrNull(out, "database_users"), source.path("database_users"), "username");
        mergeByKey((ArrayNode) arrayOrNull(out, "services"), source.path("services"), "service_id");
        mergeSecretsDeep(out, source);
        return out;
    }

    private static JsonNode arrayOrNull(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        return n instanceof ArrayNode ? n : null;
    }

    private static void mergeByKey(ArrayNode targets, JsonNode sources, String idField) {
        if (targets == null || !sources.isArray()) {
            return;
        }
        for (JsonNode t : targets) {
            String id = t.path(idField).asText(null);
            if (id == null) {
                continue;
            }
            for (JsonNode s : sources) {
                if (id.equals(s.path(idField).asText(null))) {
                    mergeSecretsDeep(t, s);
                    break;
                }
            }
        }
    }

    /** Copies secret keys missing in target from source, recursing into objects and arrays. */
    private static void mergeSecretsDeep(JsonNode target, JsonNode source) {
        if (target instanceof ObjectNode t && source instanceof ObjectNode s) {
            s.fields().forEachRemaining(e -> {
                String key = e.getKey();
                JsonNode tv = t.get(key);
                if (isSecretKey(key)) {
                    if ((tv == null || tv.isNull() || MASK.equals(tv.asText(null))) && !e.getValue().isNull()) {
                        t.set(key, e.getValue().deepCopy());
                    }
                } else if (tv != null && !key.equals("database_users") && !key.equals("services")) {
                    mergeSecretsDeep(tv, e.getValue());
                }
            });
        } else if (target instanceof ArrayNode t && source instanceof ArrayNode s) {
            for (int i = 0; i < t.size(); i++) {
                JsonNode ti = t.get(i);
                JsonNode match = null;
                String name = ti.path("name").asText(null);
                if (name != null) {
                    for (JsonNode si : s) {
                        if (name.equals(si.path("name").asText(null))) {
                            match = si;
                            break;
                        }
                    }
                } else if (i < s.size()) {
                    match = s.get(i);
                }
                if (match != null) {
                    mergeSecretsDeep(ti, match);
                }
            }
        }
    }
}
