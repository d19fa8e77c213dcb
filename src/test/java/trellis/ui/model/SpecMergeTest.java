package trellis.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.Secrets;

/** The three-way merge of an edit onto a spec that changed meanwhile, and the secrets put back by name. */
class SpecMergeTest {
    static final String BASE = """
            {"database_name": "shop", "memory": "1G",
              "nodes": [{"name": "n1", "host_ids": ["host-1"]}],
              "database_users": [{"username": "app", "password": "pw-of-app", "attributes": ["LOGIN"]}],
              "services": [
                {"service_id": "api", "service_type": "postgrest", "version": "14.5", "connect_as": "app",
                 "config": {"db_anon_role": "web_anon"}, "host_ids": ["host-1"]},
                {"service_id": "mcp", "service_type": "mcp", "version": "1.0", "connect_as": "app",
                 "config": {"llm_enabled": true, "llm_provider": "anthropic", "anthropic_api_key": "sk-test"}, "host_ids": ["host-1"]}]}""";

    static DatabaseSpec spec(String json) throws Exception {
        return Json.MAPPER.readValue(json, DatabaseSpec.class);
    }

    /** The spec as a GET returns it: secrets stripped. */
    static DatabaseSpec got(String json) throws Exception {
        return Json.convert(Secrets.strip(Json.parse(json)), DatabaseSpec.class);
    }

    static String edited(String json, String from, String to) {
        assertThat(json).contains(from);
        return json.replace(from, to);
    }

    @Test
    void theirChangesAreKeptAndOursAppliedWithTheSecretsBack() throws Exception {
        String ours = edited(BASE, "\"db_anon_role\": \"web_anon\"", "\"db_anon_role\": \"web_reader\"");
        ours = edited(ours, "\"attributes\": [\"LOGIN\"]}]", "\"attributes\": [\"LOGIN\"]}, {\"username\": \"bot\", \"password\": \"pw-of-bot\"}]");
        String theirs = edited(BASE, "\"version\": \"1.0\"", "\"version\": \"1.1\"");
        theirs = edited(theirs, "\"memory\": \"1G\"", "\"memory\": \"2G\"");

        SpecMerge.Result r = SpecMerge.merge(spec(BASE), spec(ours), got(theirs));

        assertThat(r.overlaps()).isEmpty();
        assertThat(Json.toTree(r.spec())).isEqualTo(Json.parse("""
                {"database_name": "shop", "memory": "2G",
                  "nodes": [{"name": "n1", "host_ids": ["host-1"]}],
                  "database_users": [{"username": "app", "password": "pw-of-app", "attributes": ["LOGIN"]},
                                     {"username": "bot", "password": "pw-of-bot"}],
                  "services": [
                    {"service_id": "api", "service_type": "postgrest", "version": "14.5", "connect_as": "app",
                     "config": {"db_anon_role": "web_reader"}, "host_ids": ["host-1"]},
                    {"service_id": "mcp", "service_type": "mcp", "version": "1.1", "connect_as": "app",
                     "config": {"llm_enabled": true, "llm_provider": "anthropic", "anthropic_api_key": "sk-test"}, "host_ids": ["host-1"]}]}"""));
    }

    @Test
    void anItemBothChangedTakesOursAndIsNamed() throws Exception {
        String ours = edited(BASE, "\"db_anon_role\": \"web_anon\"", "\"db_anon_role\": \"web_reader\"");
        ours = edited(ours, "\"memory\": \"1G\"", "\"memory\": \"4G\"");
        String theirs = edited(BASE, "\"version\": \"14.5\"", "\"version\": \"14.6\"");
        theirs = edited(theirs, "\"memory\": \"1G\"", "\"memory\": \"2G\"");

        SpecMerge.Result r = SpecMerge.merge(spec(BASE), spec(ours), got(theirs));

        assertThat(r.overlaps()).containsExactly("service 'api'", "field memory");
        assertThat(r.spec().services().get(0).version()).isEqualTo("14.5");
        assertThat(r.spec().services().get(0).config().get("db_anon_role").asText()).isEqualTo("web_reader");
        assertThat(r.spec().memory()).isEqualTo("4G");
    }

    @Test
    void removalsOnEitherSideStayRemoved() throws Exception {
        DatabaseSpec base = spec(BASE);
        String withoutMcp = BASE.substring(0, BASE.indexOf(",\n    {\"service_id\": \"mcp\"")) + "]}";
        String withoutApi = BASE.replaceFirst("(?s)\\{\"service_id\": \"api\".*?\"host_ids\": \\[\"host-1\"]},\\s*", "");
        assertThat(Json.parse(withoutMcp).path("services")).hasSize(1);
        assertThat(Json.parse(withoutApi).path("services")).hasSize(1);

        SpecMerge.Result r = SpecMerge.merge(base, spec(withoutMcp), got(withoutApi));

        assertThat(r.spec().services()).isEmpty();
        assertThat(r.overlaps()).isEmpty();
    }

    @Test
    void missingSecretsAreNamedAndFilledByName() throws Exception {
        var tree = Json.parse(edited(BASE, "\"attributes\": [\"LOGIN\"]}]", "\"attributes\": [\"LOGIN\"]}, {\"username\": \"bot\"}]"));
        var stripped = Secrets.strip(tree);
        var needed = MissingSecrets.of(stripped);
        assertThat(needed).containsExactly(
                new MissingSecrets.Secret("app", "database_users[0].password", "Password of database user 'app'"),
                new MissingSecrets.Secret("bot", "database_users[1].password", "Password of database user 'bot'"),
                new MissingSecrets.Secret("mcp-anthropic_api_key", "services[1].config.anthropic_api_key",
                        "anthropic_api_key of service 'mcp'"));
        var merged = Secrets.merge(stripped, tree);
        var filled = MissingSecrets.fill(merged, MissingSecrets.of(merged), Map.of("bot", "pw-of-bot", "app", "not-used"));
        assertThat(MissingSecrets.of(filled)).isEmpty();
        assertThat(filled.at("/database_users/0/password").asText()).isEqualTo("pw-of-app");
        assertThat(filled.at("/database_users/1/password").asText()).isEqualTo("pw-of-bot");
        assertThat(MissingSecrets.fill(stripped, needed, Map.of("bot", "  ")).at("/database_users/1/password").isMissingNode())
                .as("a blank answer is never put in").isTrue();
    }
}
