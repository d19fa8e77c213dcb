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

/**
 * What the local engine must not forget: accepted specs, tasks and their logs, in an embedded
 * SQLite database, each change in a transaction, so a crash or a kill loses no accepted change.
 * The file is readable by its owner only: specs carry the database users' passwords, which the
 * engine needs to build connection strings.
 */
public final class StateStore implements AutoCloseable {
    private final Connection db;

    public StateStore(Path file) throws SQLException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // on a file system without POSIX permissions the user's directory protects it
                }
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the state store at " + file + ": " + e.getMessage(), e);
        }
        db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = db.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=FULL");
            st.execute("CREATE TABLE IF NOT EXISTS databases (id TEXT PRIMARY KEY, spec TEXT NOT NULL, created_at TEXT NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS tasks (task_id TEXT PRIMARY KEY, database_id TEXT NOT NULL, type TEXT NOT NULL,"
                    + " status TEXT NOT NULL, error TEXT, created_at TEXT NOT NULL, completed_at TEXT)");
            st.execute("CREATE TABLE IF NOT EXISTS task_log (task_id TEXT NOT NULL, seq INTEGER NOT NULL, ts TEXT NOT NULL,"
                    + " message TEXT NOT NULL, PRIMARY KEY (task_id, seq))");
        }
    }

    /** The default place: $XDG_DATA_HOME/trellis/engine.db (~/.local/share/trellis/engine.db). */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("trellis").resolve("engine.db");
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
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
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

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }
}
