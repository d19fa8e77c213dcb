package trellis.engine.local.nodes;

import java.sql.Connection;
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


    /** What the preflight found wrong, in words that say the way out; empty when all is there. */
    public static List<String> preflight(Connection c, String connectAs, String anonRole, String schemas) throws SQLException {
        List<String> problems = new ArrayList<>();
        if (!Sql.roleExists(c, connectAs)) {
            problems.add("connect_as user \"" + connectAs + "\" does not exist in the database: create it (database_users) first");
        }
        if (!Sql.roleExists(c, anonRole)) {
            problems.add("db_anon_role \"" + anonRole + "\" does not exist: CREATE ROLE " + Sql.ident(anonRole) + " NOLOGIN; then retry");
        }
        for (String schema : schemas.split(",")) {
            String s = schema.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!Sql.schemaExists(c, s)) {
                problems.add("schema \"" + s + "\" in db_schemas does not exist: CREATE SCHEMA " + Sql.ident(s) + "; or fix db_schemas");
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
        if (previousAnon != null && !previousAnon.equals(anonRole) && Sql.roleExists(c, previousAnon)) {
            sql.add("REVOKE " + Sql.ident(previousAnon) + " FROM " + Sql.ident(connectAs));
        }
        sql.add("ALTER ROLE " + Sql.ident(connectAs) + " WITH NOINHERIT");
        sql.add("GRANT CONNECT ON DATABASE " + Sql.ident(database) + " TO " + Sql.ident(connectAs));
        sql.add("GRANT " + Sql.ident(anonRole) + " TO " + Sql.ident(connectAs));
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

}
