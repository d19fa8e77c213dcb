package trellis.engine.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import trellis.spec.DatabaseSpec;
import trellis.spec.DatabaseUser;

/**
 * Creates a spec's database and database users on a PostgreSQL node Trellis started itself (never
 * on one it attached to). Identifiers are quoted, passwords are SQL literals quoted as PostgreSQL
 * quotes them, and role attributes are taken from a fixed list, so nothing from a spec reaches SQL
 * as written. Returns the statements run with every password replaced, for the task log.
 */
final class NodeProvisioner {
    private static final Set<String> ATTRIBUTES = Set.of("SUPERUSER", "NOSUPERUSER", "CREATEDB", "NOCREATEDB",
            "CREATEROLE", "NOCREATEROLE", "INHERIT", "NOINHERIT", "LOGIN", "NOLOGIN", "REPLICATION", "NOREPLICATION",
            "BYPASSRLS", "NOBYPASSRLS");

    private NodeProvisioner() {
    }

    static String literal(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a password cannot contain a NUL character");
        }
        return "'" + s.replace("'", "''") + "'";
    }

    static List<String> provision(Connection admin, DatabaseSpec spec) throws SQLException {
        List<String> log = new ArrayList<>();
        String owner = null;
        for (DatabaseUser u : spec.databaseUsers() == null ? List.<DatabaseUser>of() : spec.databaseUsers()) {
            List<String> attrs = new ArrayList<>();
            for (String a : u.attributes() == null ? List.<String>of() : u.attributes()) {
                String up = a.toUpperCase(Locale.ROOT);
                if (ATTRIBUTES.contains(up)) {
                    attrs.add(up);
                }
            }
            if (!attrs.contains("LOGIN") && !attrs.contains("NOLOGIN")) {
                attrs.add("LOGIN");
            }
            String verb = roleExists(admin, u.username()) ? "ALTER" : "CREATE";
            String sql = verb + " ROLE " + PostgrestGrants.ident(u.username()) + " WITH " + String.join(" ", attrs);
            String shown = sql;
            if (u.password() != null) {
                sql += " PASSWORD " + literal(u.password());
                shown += " PASSWORD '********'";
            }
            exec(admin, sql);
            log.add(shown);
            if (Boolean.TRUE.equals(u.dbOwner())) {
                owner = u.username();
            }
        }
        String db = spec.databaseName();
        if (db != null) {
            boolean exists;
            try (PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, db);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            String sql = exists ? (owner != null ? "ALTER DATABASE " + PostgrestGrants.ident(db) + " OWNER TO " + PostgrestGrants.ident(owner) : null)
                    : "CREATE DATABASE " + PostgrestGrants.ident(db) + (owner != null ? " OWNER " + PostgrestGrants.ident(owner) : "");
            if (sql != null) {
                exec(admin, sql);
                log.add(sql);
            }
        }
        for (DatabaseUser u : spec.databaseUsers() == null ? List.<DatabaseUser>of() : spec.databaseUsers()) {
            for (String role : u.roles() == null ? List.<String>of() : u.roles()) {
                if (roleExists(admin, role)) {
                    String sql = "GRANT " + PostgrestGrants.ident(role) + " TO " + PostgrestGrants.ident(u.username());
                    exec(admin, sql);
                    log.add(sql);
                }
            }
        }
        return log;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
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
