package trellis.ui.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import trellis.spec.DatabaseSpec;
import trellis.spec.Host;
import trellis.spec.ServiceSpec;
import trellis.topology.RoleGrants;

/** What the review asks a person to see to before applying: things Trellis cannot do or check itself. No JavaFX. */
public final class ReviewWarnings {
    private ReviewWarnings() {
    }

    /**
     * @param hosts the cluster's hosts as the source knows them (empty offline: no host is then known to be systemd)
     */
    public static List<String> of(DatabaseSpec before, DatabaseSpec after, List<Host> hosts, String databaseId) {
        List<String> out = new ArrayList<>();
        Map<String, Set<String>> anonNodes = new LinkedHashMap<>();
        for (RoleGrants.Grant g : RoleGrants.between(before, after, databaseId)) {
            after.services().stream().filter(s -> s.serviceId().equals(g.serviceId())).findFirst().ifPresent(svc -> {
                String anon = svc.config() == null ? null : svc.config().path("db_anon_role").asText(null);
                if (anon != null) {
                    anonNodes.computeIfAbsent(anon, k -> new LinkedHashSet<>()).addAll(g.nodes());
                }
            });
        }
        anonNodes.forEach((anon, nodes) -> out.add("PostgREST needs the role " + anon + " to exist on every node ("
                + String.join(", ", nodes) + "); the local engine creates it on the nodes it runs itself, elsewhere (a Control Plane,"
                + " a server you attach) run CREATE ROLE " + trellis.topology.Plan.quoteIdent(anon) + " NOLOGIN; where it is missing"));
        Set<String> systemd = new LinkedHashSet<>();
        for (Host h : hosts == null ? List.<Host>of() : hosts) {
            if ("systemd".equalsIgnoreCase(h.orchestrator())) {
                systemd.add(h.id());
            }
        }
        for (ServiceSpec svc : after.services() == null ? List.<ServiceSpec>of() : after.services()) {
            List<String> on = (svc.hostIds() == null ? List.<String>of() : svc.hostIds()).stream().filter(systemd::contains).toList();
            if (!on.isEmpty()) {
                out.add("services are not supported on systemd hosts: service '" + svc.serviceId() + "' is placed on "
                        + String.join(", ", on) + "; place it on a Docker Swarm host instead");
            }
        }
        return out;
    }
}
