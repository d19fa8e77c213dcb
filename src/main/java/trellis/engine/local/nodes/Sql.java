package trellis.engine.local.nodes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Quoting and the catalog look-ups the node work shares; nothing from a spec reaches SQL unquoted. */
final class Sql {
    private Sql() {
    }

    /** PostgreSQL's quote_ident, always quoting. */
    static String ident(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a PostgreSQL identifier: " + name);
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A string literal as PostgreSQL quotes it (standard_conforming_strings on). */
    static String literal(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a password cannot contain a NUL character");
        }
        return "'" + s.replace("'", "''") + "'";
    }

    static boolean roleExists(Connection c, String role) throws SQLException {
        return exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role);
    }

    static boolean schemaExists(Connection c, String schema) throws SQLException {
        return exists(c, "SELECT 1 FROM pg_namespace WHERE nspname = ?", schema);
    }

    static boolean databaseExists(Connection c, String database) throws SQLException {
        return exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database);
    }

    private static boolean exists(Connection c, String query, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
