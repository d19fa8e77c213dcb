package trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import trellis.TestFiles;
import trellis.spec.Json;

/**
 * {@code trellis render}: each template and a spec with all three service types, every file it
 * writes parsed (YAML, JSON, postgrest.conf) and checked against the engine's rules.
 */
class RenderCommandTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = TrellisCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<String> folders(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static JsonNode container(Path dir) throws Exception {
        return Json.MAPPER.readTree(dir.resolve("container.json").toFile());
    }

    private Path render(Path file) throws Exception {
        Path out = tmp.resolve("out");
        Run r = run("render", file.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("owner-only (0700)");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwx------");
        return out;
    }

    /** The health check, user and timings of the Control Plane's ServiceContainerSpec, in nanoseconds. */
    private static void assertHealth(JsonNode c, String... test) {
        assertThat(c.path("Healthcheck")).isEqualTo(Json.MAPPER.valueToTree(java.util.Map.of("Test", List.of(test),
                "Interval", 10 * SECOND, "Timeout", 5 * SECOND, "Retries", 3, "StartPeriod", 30 * SECOND)));
    }

    @Test
    void coLocatedGivesPostgrestItsConfAndContainer() throws Exception {
        Path out = render(TestFiles.example("co-located.json"));
        assertThat(folders(out)).containsExactly("storefront-api-host-1");
        Path dir = out.resolve("storefront-api-host-1");
        assertThat(files(dir)).containsExactly("container.json", "postgrest.conf");
        assertThat(Files.readAllLines(dir.resolve("postgrest.conf"))).containsExactly(
                "db-uri = \"postgresql://app:change-me-app@host.docker.internal:5432/storefront?target_session_attrs=read-write\"",
                "db-schemas = \"public\"", "db-anon-role = \"web_anon\"", "db-pool = 10", "db-max-rows = 1000");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("postgrest.conf")))).isEqualTo("rw-------");
        JsonNode c = container(dir);
        assertThat(c.path("Image").asText()).startsWith("ghcr.io/pgedge/postgrest:");
        assertThat(c.path("Cmd")).isEqualTo(Json.MAPPER.valueToTree(List.of("postgrest", "/app/data/postgrest.conf")));
        assertThat(c.path("User").asText()).isEqualTo("1000");
        assertThat(c.path("Env")).isEqualTo(Json.MAPPER.valueToTree(
                List.of("PGRST_SERVER_HOST=0.0.0.0", "PGRST_SERVER_PORT=8080", "PGRST_ADMIN_SERVER_PORT=8081")));
        assertHealth(c, "CMD", "postgrest", "--ready");
        assertThat(c.at("/HostConfig/Binds/0").asText()).isEqualTo(dir.toAbsolutePath() + ":/app/data:ro");
        assertThat(c.at("/HostConfig/PortBindings/8080~1tcp/0/HostIp").asText()).isEqualTo("127.0.0.1");
        assertThat(c.at("/HostConfig/PortBindings/8080~1tcp/0/HostPort").asText()).as("port 0: Docker picks").isEmpty();
        assertThat(c.at("/HostConfig/ExtraHosts/0").asText()).isEqualTo("host.docker.internal:host-gateway");
        assertThat(c.at("/Labels/io.trellis.database").asText()).isEqualTo("storefront");
        assertThat(c.at("/Labels/io.trellis.host").asText()).isEqualTo("host-1");
    }

    @Test
    void multipleInstancesGivesOneFolderPerHostEachListingBothNodes() throws Exception {
        Path out = render(TestFiles.example("multiple-instances.json"));
        assertThat(folders(out)).containsExactly("catalog-api-host-1", "catalog-api-host-2");
        for (String f : folders(out)) {
            assertThat(Files.readAllLines(out.resolve(f).resolve("postgrest.conf")).get(0)).isEqualTo(
                    "db-uri = \"postgresql://app:change-me-app@host.docker.internal:5432,host.docker.internal:5432/catalog"
                            + "?target_session_attrs=read-write\"");
            assertThat(container(out.resolve(f)).at("/Labels/io.trellis.service").asText()).isEqualTo("api");
        }
    }

    @Test
    void separateHostGivesMcpItsThreeFiles() throws Exception {
        Path out = render(TestFiles.example("separate-host.json"));
        assertThat(folders(out)).containsExactly("inventory-mcp-host-3");
        Path dir = out.resolve("inventory-mcp-host-3");
        assertThat(files(dir)).containsExactly("config.yaml", "container.json", "tokens.yaml", "users.yaml");
        JsonNode cfg = YAML.readTree(dir.resolve("config.yaml").toFile());
        assertThat(cfg.at("/databases/0/target_session_attrs").asText()).isEqualTo("prefer-standby");
        assertThat(cfg.at("/databases/0/hosts").size()).as("n1 and n2").isEqualTo(2);
        assertThat(cfg.at("/databases/0/user").asText()).isEqualTo("app");
        assertThat(cfg.at("/llm/anthropic_api_key").asText()).isEqualTo("sk-ant-example");
        assertThat(YAML.readTree(dir.resolve("tokens.yaml").toFile())).isNotNull();
        assertThat(YAML.readTree(dir.resolve("users.yaml").toFile())).isNotNull();
        JsonNode c = container(dir);
        assertThat(c.path("Cmd")).isEqualTo(Json.MAPPER.valueToTree(List.of("/app/pgedge-postgres-mcp", "-config", "/app/data/config.yaml")));
        assertThat(c.path("User").asText()).isEqualTo("1001");
        assertThat(c.path("Env").get(0).asText()).startsWith("PGEDGE_CONFIG_VERSION=");
        assertHealth(c, "CMD-SHELL", "curl -f http://localhost:8080/health || exit 1");
        assertThat(c.at("/HostConfig/Binds/0").asText()).isEqualTo(dir.toAbsolutePath() + ":/app/data:rw");
    }

    @Test
    void allThreeServiceTypesInOneSpec() throws Exception {
        Path body = tmp.resolve("all.json");
        Files.writeString(body, """
                {"id": "shop", "spec": {"database_name": "shop",
                  "nodes": [{"name": "n1", "host_ids": ["host-1", "host-2"]}, {"name": "n2", "host_ids": ["host-3"]}],
                  "database_users": [{"username": "admin", "password": "adm-pw", "db_owner": true, "attributes": ["SUPERUSER", "LOGIN"]},
                                     {"username": "app", "password": "app-pw", "attributes": ["LOGIN"]}],
                  "services": [
                    {"service_id": "api", "service_type": "postgrest", "version": "14.5", "connect_as": "app", "host_ids": ["host-3"],
                     "cpus": "500m", "memory": "256M", "port": 8089, "config": {"db_anon_role": "web_anon"}},
                    {"service_id": "mcp", "service_type": "mcp", "version": "1.0.0", "connect_as": "app", "host_ids": ["host-1"],
                     "config": {"allow_writes": true, "llm_enabled": true, "llm_provider": "anthropic", "llm_model": "claude-sonnet-4-5",
                                "anthropic_api_key": "sk-ant-x"}},
                    {"service_id": "rag", "service_type": "rag", "version": "1.0.0", "connect_as": "app", "host_ids": ["host-3"],
                     "config": {"pipelines": [{"name": "docs",
                       "tables": [{"table": "chunks", "text_column": "content", "vector_column": "embedding"}],
                       "embedding_llm": {"provider": "openai", "model": "text-embedding-3-small", "api_key": "sk-openai"},
                       "rag_llm": {"provider": "anthropic", "model": "claude-sonnet-4-20250514", "api_key": "sk-ant-rag"}}]}}]}}""");
        Path out = render(body);
        assertThat(folders(out)).containsExactly("shop-api-host-3", "shop-mcp-host-1", "shop-rag-host-3");

        Path api = out.resolve("shop-api-host-3");
        assertThat(Files.readAllLines(api.resolve("postgrest.conf")).get(0)).isEqualTo("db-uri = \"postgresql://app:app-pw@"
                + "host.docker.internal:5432,host.docker.internal:5432,host.docker.internal:5432/shop?target_session_attrs=read-write\"");
        JsonNode apiC = container(api);
        assertThat(apiC.at("/HostConfig/NanoCpus").asLong()).isEqualTo(500_000_000L);
        assertThat(apiC.at("/HostConfig/Memory").asLong()).isEqualTo(256_000_000L);
        assertThat(apiC.at("/HostConfig/PortBindings/8080~1tcp/0/HostPort").asText()).isEqualTo("8089");

        Path mcp = out.resolve("shop-mcp-host-1");
        JsonNode mcpCfg = YAML.readTree(mcp.resolve("config.yaml").toFile());
        assertThat(mcpCfg.at("/databases/0/target_session_attrs").asText()).isEqualTo("primary");
        assertThat(mcpCfg.at("/databases/0/allow_writes").asBoolean()).isTrue();
        assertThat(mcpCfg.at("/databases/0/password").asText()).isEqualTo("app-pw");
        assertThat(mcpCfg.at("/databases/0/hosts").size()).as("n1 twice (two instances), n2 once").isEqualTo(3);

        Path rag = out.resolve("shop-rag-host-3");
        assertThat(files(rag)).containsExactly("container.json", "keys/docs_embedding.key", "keys/docs_rag.key", "pgedge-rag-server.yaml");
        JsonNode ragCfg = YAML.readTree(rag.resolve("pgedge-rag-server.yaml").toFile());
        assertThat(ragCfg.at("/pipelines/0/database/host").asText()).isEqualTo("host.docker.internal");
        assertThat(ragCfg.at("/pipelines/0/database/port").asInt()).isEqualTo(5432);
        assertThat(ragCfg.at("/pipelines/0/api_keys/openai").asText()).isEqualTo("/app/keys/docs_embedding.key");
        assertThat(Files.readString(rag.resolve("keys/docs_rag.key"))).isEqualTo("sk-ant-rag");
        JsonNode ragC = container(rag);
        assertThat(ragC.at("/HostConfig/Binds")).isEqualTo(Json.MAPPER.valueToTree(List.of(
                rag.toAbsolutePath() + ":/app/data:rw", rag.resolve("keys").toAbsolutePath() + ":/app/keys:ro")));
        assertHealth(ragC, "CMD-SHELL", "exec 3<>/dev/tcp/127.0.0.1/8080");

        Run again = run("render", body.toString(), "--out", out.toString(), "--json");
        assertThat(again.exit()).as("a folder render wrote may be written again").isZero();
        JsonNode report = Json.MAPPER.readTree(again.out());
        assertThat(report.path("owner_only").asBoolean()).isTrue();
        assertThat(report.at("/instances/2/files")).isEqualTo(Json.MAPPER.valueToTree(
                List.of("pgedge-rag-server.yaml", "keys/docs_embedding.key", "keys/docs_rag.key", "container.json")));
    }

    @Test
    void refusesAFolderOfOtherFilesAndAnInvalidBody() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        Run r = run("render", TestFiles.example("co-located.json").toString(), "--out", tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("did not write");
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"id\": \"x\", \"spec\": {\"database_name\": \"x\", \"nodes\": []}}");
        assertThat(run("render", bad.toString(), "--out", tmp.resolve("o").toString()).exit()).isEqualTo(1);
    }
}
