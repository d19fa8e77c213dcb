package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import trellis.spec.Json;

/** tokens.yaml and users.yaml as orchestrator/swarm/mcp_auth_files.go writes them. */
class McpAuthFilesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Instant NOW = Instant.parse("2026-11-24T20:00:00Z");

    private static ObjectNode config() {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("init_token", "tok-123");
        var users = c.putArray("init_users");
        users.addObject().put("username", "alice").put("password", "pw-alice");
        users.addObject().put("username", "bob").put("password", "pw-bob");
        return c;
    }

    @Test
    void theInitTokenIsStoredAsItsSha256UnderBootstrapToken() throws Exception {
        String yaml = McpAuthFiles.tokens(config(), NOW);
        JsonNode t = YAML.readTree(yaml).get("tokens").get("bootstrap-token");
        // hex SHA-256, as the MCP server's auth.HashToken computes it
        assertThat(t.get("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(t.get("hash").asText()).isEqualTo(
                java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest("tok-123".getBytes())));
        assertThat(t.has("expires_at")).isTrue();
        assertThat(t.get("expires_at").isNull()).isTrue();
        assertThat(t.get("annotation").asText()).isEqualTo("Bootstrap token from control plane");
        assertThat(t.get("created_at").asText()).isEqualTo("2026-11-24T20:00:00Z");
        assertThat(yaml).doesNotContain("tok-123");
    }

    @Test
    void eachInitUserGetsAnEnabledEntryWithABcryptHashOfCost12() throws Exception {
        String yaml = McpAuthFiles.users(config(), NOW);
        JsonNode users = YAML.readTree(yaml).get("users");
        assertThat(users.size()).isEqualTo(2);
        JsonNode alice = users.get("alice");
        assertThat(alice.get("username").asText()).isEqualTo("alice");
        assertThat(alice.get("enabled").asBoolean()).isTrue();
        assertThat(alice.get("failed_attempts").asInt()).isZero();
        assertThat(alice.has("last_login")).as("omitempty").isFalse();
        String hash = alice.get("password_hash").asText();
        assertThat(hash).startsWith("$2a$12$");
        assertThat(BCrypt.verifyer().verify("pw-alice".toCharArray(), hash).verified).isTrue();
        assertThat(BCrypt.verifyer().verify("pw-bob".toCharArray(), hash).verified).isFalse();
        assertThat(yaml).doesNotContain("pw-alice", "pw-bob");
    }

    @Test
    void withoutInitTokenOrUsersTheStoresAreEmptyButValid() throws Exception {
        assertThat(YAML.readTree(McpAuthFiles.tokens(Json.MAPPER.createObjectNode(), NOW)).get("tokens").isEmpty()).isTrue();
        assertThat(YAML.readTree(McpAuthFiles.users(null, NOW)).get("users").isEmpty()).isTrue();
        assertThat(McpAuthFiles.tokens(null, NOW).trim()).isEqualTo("tokens: {}");
    }
}
