package trellis.engine.local.nodes;

import java.sql.Connection;
import java.sql.SQLException;
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
            String verb = Sql.roleExists(admin, u.username()) ? "ALTER" : "CREATE";
            String sql = verb + " ROLE " + Sql.ident(u.username()) + " WITH " + String.join(" ", attrs);
            String shown = sql;
            if (u.password() != null) {
                sql += " PASSWORD " + Sql.literal(u.password());
                shown += " PASSWORD '********'";
            }
            Sql.exec(admin, sql);
            log.add(shown);
            if (Boolean.TRUE.equals(u.dbOwner())) {
                owner = u.username();
            }
        }
        String db = spec.databaseName();
        if (db != null) {
            boolean exists = Sql.databaseExists(admin, db);
            String sql = exists ? (owner != null ? "ALTER DATABASE " + Sql.ident(db) + " OWNER TO " + Sql.ident(owner) : null)
                    : "CREATE DATABASE " + Sql.ident(db) + (owner != null ? " OWNER " + Sql.ident(owner) : "");
            if (sql != null) {
                Sql.exec(admin, sql);
                log.add(sql);
            }
        }
        for (DatabaseUser u : spec.databaseUsers() == null ? List.<DatabaseUser>of() : spec.databaseUsers()) {
            for (String role : u.roles() == null ? List.<String>of() : u.roles()) {
                if (Sql.roleExists(admin, role)) {
                    String sql = "GRANT " + Sql.ident(role) + " TO " + Sql.ident(u.username());
                    Sql.exec(admin, sql);
                    log.add(sql);
                }
            }
        }
        return log;
    }


}
