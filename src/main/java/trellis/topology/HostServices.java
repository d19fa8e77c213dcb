package trellis.topology;

import java.util.Optional;
import trellis.spec.Host;

/** Whether a host of the cluster can run supporting services: the Control Plane places them on Docker Swarm hosts only. */
public final class HostServices {
    /** The documentation's words (Supporting Services page). */
    public static final String NOT_ON_SYSTEMD = "Supporting Services are not yet supported on systemd clusters; "
            + "support is coming in a subsequent release.";

    private HostServices() {
    }

    /**
     * Why services cannot be placed on this host, in the documentation's words; empty when its
     * orchestrator is Swarm (or not said, as the local engine's hosts and older servers answer).
     */
    public static Optional<String> reasonHostCannotTakeServices(Host host) {
        String o = host.orchestrator();
        if (o == null || o.isBlank() || o.equalsIgnoreCase("swarm")) {
            return Optional.empty();
        }
        return Optional.of("Host " + host.id() + " runs " + o + ", not Docker Swarm: " + NOT_ON_SYSTEMD);
    }

    /** The host's cohort as shown: its type and member id, with "control" when it is a control node. */
    public static String cohort(Host host) {
        var c = host.extra().get("cohort");
        if (c == null || !c.isObject()) {
            return "";
        }
        String type = c.path("type").asText("");
        String member = c.path("member_id").asText("");
        boolean control = c.path("control_available").asBoolean(false);
        return (type + (member.isEmpty() ? "" : " " + member) + (control ? " (control)" : "")).strip();
    }
}
