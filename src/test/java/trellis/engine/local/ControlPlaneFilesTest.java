package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.ServiceSpec;

/**
 * The files each instance gets, against the Control Plane's generators (pgEdge/control-plane,
 * server/internal): each test names the Go function it mirrors. No Docker: the connection rules
 * and generators are plain functions; nodes are at the addresses a test gives.
 */
class ControlPlaneFilesTest {
    /** n1 on host-1 and host-2, n2 on host-3; where the engine reaches each node. */
    private static final Map<String, PostgrestConf.Endpoint> NODES = Map.of(
            "n1", new PostgrestConf.Endpoint("db-n1", 5432), "n2", new PostgrestConf.Endpoint("db-n2", 6432));

    private static DatabaseSpec spec(String services) throws Exception {
        return Json.MAPPER.readValue("""
                {"database_name": "app db",
                 "nodes": [{"name": "n1", "host_ids": ["host-1", "host-2"]}, {"name": "n2", "host_ids": ["host-3"]}],
                 "database_users": [{"username": "svc", "password": "p@ss:w/rd", "attributes": ["LOGIN"]}],
                 "services": %s}""".formatted(services), DatabaseSpec.class);
    }

    private static ServiceConnection connection(DatabaseSpec spec, String host) {
        ServiceSpec svc = spec.services().get(0);
        return ServiceConnection.of(spec, svc, host, n -> Optional.ofNullable(NODES.get(n)));
    }

    private static String postgrest(DatabaseSpec spec, String host) {
        ServiceSpec svc = spec.services().get(0);
        ServiceConnection c = connection(spec, host);
        return PostgrestConf.generate(svc.config(), svc.connectAs(), c.password(), c.database(), c.endpoints(), c.targetSessionAttrs());
    }

    private static JsonNode mcp(DatabaseSpec spec, String host) throws Exception {
        ServiceSpec svc = spec.services().get(0);
        ServiceConnection c = connection(spec, host);
        return Yaml.MAPPER.readTree(McpConfigYaml.generate(svc.config(), c.database(), c.endpoints(), c.targetSessionAttrs(),
                svc.connectAs(), c.password()));
    }

    private static JsonNode json(String s) throws Exception {
        return Json.MAPPER.readTree(s);
    }

    @Test
    @DisplayName("workflows/plan_update.go resolveTargetSessionAttrs + database/postgrest_service_config.go GenerateConf: "
            + "PostgREST's db-uri ends with ?target_session_attrs=read-write when the spec sets none")
    void postgrestReadWriteByDefault() throws Exception {
        DatabaseSpec s = spec("""
                [{"service_id": "api", "service_type": "postgrest", "version": "14.5", "connect_as": "svc", "host_ids": ["host-3"],
                  "config": {"db_anon_role": "web_anon", "jwt_secret": "s3cret-that-is-long-enough-000000"}}]""");
        assertThat(postgrest(s, "host-3").lines()).containsExactly(
                "db-uri = \"postgresql://svc:p%40ss%3Aw%2Frd@db-n2:6432,db-n1:5432,db-n1:5432/app%20db?target_session_attrs=read-write\"",
                "db-schemas = \"public\"",
                "db-anon-role = \"web_anon\"",
                "db-pool = 10",
                "db-max-rows = 1000",
                "jwt-secret = \"s3cret-that-is-long-enough-000000\"");
    }

    @Test
    @DisplayName("workflows/plan_update.go resolveTargetSessionAttrs (tier 1): the spec's database_connection.target_session_attrs wins")
    void explicitTargetSessionAttrsWins() throws Exception {
        DatabaseSpec s = spec("""
                [{"service_id": "api", "service_type": "postgrest", "version": "14.5", "connect_as": "svc", "host_ids": ["host-1"],
                  "database_connection": {"target_session_attrs": "any"}, "config": {}}]""");
        assertThat(postgrest(s, "host-1").lines().findFirst().orElseThrow())
                .endsWith("@db-n1:5432,db-n1:5432,db-n2:6432/app%20db?target_session_attrs=any\"");
    }

    @Test
    @DisplayName("orchestrator/swarm/mcp_config.go GenerateMCPConfig + workflows/plan_update.go resolveTargetSessionAttrs: "
            + "MCP's database has target_session_attrs prefer-standby when writes are not allowed")
    void mcpPreferStandbyByDefault() throws Exception {
        DatabaseSpec s = spec("""
                [{"service_id": "mcp", "service_type": "mcp", "version": "1.0", "connect_as": "svc", "host_ids": ["host-2"],
                  "config": {"allow_writes": "true"}}]""");
        assertThat(mcp(s, "host-2")).isEqualTo(json("""
                {"http": {"enabled": true, "address": ":8080",
                          "auth": {"enabled": true, "token_file": "/app/data/tokens.yaml", "user_file": "/app/data/users.yaml"}},
                 "databases": [{"name": "app db",
                                "hosts": [{"host": "db-n1", "port": 5432}, {"host": "db-n1", "port": 5432}, {"host": "db-n2", "port": 6432}],
                                "target_session_attrs": "prefer-standby",
                                "database": "app db", "user": "svc", "password": "p@ss:w/rd", "sslmode": "prefer",
                                "allow_writes": false, "pool": {"max_conns": 4}}],
                 "builtins": {"tools": {"llm_connection_selection": false}}}"""));
    }

    @Test
    @DisplayName("orchestrator/swarm/mcp_config.go GenerateMCPConfig + workflows/plan_update.go resolveTargetSessionAttrs: "
            + "allow_writes true gives target_session_attrs primary and allow_writes true")
    void mcpPrimaryWhenWritesAllowed() throws Exception {
        DatabaseSpec s = spec("""
                [{"service_id": "mcp", "service_type": "mcp", "version": "1.0", "connect_as": "svc", "host_ids": ["host-3"],
                  "config": {"allow_writes": true, "pool_max_conns": 9}}]""");
        JsonNode db = mcp(s, "host-3").path("databases").get(0);
        assertThat(db.path("target_session_attrs").asText()).isEqualTo("primary");
        assertThat(db.path("allow_writes")).isEqualTo(json("true"));
        assertThat(db.path("pool")).isEqualTo(json("{\"max_conns\": 9}"));
        assertThat(db.path("hosts")).isEqualTo(json("""
                [{"host": "db-n2", "port": 6432}, {"host": "db-n1", "port": 5432}, {"host": "db-n1", "port": 5432}]"""));
    }

    @Test
    @DisplayName("database/service_connection.go BuildServiceHostList/buildNodeHosts: a node on two hosts gives one entry per instance")
    void nodeOnTwoHostsGivesTwoEntries() throws Exception {
        DatabaseSpec s = spec("""
                [{"service_id": "api", "service_type": "postgrest", "version": "14.5", "connect_as": "svc", "host_ids": ["elsewhere"],
                  "database_connection": {"target_nodes": ["n1"]}, "config": {}}]""");
        assertThat(connection(s, "elsewhere").endpoints()).containsExactly(NODES.get("n1"), NODES.get("n1"));
    }

    @Test
    @DisplayName("database/service_connection.go BuildServiceHostList (default mode): the node with an instance on the service's host "
            + "first, the rest in spec order; a service on a host with no node keeps spec order")
    void localNodeFirst() throws Exception {
        DatabaseSpec s = spec("""
                [{"service_id": "api", "service_type": "postgrest", "version": "14.5", "connect_as": "svc",
                  "host_ids": ["host-3", "host-9"], "config": {}}]""");
        PostgrestConf.Endpoint n1 = NODES.get("n1");
        PostgrestConf.Endpoint n2 = NODES.get("n2");
        assertThat(connection(s, "host-3").endpoints()).containsExactly(n2, n1, n1);
        assertThat(connection(s, "host-9").endpoints()).containsExactly(n1, n1, n2);
    }

    @Test
    @DisplayName("database/service_connection.go BuildServiceHostList (target_nodes mode): only the listed nodes, in that order, "
            + "co-location ignored")
    void targetNodesKeepTheirOrder() throws Exception {
        DatabaseSpec s = spec("""
                [{"service_id": "api", "service_type": "postgrest", "version": "14.5", "connect_as": "svc", "host_ids": ["host-1"],
                  "database_connection": {"target_nodes": ["n2", "n1"]}, "config": {}}]""");
        assertThat(connection(s, "host-1").endpoints()).containsExactly(NODES.get("n2"), NODES.get("n1"), NODES.get("n1"));
    }

    @Test
    @DisplayName("orchestrator/swarm/orchestrator.go generateRAGInstanceResources + rag_config.go buildRAGPipelineYAML: "
            + "each pipeline's database block is the first host of the ordered list (local node first)")
    void ragDatabaseBlockIsTheFirstOrderedHost() throws Exception {
        DatabaseSpec s = spec("""
                [{"service_id": "rag", "service_type": "rag", "version": "1.0", "connect_as": "svc", "host_ids": ["host-3"],
                  "config": {"pipelines": [{"name": "docs", "tables": [{"table": "t", "text_column": "c", "vector_column": "v"}],
                    "embedding_llm": {"provider": "openai", "model": "e", "api_key": "sk-e"},
                    "rag_llm": {"provider": "anthropic", "model": "r", "api_key": "sk-r"}}]}}]""");
        ServiceSpec svc = s.services().get(0);
        ServiceConnection c = connection(s, "host-3");
        assertThat(c.targetSessionAttrs()).isEqualTo("prefer-standby");
        RagConfigYaml.Generated g = RagConfigYaml.generate(svc.config(), c.database(), c.first(), svc.connectAs(), c.password());
        assertThat(Yaml.MAPPER.readTree(g.yaml())).isEqualTo(json("""
                {"server": {"listen_address": "0.0.0.0", "port": 8080},
                 "pipelines": [{"name": "docs",
                   "database": {"host": "db-n2", "port": 6432, "database": "app db", "username": "svc", "password": "p@ss:w/rd",
                                "ssl_mode": "prefer"},
                   "tables": [{"table": "t", "text_column": "c", "vector_column": "v"}],
                   "embedding_llm": {"provider": "openai", "model": "e"},
                   "rag_llm": {"provider": "anthropic", "model": "r"},
                   "api_keys": {"openai": "/app/keys/docs_embedding.key", "anthropic": "/app/keys/docs_rag.key"}}]}"""));
        assertThat(g.keyFiles()).isEqualTo(Map.of("docs_embedding.key", "sk-e", "docs_rag.key", "sk-r"));
        assertThat(List.of(c.first())).containsExactly(NODES.get("n2"));
    }
}
