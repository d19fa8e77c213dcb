package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;

/** The plan as it may be shown: the same files with every secret of the spec masked, key files whole. */
class InstancePlanMaskTest {
    @Test
    void secretsAreMaskedInEveryFileAndNothingElseChanges() throws Exception {
        DatabaseSpec spec = Json.MAPPER.readValue("""
                {"database_name": "shop", "nodes": [{"name": "n1", "host_ids": ["h1"]}],
                 "database_users": [{"username": "app", "password": "p@ss/word", "attributes": ["LOGIN"]}],
                 "services": [
                   {"service_id": "api", "service_type": "postgrest", "version": "14.5", "connect_as": "app", "host_ids": ["h1"],
                    "config": {"db_anon_role": "web_anon", "jwt_secret": "jwt-secret-value-0123456789abcdef"}},
                   {"service_id": "rag", "service_type": "rag", "version": "1.0.0", "connect_as": "app", "host_ids": ["h1"],
                    "config": {"pipelines": [{"name": "docs", "tables": [{"table": "t", "text_column": "c", "vector_column": "v"}],
                      "embedding_llm": {"provider": "openai", "model": "m", "api_key": "sk-openai"},
                      "rag_llm": {"provider": "anthropic", "model": "r", "api_key": "sk-ant"}}]}}]}""", DatabaseSpec.class);
        var plans = Render.plans("shop", spec, LocalEngineSettings.controlPlaneDefaults());
        Map<String, String> api = files(plans.get(0).masked(spec));
        assertThat(api.get("postgrest.conf").lines().toList()).containsExactly(
                "db-uri = \"postgresql://app:********@host.docker.internal:5432/shop?target_session_attrs=read-write\"",
                "db-schemas = \"public\"", "db-anon-role = \"web_anon\"", "db-pool = 10", "db-max-rows = 1000",
                "jwt-secret = \"********\"");
        Map<String, String> rag = files(plans.get(1).masked(spec));
        assertThat(rag.get("keys/docs_embedding.key")).isEqualTo("********");
        assertThat(rag.get("keys/docs_rag.key")).isEqualTo("********");
        assertThat(rag.get("pgedge-rag-server.yaml")).contains("password: ********").doesNotContain("p@ss", "sk-");
        assertThat(files(plans.get(1)).get("keys/docs_rag.key")).as("the plan itself keeps the key").isEqualTo("sk-ant");
    }

    private static Map<String, String> files(InstancePlan p) {
        return p.files().stream().collect(Collectors.toMap(InstancePlan.PlannedFile::path, InstancePlan.PlannedFile::content));
    }
}
