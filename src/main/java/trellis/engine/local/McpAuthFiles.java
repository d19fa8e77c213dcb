package trellis.engine.local;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The MCP server's token and user stores, {@code tokens.yaml} and {@code users.yaml}, as the Control
 * Plane writes them on a service's first create (orchestrator/swarm/mcp_auth_files.go): the
 * {@code init_token} SHA-256-hashed under the name {@code bootstrap-token}, each of
 * {@code init_users} with a bcrypt hash of cost 12; empty stores when they are absent. The files
 * belong to the MCP server afterwards (it adds tokens and users to them), so they are written
 * only when missing: never on an update, never over the server's own.
 *
 * <p>Only hashes reach the files; the plain token and passwords stay in the spec.
 */
public final class McpAuthFiles {
    public static final String TOKENS = "tokens.yaml";
    public static final String USERS = "users.yaml";
    static final int BCRYPT_COST = 12;

    private McpAuthFiles() {
    }

    /** tokens.yaml: the bootstrap token's hash, or an empty store when the config has no init_token. */
    public static String tokens(JsonNode config, Instant now) {
        Map<String, Object> tokens = new LinkedHashMap<>();
        JsonNode token = config == null ? null : config.get("init_token");
        if (token != null && token.isTextual()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("hash", sha256Hex(token.asText()));
            t.put("expires_at", null);
            t.put("annotation", "Bootstrap token from control plane");
            t.put("created_at", rfc3339(now));
            tokens.put("bootstrap-token", t);
        }
        return yaml(Map.of("tokens", tokens));
    }

    /** users.yaml: one enabled user per init_users entry, its password bcrypt-hashed; empty without. */
    public static String users(JsonNode config, Instant now) {
        Map<String, Object> users = new LinkedHashMap<>();
        JsonNode list = config == null ? null : config.get("init_users");
        if (list != null && list.isArray()) {
            for (JsonNode u : list) {
                String name = u.path("username").asText();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("username", name);
                m.put("password_hash", new String(BCrypt.withDefaults().hash(BCRYPT_COST,
                        u.path("password").asText().toCharArray()), StandardCharsets.UTF_8));
                m.put("created_at", rfc3339(now));
                m.put("enabled", true);
                m.put("annotation", "Bootstrap user from control plane");
                m.put("failed_attempts", 0);
                users.put(name, m);
            }
        }
        return yaml(Map.of("users", users));
    }

    /** The MCP server's auth.HashToken: hex SHA-256 of the token. */
    static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rfc3339(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    private static String yaml(Object tree) {
        try {
            return McpConfigYaml.YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
