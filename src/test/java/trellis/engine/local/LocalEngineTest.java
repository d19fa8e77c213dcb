package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import trellis.spec.ServiceSpec;

class LocalEngineTest {
    @Test
    void memoryQuantitiesBecomeBytesAsTheControlPlaneParsesThem() {
        assertThat(LocalEngine.memoryBytes("512M")).isEqualTo(512_000_000L);
        assertThat(LocalEngine.memoryBytes("1GiB")).isEqualTo(1L << 30);
        assertThat(LocalEngine.memoryBytes("1.5Gi")).isEqualTo((long) (1.5 * (1L << 30)));
        assertThat(LocalEngine.memoryBytes("1,024K")).isEqualTo(1_024_000L);
        assertThat(LocalEngine.memoryBytes("64kb")).isEqualTo(64_000L);
        assertThat(LocalEngine.memoryBytes("2048")).isEqualTo(2048L);
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
    void theContainerNameIsTheControlPlanesInstanceId() {
        assertThat(LocalEngine.name("storefront", "api", "host-1")).isEqualTo("storefront-api-host-1");
    }

    @Test
    void onlyAChangeToTheServiceItselfChangesItsHash() {
        ServiceSpec a = new ServiceSpec("api", "postgrest", "14.5", java.util.List.of("host-1"), "app", 0, null, null, null, null, null, null);
        ServiceSpec moreHosts = new ServiceSpec("api", "postgrest", "14.5", java.util.List.of("host-1", "host-2"), "app", 0, null, null, null, null, null, null);
        ServiceSpec newVersion = new ServiceSpec("api", "postgrest", "14.6", java.util.List.of("host-1"), "app", 0, null, null, null, null, null, null);
        assertThat(LocalEngine.hash(a)).isEqualTo(LocalEngine.hash(moreHosts));
        assertThat(LocalEngine.hash(a)).isNotEqualTo(LocalEngine.hash(newVersion));
    }

    @Test
    void imagesAreTheControlPlanesByTypeWithTheSpecVersionAsTag() {
        LocalEngineSettings s = LocalEngineSettings.controlPlaneDefaults();
        assertThat(s.image("postgrest", "14.5")).isEqualTo("ghcr.io/pgedge/postgrest:14.5");
        assertThat(s.image("mcp", "1.0.0")).isEqualTo("ghcr.io/pgedge/postgres-mcp:1.0.0");
        assertThat(s.image("rag", "latest")).isEqualTo("ghcr.io/pgedge/rag-server:latest");
        assertThat(s.healthInterval().toSeconds()).isEqualTo(10);
        assertThat(s.startPeriod().toSeconds()).isEqualTo(30);
        assertThat(s.createTimeout().toMinutes()).isEqualTo(5);
    }
}
