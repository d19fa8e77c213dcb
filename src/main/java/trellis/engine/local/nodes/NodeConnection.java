package trellis.engine.local.nodes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server Trellis attached to for a database node. The password lives in memory
 * only (read from an environment variable or asked for), and never reaches a log.
 */
public record NodeConnection(String jdbcUrl, String user, String password, String containerHost, int containerPort) {
    /** How containers reach this machine: Docker's host gateway name. */
    public static final String HOST_GATEWAY = "host.docker.internal";
    /** PostgreSQL's port, when a URL names none. */
    public static final int DEFAULT_PORT = 5432;
    private static final Pattern PORT = Pattern.compile("//[^:/]+:(\\d+)");
    private static final Pattern ADDRESS = Pattern.compile("//([^/?]+)");

    /** A connection as the admin user that gives up after {@code timeoutSeconds} when nothing answers. */
    public Connection connect(int timeoutSeconds) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        return DriverManager.getConnection(jdbcUrl, props);
    }

    /** Containers reach the node through the Docker host gateway, at the port of the JDBC URL. */
    public NodeConnection(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, HOST_GATEWAY, portOf(jdbcUrl));
    }

    private static int portOf(String jdbcUrl) {
        Matcher m = PORT.matcher(jdbcUrl);
        return m.find() ? Integer.parseInt(m.group(1)) : DEFAULT_PORT;
    }

    /** Where this machine reaches the server, as the JDBC URL names it ("localhost:5433"). */
    public String address() {
        Matcher m = ADDRESS.matcher(jdbcUrl);
        return m.find() ? m.group(1) : jdbcUrl;
    }

    @Override
    public String toString() {
        return user + "@" + jdbcUrl;
    }
}
