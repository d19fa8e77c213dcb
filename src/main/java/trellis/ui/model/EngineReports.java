package trellis.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import trellis.spec.Host;

/** What the console says after an Engine menu action, from what the engine answered. */
public final class EngineReports {
    private EngineReports() {
    }

    /** The event log's line and, when the engine does not answer, the alert's header and text. */
    public record Report(String logLine, String alertHeader, String alertText) {
        public boolean alerts() {
            return alertHeader != null;
        }
    }

    /** After a host was bound: Docker's version, or that it does not answer (the binding is kept). */
    public static Report hostBound(String hostId, String endpoint, Host host) {
        JsonNode docker = host.status() == null || host.status().components() == null ? null : host.status().components().get("docker");
        String version = docker == null ? null : docker.path("details").path("version").asText(null);
        if (host.status() != null && "healthy".equals(host.status().state())) {
            return new Report(hostId + ": bound to " + endpoint + " (Docker " + version + ")", null, null);
        }
        return new Report(hostId + ": bound to " + endpoint + ", which does not answer: "
                + (docker == null ? "" : docker.path("error").asText("")),
                "The Docker engine of " + hostId + " does not answer", endpoint + " refused or timed out. "
                        + "The binding is kept; the host's instances show as failed until the engine answers. "
                        + "Check the address, or bind the host to another engine.");
    }
}
