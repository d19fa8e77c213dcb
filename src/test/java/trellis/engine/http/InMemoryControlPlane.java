package trellis.engine.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.spec.Cluster;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;
import trellis.spec.Host;
import trellis.spec.HostStatus;
import trellis.spec.Task;
import trellis.spec.TaskLog;
import trellis.spec.TaskLogEntry;
import trellis.spec.UpdateDatabaseRequest;

/** A control plane that keeps specs in a map: for testing the HTTP layer alone, never a feature. */
public final class InMemoryControlPlane implements ControlPlane {
    final Map<String, DatabaseSpec> specs = new LinkedHashMap<>();
    final Map<String, Task> tasks = new LinkedHashMap<>();
    final List<DatabaseSpec> received = new ArrayList<>();

    @Override
    public String displayName() {
        return "in memory";
    }

    @Override
    public Cluster cluster() {
        return new Cluster("local", Json("{\"state\":\"available\"}"), hosts(), null);
    }

    private static com.fasterxml.jackson.databind.JsonNode Json(String s) {
        try {
            return trellis.spec.Json.parse(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Host> hosts() {
        List<Host> hosts = new ArrayList<>();
        for (String id : List.of("host-1", "host-2", "host-3")) {
            hosts.add(new Host(id, "swarm", "/var/lib/trellis", 2, "24GiB", List.of("127.0.0.1"), List.of("127.0.0.1"),
                    new HostStatus("healthy", Instant.EPOCH.toString(),
                            trellis.spec.Json.MAPPER.createObjectNode(), null), null));
        }
        return hosts;
    }

    @Override
    public List<Database> databases() {
        return specs.keySet().stream().map(this::db).toList();
    }

    private Database db(String id) {
        String t = Instant.EPOCH.toString();
        return new Database(id, null, "available", t, t, specs.get(id), List.of(), List.of(), null);
    }

    @Override
    public Database database(String databaseId) throws ControlPlaneException {
        if (!specs.containsKey(databaseId)) {
            throw new ControlPlaneException(404, "not_found", "no database found with the given ID");
        }
        return db(databaseId);
    }

    @Override
    public Task createDatabase(CreateDatabaseRequest request) throws ControlPlaneException {
        if (specs.containsKey(request.id())) {
            throw new ControlPlaneException(409, "database_already_exists", "a database already exists with the given ID");
        }
        specs.put(request.id(), request.spec());
        received.add(request.spec());
        return newTask(request.id(), "create");
    }

    @Override
    public Task updateDatabase(String databaseId, UpdateDatabaseRequest request) throws ControlPlaneException {
        database(databaseId);
        specs.put(databaseId, request.spec());
        received.add(request.spec());
        return newTask(databaseId, "update");
    }

    @Override
    public Task deleteDatabase(String databaseId) throws ControlPlaneException {
        database(databaseId);
        specs.remove(databaseId);
        return newTask(databaseId, "delete");
    }

    private Task newTask(String db, String type) {
        String id = UUID.randomUUID().toString();
        Task t = new Task(id, null, "database", db, db, null, null, null, type, "completed", null,
                Instant.EPOCH.toString(), Instant.EPOCH.toString(), null);
        tasks.put(id, t);
        return t;
    }

    @Override
    public Task task(String databaseId, String taskId) throws ControlPlaneException {
        Task t = tasks.get(taskId);
        if (t == null) {
            throw new ControlPlaneException(404, "not_found", "no task found with the given ID");
        }
        return t;
    }

    @Override
    public TaskLog taskLog(String databaseId, String taskId, String afterEntryId) throws ControlPlaneException {
        Task t = task(databaseId, taskId);
        return new TaskLog("database", databaseId, databaseId, taskId, t.status(), null,
                List.of(new TaskLogEntry(Instant.EPOCH.toString(), t.type() + " done", null, null)), null);
    }
}
