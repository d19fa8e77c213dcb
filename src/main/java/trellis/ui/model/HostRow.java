package trellis.ui.model;

import java.util.List;
import trellis.spec.Host;
import trellis.topology.HostServices;

/**
 * One row of the hosts view: a host with its orchestrator, cohort, CPUs, memory and state, and
 * whether services can be placed on it (the documentation's words when they cannot).
 */
public record HostRow(String id, String orchestrator, String cohort, String cpus, String memory, String state, String services,
        boolean takesServices) {
    public static HostRow of(Host h) {
        var reason = HostServices.reasonHostCannotTakeServices(h);
        return new HostRow(h.id(), nz(h.orchestrator()), HostServices.cohort(h), h.cpus() == null ? "" : String.valueOf(h.cpus()),
                nz(h.memory()), h.status() == null ? "" : nz(h.status().state()),
                reason.map(r -> "no: " + r.substring(r.indexOf(": ") + 2)).orElse("yes"), reason.isEmpty());
    }

    /** The line above the table: "3 hosts on production; 1 cannot take services (not Docker Swarm)". */
    public static String summary(String source, List<HostRow> rows) {
        long refused = rows.stream().filter(r -> !r.takesServices()).count();
        return rows.size() + (rows.size() == 1 ? " host" : " hosts") + " on " + source
                + (refused == 0 ? "; every one can take services" : "; " + refused + " cannot take services (not Docker Swarm)");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
