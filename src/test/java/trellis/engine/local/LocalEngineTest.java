package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import trellis.spec.ServiceSpec;

class LocalEngineTest {
    @Test
    void memoryQuantitiesBecomeBytesAsTheControlPlaneParsesThem() {
        assertThat(Reconciler.memoryBytes("512M")).isEqualTo(512_000_000L);
        assertThat(Reconciler.memoryBytes("1GiB")).isEqualTo(1L << 30);
        assertThat(Reconciler.memoryBytes("1.5Gi")).isEqualTo((long) (1.5 * (1L << 30)));
        assertThat(Reconciler.memoryBytes("1,024K")).isEqualTo(1_024_000L);
        assertThat(Reconciler.memoryBytes("64kb")).isEqualTo(64_000L);
        assertThat(Reconciler.memoryBytes("2048")).isEqualTo(2048L);
    }

    @Test
    void theDbUriEscapesCredentialsAndListsEveryNodeAsTheControlPlaneDoes() {
        String uri = PostgrestConf.dbUri("app user", "p@ss:w/rd", "store front",
                java.util.List.of(new PostgrestConf.Endpoint("n1.local", 5432), new PostgrestConf.Endpoint("n2.local", 5433)), "read-write");
        assertThat(uri).isEqualTo("postgresql://app%20user:p%40ss%3Aw%2Frd@n1.local:5432,n2.local:5433/store%20front?target_session_attrs=read-write");
        String conf = PostgrestConf.generate(trellis.spec.Json.MAPPER.createObjectNode().put("db_anon_role", "web\"anon")
                .put("jwt_secret", "s".repeat(32)), "app", "x", "db", java.util.List.of(new PostgrestConf.Endpoint("h", 1)), null);
        assertThat(conf).contains("db-anon-role = \"web\\\"anon\"", "db-schemas = \"public\"", "db-pool = 10",
                "db-max-rows = 1000", "jwt-secret = \"" + "s".repeat(32) + "\"").doesNotContain("jwt-aud");
    }

    @Test
    void theMcpConfigIsTheControlPlanesYaml() throws Exception {
        var cfg = trellis.spec.Json.MAPPER.readTree(trellis.TestFiles.example("separate-host.json").toFile()).at("/spec/services/0/config");
        String yaml = McpConfigYaml.generate(cfg, "inventory", java.util.List.of(new PostgrestConf.Endpoint("172.17.0.1", 5432),
                new PostgrestConf.Endpoint("172.17.0.1", 5433)), "primary", "app", "change-me-app");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
        assertThat(tree.at("/http/address").asText()).isEqualTo(":8080");
        assertThat(tree.at("/http/auth/token_file").asText()).isEqualTo("/app/data/tokens.yaml");
        assertThat(tree.at("/databases/0/hosts")).hasSize(2);
        assertThat(tree.at("/databases/0/hosts/1/port").asInt()).isEqualTo(5433);
        assertThat(tree.at("/databases/0/target_session_attrs").asText()).isEqualTo("primary");
        assertThat(tree.at("/databases/0/user").asText()).isEqualTo("app");
        assertThat(tree.at("/databases/0/sslmode").asText()).isEqualTo("prefer");
        assertThat(tree.at("/databases/0/allow_writes").asBoolean()).isFalse();
        assertThat(tree.at("/databases/0/pool/max_conns").asInt()).isEqualTo(4);
        assertThat(tree.at("/llm/provider").asText()).isEqualTo("anthropic");
        assertThat(tree.at("/llm/anthropic_api_key").asText()).isEqualTo("sk-ant-example");
        assertThat(tree.at("/llm/temperature").asDouble()).isEqualTo(0.7);
        assertThat(tree.at("/llm/max_tokens").asInt()).isEqualTo(4096);
        assertThat(tree.has("embedding")).isFalse();
        assertThat(tree.has("knowledgebase")).isFalse();
        assertThat(tree.at("/builtins/tools/llm_connection_selection").asBoolean(true)).isFalse();
    }

    @Test
    void theRagConfigKeepsKeysInFilesOfTheirOwn() throws Exception {
        var cfg = trellis.spec.Json.parse("{\"pipelines\":[{\"name\":\"docs\",\"tables\":[{\"table\":\"t\",\"text_column\":\"body\","
                + "\"vector_column\":\"v\",\"id_column\":\"id\"}],\"embedding_llm\":{\"provider\":\"voyage\",\"model\":\"voyage-3\","
                + "\"api_key\":\"vk\"},\"rag_llm\":{\"provider\":\"anthropic\",\"model\":\"claude\",\"api_key\":\"ak\"},\"top_n\":5}],"
                + "\"defaults\":{\"token_budget\":2000}}");
        RagConfigYaml.Generated g = RagConfigYaml.generate(cfg, "kb", new PostgrestConf.Endpoint("172.17.0.1", 5432), "app", "pw");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(g.yaml());
        assertThat(tree.at("/server/port").asInt()).isEqualTo(8080);
        assertThat(tree.at("/pipelines/0/database/host").asText()).isEqualTo("172.17.0.1");
        assertThat(tree.at("/pipelines/0/database/ssl_mode").asText()).isEqualTo("prefer");
        assertThat(tree.at("/pipelines/0/tables/0/id_column").asText()).isEqualTo("id");
        assertThat(tree.at("/pipelines/0/api_keys/voyage").asText()).isEqualTo("/app/keys/docs_embedding.key");
        assertThat(tree.at("/pipelines/0/api_keys/anthropic").asText()).isEqualTo("/app/keys/docs_rag.key");
        assertThat(tree.at("/pipelines/0/top_n").asInt()).isEqualTo(5);
        assertThat(tree.at("/defaults/token_budget").asInt()).isEqualTo(2000);
        assertThat(g.yaml()).as("keys live in their files, not in the YAML").doesNotContain("vk", "ak");
        assertThat(g.keyFiles()).containsEntry("docs_embedding.key", "vk").containsEntry("docs_rag.key", "ak");
    }

    @Test
    void theContainerNameIsTheControlPlanesInstanceId() {
        assertThat(Labels.name("storefront", "api", "host-1")).isEqualTo("storefront-api-host-1");
    }

    @Test
    void onlyAChangeToTheServiceItselfChangesItsHash() {
        ServiceSpec a = new ServiceSpec("api", "postgrest", "14.5", java.util.List.of("host-1"), "app", 0, null, null, null, null, null, null);
        ServiceSpec moreHosts = new ServiceSpec("api", "postgrest", "14.5", java.util.List.of("host-1", "host-2"), "app", 0, null, null, null, null, null, null);
        ServiceSpec newVersion = new ServiceSpec("api", "postgrest", "14.6", java.util.List.of("host-1"), "app", 0, null, null, null, null, null, null);
        assertThat(Labels.hash(a)).isEqualTo(Labels.hash(moreHosts));
        assertThat(Labels.hash(a)).isNotEqualTo(Labels.hash(newVersion));
    }

    @Test
    void imagesAreTheControlPlanesByTypeWithTheSpecVersionAsTag() {
        LocalEngineSettings s = LocalEngineSettings.controlPlaneDefaults();
        assertThat(s.image("postgrest", "14.5")).isEqualTo("ghcr.io/pgedge/postgrest:14.5");
        assertThat(s.image("mcp", "1.0.0")).isEqualTo("ghcr.io/pgedge/postgres-mcp:1.0.0");
        assertThat(s.image("postgres", "17")).as("container nodes: the official image").isEqualTo("postgres:17");
        assertThat(s.image("rag", "latest")).isEqualTo("ghcr.io/pgedge/rag-server:latest");
        assertThat(s.healthInterval().toSeconds()).isEqualTo(10);
        assertThat(s.startPeriod().toSeconds()).isEqualTo(30);
        assertThat(s.createTimeout().toMinutes()).isEqualTo(5);
    }
}
