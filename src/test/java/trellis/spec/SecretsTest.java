package trellis.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import trellis.TestFiles;

class SecretsTest {
    private static JsonNode spec(String file) throws Exception {
        return Json.MAPPER.readTree(TestFiles.example(file).toFile()).get("spec");
    }

    @Test
    void secretKeysAreRecognised() {
        assertThat(Secrets.isSecretKey("password")).isTrue();
        assertThat(Secrets.isSecretKey("anthropic_api_key")).isTrue();
        assertThat(Secrets.isSecretKey("OPENAI_API_KEY")).isTrue();
        assertThat(Secrets.isSecretKey("jwt_secret")).isTrue();
        assertThat(Secrets.isSecretKey("init_users")).isTrue();
        assertThat(Secrets.isSecretKey("token")).isTrue();
        assertThat(Secrets.isSecretKey("db_anon_role")).isFalse();
        assertThat(Secrets.isSecretKey("llm_model")).isFalse();
        assertThat(Secrets.isSecretKey("max_tokens")).isFalse();
    }

    @Test
    void redactHidesEveryPasswordAndKeyButLeavesTheInputAlone() throws Exception {
        JsonNode spec = spec("separate-host.json");
        String redacted = Json.write(Secrets.redact(spec));
        assertThat(redacted).doesNotContain("change-me-admin", "change-me-app", "sk-ant-example");
        assertThat(redacted).contains(Secrets.MASK, "claude-sonnet-4-5", "\"username\" : \"app\"");
        assertThat(spec.path("database_users").get(0).path("password").asText()).isEqualTo("change-me-admin");
    }

    @Test
    void redactReachesSecretsAtAnyDepth() throws Exception {
        JsonNode cfg = Json.parse("{\"pipelines\":[{\"name\":\"p\",\"rag_llm\":{\"provider\":\"openai\",\"api_key\":\"sk-live\"}}]}");
        assertThat(Json.write(Secrets.redact(cfg))).doesNotContain("sk-live");
    }

    @Test
    void presentPathsListsEverySecret() throws Exception {
        assertThat(Secrets.presentPaths(spec("separate-host.json"))).containsExactly(
                "database_users[0].password", "database_users[1].password", "services[0].config.anthropic_api_key");
    }

    @Test
    void aSpecFromAGetNeedsItsSecretsBack() throws Exception {
        JsonNode stripped = strip(spec("separate-host.json"));
        assertThat(Secrets.missing(stripped)).containsExactly(
                "database_users[0].password (user 'admin')",
                "database_users[1].password (user 'app')",
                "services[0].config.anthropic_api_key (service 'mcp')");
        assertThat(Secrets.missing(spec("separate-host.json"))).isEmpty();
    }

    @Test
    void mergePutsSecretsBackByIdentityNotPosition() throws Exception {
        JsonNode full = spec("separate-host.json");
        ObjectNode fromGet = (ObjectNode) strip(full);
        // The person reordered users and added a service meanwhile.
        ArrayNode users = (ArrayNode) fromGet.get("database_users");
        JsonNode first = users.remove(0);
        users.add(first);
        ((ArrayNode) fromGet.get("services")).addObject().put("service_id", "new").putObject("config");

        JsonNode merged = Secrets.merge(fromGet, full);

        assertThat(merged.at("/database_users/0/username").asText()).isEqualTo("app");
        assertThat(merged.at("/database_users/0/password").asText()).isEqualTo("change-me-app");
        assertThat(merged.at("/database_users/1/password").asText()).isEqualTo("change-me-admin");
        assertThat(merged.at("/services/0/config/anthropic_api_key").asText()).isEqualTo("sk-ant-example");
        assertThat(merged.at("/services/1/config").size()).isZero();
        assertThat(fromGet.at("/database_users/0/password").isMissingNode()).as("input untouched").isTrue();
    }

    @Test
    void mergeNeverOverwritesAValueThePersonTyped() throws Exception {
        JsonNode full = spec("co-located.json");
        ObjectNode edited = (ObjectNode) full.deepCopy();
        ((ObjectNode) edited.at("/database_users/1")).put("password", "new-password");
        JsonNode merged = Secrets.merge(edited, full);
        assertThat(merged.at("/database_users/1/password").asText()).isEqualTo("new-password");
    }

    /** What a GET returns: the same spec without its secrets. */
    static JsonNode strip(JsonNode spec) {
        JsonNode copy = spec.deepCopy();
        copy.path("database_users").forEach(u -> ((ObjectNode) u).remove("password"));
        copy.path("services").forEach(s -> {
            ObjectNode cfg = (ObjectNode) s.get("config");
            if (cfg != null) {
                cfg.remove(java.util.List.of("anthropic_api_key", "openai_api_key", "jwt_secret"));
            }
        });
        return copy;
    }
}
