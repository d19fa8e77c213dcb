package trellis.engine.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.Task;
import trellis.spec.TaskLogEntry;
import java.io.IOException;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * What the local engine must not forget: accepted specs, tasks and their logs, in an embedded
 * SQLite database, each change in a transaction, so a crash or a kill loses no accepted change.
 * The file is readable by its owner only: specs carry the database users' passwords, which the
 * engine needs to build connection strings.
 */
public final class StateStore implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StateStore.class);
    private final Connection db;

    public StateStore(Path file) throws SQLException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    LOG.debug("{}: no POSIX permissions on this file system; the user's directory protects it", file);
                }
            }
        } catch (IOException e) {
            throw new SQLException("cannot create the state store at " + file + ": " + e.getMessage(), e);
        }
        db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        createTables();
    }

    private StateStore(Connection db) throws SQLException {
        this.db = db;
        createTables();
    }

    /** A store that keeps everything in memory, for an engine that must remember nothing after it stops. */
    public static StateStore inMemory() throws SQLException {
        return new StateStore(DriverManager.getConnection("jdbc:sqlite::memory:"));
    }

    private void createTables() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=FULL");
            st.execute("CREATE TABLE IF NOT EXISTS databases (id TEXT PRIMARY KEY, spec TEXT NOT NULL, created_at TEXT NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS tasks (task_id TEXT PRIMARY KEY, database_id TEXT NOT NULL, type TEXT NOT NULL,"
                    + " status TEXT NOT NULL, error TEXT, created_at TEXT NOT NULL, completed_at TEXT)");
            st.execute("CREATE TABLE IF NOT EXISTS task_log (task_id TEXT NOT NULL, seq INTEGER NOT NULL, ts TEXT NOT NULL,"
                    + " message TEXT NOT NULL, PRIMARY KEY (task_id, seq))");
            st.execute("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL,"
                    + " database_id TEXT NOT NULL, instance_id TEXT NOT NULL, from_state TEXT, to_state TEXT, error TEXT)");
            st.execute("CREATE TABLE IF NOT EXISTS hosts (host_id TEXT PRIMARY KEY, endpoint TEXT NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS grants (grant_key TEXT PRIMARY KEY, anon_role TEXT NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS nodes (name TEXT PRIMARY KEY, kind TEXT NOT NULL, jdbc_url TEXT, admin_user TEXT,"
                    + " password_env TEXT, container_host TEXT, container_port INTEGER, provision INTEGER NOT NULL DEFAULT 0)");
        }
    }

    /** The default place: $XDG_DATA_HOME/trellis/engine.db (~/.local/share/trellis/engine.db). */
    public static Path defaultFile() {
        return trellis.engine.DataFolder.path().resolve("engine.db");
    }

    /** The spec and its task, together or not at all. */
    public synchronized void accept(String databaseId, DatabaseSpec spec, Instant createdAt, Task task) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement up = db.prepareStatement(
                "INSERT INTO databases (id, spec, created_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET spec = excluded.spec");
             PreparedStatement t = db.prepareStatement("INSERT INTO tasks (task_id, database_id, type, status, error, created_at, completed_at)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            up.setString(1, databaseId);
            up.setString(2, Json.write(spec));
            up.setString(3, createdAt.toString());
            up.executeUpdate();
            bind(t, task);
            t.executeUpdate();
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    public synchronized void addTask(Task task) throws SQLException {
        try (PreparedStatement t = db.prepareStatement("INSERT INTO tasks (task_id, database_id, type, status, error, created_at, completed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bind(t, task);
            t.executeUpdate();
        }
    }

    private static void bind(PreparedStatement t, Task task) throws SQLException {
        t.setString(1, task.taskId());
        t.setString(2, task.databaseId());
        t.setString(3, task.type());
        t.setString(4, task.status());
        t.setString(5, task.error());
        t.setString(6, task.createdAt());
        t.setString(7, task.completedAt());
    }

    public synchronized void updateTask(Task task) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("UPDATE tasks SET status = ?, error = ?, completed_at = ? WHERE task_id = ?")) {
            ps.setString(1, task.status());
            ps.setString(2, task.error());
            ps.setString(3, task.completedAt());
            ps.setString(4, task.taskId());
            ps.executeUpdate();
        }
    }

    public synchronized void log(String taskId, int seq, TaskLogEntry entry) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO task_log (task_id, seq, ts, message) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, taskId);
            ps.setInt(2, seq);
            ps.setString(3, entry.timestamp());
            ps.setString(4, entry.message());
            ps.executeUpdate();
        }
    }

    public synchronized void removeDatabase(String databaseId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM databases WHERE id = ?")) {
            ps.setString(1, databaseId);
            ps.executeUpdate();
        }
    }

    public record Stored(String id, DatabaseSpec spec, Instant createdAt) {
    }

    public synchronized List<Stored> databases() throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT id, spec, created_at FROM databases ORDER BY created_at")) {
            while (rs.next()) {
                out.add(new Stored(rs.getString(1), Json.MAPPER.readValue(rs.getString(2), DatabaseSpec.class),
                        Instant.parse(rs.getString(3))));
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored spec is not readable: " + e.getOriginalMessage(), e);
        }
        return out;
    }

    public synchronized Map<String, Task> tasks() throws SQLException {
        Map<String, Task> out = new LinkedHashMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT task_id, database_id, type, status, error, created_at, completed_at FROM tasks ORDER BY created_at")) {
            while (rs.next()) {
                out.put(rs.getString(1), new Task(rs.getString(1), null, "database", rs.getString(2), rs.getString(2), null, null,
                        null, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), null));
            }
        }
        return out;
    }

    public synchronized List<TaskLogEntry> log(String taskId) throws SQLException {
        List<TaskLogEntry> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT ts, message FROM task_log WHERE task_id = ? ORDER BY seq")) {
            ps.setString(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TaskLogEntry(rs.getString(1), rs.getString(2), null, null));
                }
            }
        }
        return out;
    }

    /** An instance's lifecycle move, as the monitor saw it. */
    public synchronized void event(LifecycleMonitor.Transition t) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO events (ts, database_id, instance_id, from_state, to_state, error) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, t.at().toString());
            ps.setString(2, t.databaseId());
            ps.setString(3, t.instanceId());
            ps.setString(4, t.from());
            ps.setString(5, t.to());
            ps.setString(6, t.error());
            ps.executeUpdate();
        }
    }

    /** The last {@code limit} lifecycle moves of a database's instances, oldest first. */
    public synchronized List<LifecycleMonitor.Transition> events(String databaseId, int limit) throws SQLException {
        List<LifecycleMonitor.Transition> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT ts, database_id, instance_id, from_state, to_state, error FROM"
                + " (SELECT * FROM events WHERE database_id = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq")) {
            ps.setString(1, databaseId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LifecycleMonitor.Transition(Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    public synchronized void bindHost(String hostId, String endpoint) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO hosts (host_id, endpoint) VALUES (?, ?)")) {
            ps.setString(1, hostId);
            ps.setString(2, endpoint);
            ps.executeUpdate();
        }
    }

    public synchronized Map<String, String> hosts() throws SQLException {
        return pairs("SELECT host_id, endpoint FROM hosts ORDER BY host_id");
    }

    /** The anon role last granted to a service's connect_as on a node, so a change after a restart still revokes it. */
    public synchronized void granted(String key, String anonRole) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO grants (grant_key, anon_role) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, anonRole);
            ps.executeUpdate();
        }
    }

    public synchronized Map<String, String> grants() throws SQLException {
        return pairs("SELECT grant_key, anon_role FROM grants");
    }

    /**
     * A database node: attached (Trellis connects to it) or started (Trellis runs it). No password
     * is stored: an attached node names the environment variable that holds it.
     */
    public record NodeRecord(String name, String kind, String jdbcUrl, String adminUser, String passwordEnv,
                             String containerHost, int containerPort, boolean provision) {
    }

    public synchronized void node(NodeRecord n) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO nodes (name, kind, jdbc_url, admin_user, password_env,"
                + " container_host, container_port, provision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, n.name());
            ps.setString(2, n.kind());
            ps.setString(3, n.jdbcUrl());
            ps.setString(4, n.adminUser());
            ps.setString(5, n.passwordEnv());
            ps.setString(6, n.containerHost());
            ps.setInt(7, n.containerPort());
            ps.setInt(8, n.provision() ? 1 : 0);
            ps.executeUpdate();
        }
    }

    public synchronized List<NodeRecord> nodes() throws SQLException {
        List<NodeRecord> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT name, kind, jdbc_url, admin_user, password_env,"
                + " container_host, container_port, provision FROM nodes ORDER BY name")) {
            while (rs.next()) {
                out.add(new NodeRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7), rs.getInt(8) != 0));
            }
        }
        return out;
    }

    private Map<String, String> pairs(String sql) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }
}
