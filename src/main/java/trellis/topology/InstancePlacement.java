package trellis.topology;

import java.util.List;
import trellis.spec.ServiceInstance;

/**
 * A service instance, expected by the spec, reported live, or both.
 *
 * @param instanceId   {@code {database}-{service}-{host}} as the Control Plane names it
 * @param connectsTo   the database nodes its connection string names
 * @param live         what the control plane reported, or null while pending
 */
public record InstancePlacement(String instanceId, String serviceId, String serviceType, String hostId,
                                LifecycleState state, List<String> connectsTo, ServiceInstance live) {
    public InstancePlacement {
        connectsTo = List.copyOf(connectsTo);
    }

    /** {@code healthy}, {@code unhealthy}, {@code unknown}, or null when nothing was reported. */
    public String health() {
        if (live == null || live.status() == null || live.status().healthCheck() == null) {
            return null;
        }
        return live.status().healthCheck().status();
    }

    /** Running and its health check says healthy: the only state the console paints green. */
    public boolean healthy() {
        return state == LifecycleState.RUNNING && "healthy".equals(health());
    }

    public String error() {
        return live == null ? null : live.error();
    }
}
