package trellis.engine.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The role grants PostgREST needs, done as the Control Plane's PostgRESTAuthenticatorResource
 * does them on every primary: {@code ALTER ROLE <connect_as> NOINHERIT}, {@code GRANT CONNECT ON
 * DATABASE}, {@code GRANT <anon> TO <connect_as>}, and the revoke of the previous anon role in the
 * same transaction when it changed. The preflight (PostgRESTPreflightResource) checks that the anon
 * role and the schemas exist first. Every identifier is quoted; nothing from a spec reaches SQL
 * unquoted. Removing a service drops no user and revokes nothing, so there is no "remove" here.
 */
public final class PostgrestGrants {
    private PostgrestGrants() {
    }

    /** PostgreSQL's quote_ident, always quoting. */
    static String ident(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a PostgreSQL identifier: " + name);
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** What the preflight found wrong, in words that say the way out; empty when all is there. */
    public static List<String> preflight(Connection c, String connectAs, String anonRole, String schemas) throws SQLException {
        List<String> problems = new ArrayList<>();
        if (!roleExists(c, connectAs)) {
            problems.add("connect_as user \"" + connectAs + "\" does not exist in the database: create it (database_users) first");
        }
        if (!roleExists(c, anonRole)) {
            problems.add("db_anon_role \"" + anonRole + "\" does not exist: CREATE ROLE " + ident(anonRole) + " NOLOGIN; then retry");
        }
        for (String schema : schemas.split(",")) {
            String s = schema.strip();
            if (s.isEmpty()) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
                ps.setString(1, s);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        problems.add("schema \"" + s + "\" in db_schemas does not exist: CREATE SCHEMA " + ident(s) + "; or fix db_schemas");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Applies the grants in one transaction.
     *
     * @param previousAnon the anon role granted before, or null on first apply
     * @return the statements run, for the task log
     */
    public static List<String> apply(Connection c, String database, String connectAs, String anonRole, String previousAnon)
            throws SQLException {
        List<String> sql = new ArrayList<>();
        if (previousAnon != null && !previousAnon.equals(anonRole) && roleExists(c, previousAnon)) {
            sql.add("REVOKE " + ident(previousAnon) + " FROM " + ident(connectAs));
        }
        sql.add("ALTER ROLE " + ident(connectAs) + " WITH NOINHERIT");
        sql.add("GRANT CONNECT ON DATABASE " + ident(database) + " TO " + ident(connectAs));
        sql.add("GRANT " + ident(anonRole) + " TO " + ident(connectAs));
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        return sql;
    }

    private static boolean roleExists(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
