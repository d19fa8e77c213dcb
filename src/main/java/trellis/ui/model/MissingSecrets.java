package trellis.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import trellis.spec.Json;
import trellis.spec.Secrets;

/**
 * The secrets a spec still lacks before it may be sent, each with a name a person recognises and a
 * control can carry ({@code secret-<name>}): a database user's password is named by the username
 * ("app"), a service key by service and key ("assistant-anthropic_api_key"), a pipeline's key by
 * service, pipeline and block ("rag-docs-embedding_llm-api_key").
 */
public final class MissingSecrets {
    private static final Pattern STEP = Pattern.compile("([a-z_]+)(?:\\[(\\d+)])?");

    private MissingSecrets() {
    }

    /**
     * @param name  the secret's name, e.g. "app"
     * @param path  where it goes in the spec, e.g. "database_users[1].password"
     * @param label what the prompt says, e.g. "Password of database user 'app'"
     */
    public record Secret(String name, String path, String label) {
    }

    public static List<Secret> of(JsonNode spec) {
        List<Secret> out = new ArrayList<>();
        for (String line : Secrets.missing(spec)) {
            String path = line.substring(0, line.indexOf(' '));
            out.add(named(spec, path));
        }
        return out;
    }

    private static Secret named(JsonNode spec, String path) {
        String[] steps = path.split("\\.");
        if (path.startsWith("database_users[")) {
            String user = at(spec, steps[0]).path("username").asText("?");
            return new Secret(user, path, "Password of database user '" + user + "'");
        }
        String service = at(spec, steps[0]).path("service_id").asText("?");
        String key = steps[steps.length - 1];
        if (path.contains(".pipelines[")) {
            JsonNode pipeline = at(spec, path.substring(0, path.indexOf(']', path.indexOf(".pipelines[")) + 1));
            String pipe = pipeline.path("name").asText("?");
            String block = steps[steps.length - 2];
            return new Secret(service + "-" + pipe + "-" + block + "-" + key, path,
                    block + " " + key + " of pipeline '" + pipe + "' of service '" + service + "'");
        }
        return new Secret(service + "-" + key, path, key + " of service '" + service + "'");
    }

    /** A copy of the spec with the given secrets (by name) put in place; blank values are not put. */
    public static JsonNode fill(JsonNode spec, List<Secret> secrets, Map<String, String> values) {
        JsonNode out = spec.deepCopy();
        for (Secret s : secrets) {
            String v = values.get(s.name());
            if (v == null || v.isBlank()) {
                continue;
            }
            int dot = s.path().lastIndexOf('.');
            JsonNode parent = at(out, s.path().substring(0, dot));
            if (parent instanceof ObjectNode o) {
                o.set(s.path().substring(dot + 1), TextNode.valueOf(v));
            }
        }
        return out;
    }

    /** The node at a path like {@code services[0].config.pipelines[1].rag_llm}; missing when absent. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String step : path.split("\\.")) {
            Matcher m = STEP.matcher(step);
            if (!m.matches()) {
                return Json.MAPPER.missingNode();
            }
            n = n.path(m.group(1));
            if (m.group(2) != null) {
                n = n.path(Integer.parseInt(m.group(2)));
            }
        }
        return n;
    }
}
