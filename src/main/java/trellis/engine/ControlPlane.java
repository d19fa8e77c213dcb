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

    @Override
    default void close() {
    }
}
