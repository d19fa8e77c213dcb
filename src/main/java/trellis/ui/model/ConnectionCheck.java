package trellis.ui.model;

import java.util.List;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.spec.Cluster;
import trellis.spec.Host;

/**
 * What the Connect dialog's test found: GET /v1/version and /v1/cluster on the profile's Control
 * Plane, told as a person reads it. {@link #run} blocks: the console calls it from its runner.
 */
public record ConnectionCheck(String version, String clusterId, List<String> hostIds) {
    public static ConnectionCheck run(ControlPlane cp) throws ControlPlaneException {
        String version = cp.serverVersion();
        Cluster cluster = cp.cluster();
        List<String> hosts = cluster.hosts() == null ? List.of() : cluster.hosts().stream().map(Host::id).toList();
        return new ConnectionCheck(version, cluster.id(), hosts);
    }

    /** "Connected: Control Plane 0.9.0, cluster c-1, 3 hosts: host-1, host-2, host-3". */
    public String describe() {
        return "Connected: Control Plane " + (version == null || version.isBlank() ? "(version not said)" : version)
                + ", cluster " + clusterId + ", " + hostIds.size() + (hostIds.size() == 1 ? " host" : " hosts")
                + (hostIds.isEmpty() ? "" : ": " + String.join(", ", hostIds));
    }

    /** The line for a test that failed: the client's own words (a TLS failure says which). */
    public static String describeFailure(Throwable error) {
        String m = error.getMessage();
        return "Failed: " + (m == null || m.isBlank() ? error.getClass().getSimpleName() : m);
    }
}
