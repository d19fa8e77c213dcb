package trellis.engine;

import java.util.List;

/** A control plane that can show what a service instance's container printed (the local engine). */
public interface InstanceLogs {
    /** The last {@code tail} lines of the instance's container, oldest first. */
    List<String> logs(String databaseId, String instanceId, int tail) throws ControlPlaneException;
}
