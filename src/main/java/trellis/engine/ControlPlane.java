package trellis.engine;

import java.util.List;
import trellis.spec.Cluster;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.Host;
import trellis.spec.Task;
import trellis.spec.TaskLog;
import trellis.spec.UpdateDatabaseRequest;

/**
 * The port every way of running services plugs into: the pgEdge Control Plane over REST, and the
 * local engine on Docker. Calls block; the console makes them from background tasks only.
 */
public interface ControlPlane extends AutoCloseable {
    /** What a person calls this source in the sources tree, e.g. "Local engine". */
    String displayName();

    /** The server's version (GET /v1/version), or "" for a source that has none of its own. */
    default String serverVersion() throws ControlPlaneException {
        return "";
    }

    Cluster cluster() throws ControlPlaneException;

    List<Host> hosts() throws ControlPlaneException;

    /** Summaries: id, state, times; the spec may be absent. */
    List<Database> databases() throws ControlPlaneException;

    /** One database with its spec, instances and service instances (secrets stripped). */
    Database database(String databaseId) throws ControlPlaneException;

    Task createDatabase(CreateDatabaseRequest request) throws ControlPlaneException;

    /** Replaces the whole spec: a service left out is deleted. */
    Task updateDatabase(String databaseId, UpdateDatabaseRequest request) throws ControlPlaneException;

    Task deleteDatabase(String databaseId) throws ControlPlaneException;

    Task task(String databaseId, String taskId) throws ControlPlaneException;

    TaskLog taskLog(String databaseId, String taskId, String afterEntryId) throws ControlPlaneException;

    /** The database's tasks, newest first (GET tasks); a source that keeps no history answers an empty list. */
    default List<Task> tasks(String databaseId) throws ControlPlaneException {
        return List.of();
    }

    /** Whether {@link #cancelTask} can stop a running task of this source. */
    default boolean canCancelTasks() {
        return false;
    }

    /** Asks a running task to stop (the contract's cancel-database-task); answers the task as it is then. */
    default Task cancelTask(String databaseId, String taskId) throws ControlPlaneException {
        throw new ControlPlaneException(0, "cancel_not_supported", displayName() + " cannot cancel a task; wait for task " + taskId + " to end");
    }

    @Override
    default void close() {
    }
}
