package trellis.topology;

import java.util.List;
import trellis.spec.ServiceSpec;

/** A service of the spec with the pattern its placement follows. */
public record ServiceSummary(String serviceId, String serviceType, String version, String connectAs,
                             DeploymentPattern pattern, List<String> hostIds, ServiceSpec spec) {
    public ServiceSummary {
        hostIds = List.copyOf(hostIds);
    }
}
