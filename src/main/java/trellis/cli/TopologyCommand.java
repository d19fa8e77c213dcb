package trellis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trellis.spec.Json;
import trellis.topology.HostPlacement;
import trellis.topology.InstancePlacement;
import trellis.topology.NodePlacement;
import trellis.topology.ServiceSummary;
import trellis.topology.Topology;

@Command(name = "topology", mixinStandardHelpOptions = true,
        description = {"Prints where everything of a database runs: each host, its database nodes and service instances,",
                "and each service's deployment pattern (co-located, separate-host, multiple-instances)."})
public final class TopologyCommand extends CliCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a create body, update body, GET response or bare spec")
    Path file;

    @Option(names = "--json", description = "Print one JSON document for scripts.")
    boolean json;


    @Override
    public Integer call() {
        PrintWriter out = out();
        Topology t;
        try {
            t = Specs.topology(SpecFile.read(file));
        } catch (SpecFile.Unreadable e) {
            return unreadable(e);
        }
        if (json) {
            Output.json(out, toJson(t));
            return 0;
        }
        out.println("database " + t.databaseId() + (t.databaseName() != null && !t.databaseName().equals(t.databaseId())
                ? " (" + t.databaseName() + ")" : ""));
        for (HostPlacement h : t.hosts()) {
            out.println("  host " + h.hostId() + (h.hasDatabaseNode() ? "" : "  (no database node)"));
            for (NodePlacement n : h.nodes()) {
                out.println("    node " + n.nodeName() + (n.role() != null ? "  " + n.role() : ""));
            }
            for (InstancePlacement i : h.instances()) {
                String type = i.serviceType() == null ? "" : " (" + i.serviceType() + ")";
                out.println("    instance " + i.instanceId() + "  service " + i.serviceId() + type + "  "
                        + i.state().word() + (i.health() != null ? ", " + i.health() : "")
                        + (i.connectsTo().isEmpty() ? "" : "  → " + String.join(", ", i.connectsTo())));
            }
        }
        if (!t.services().isEmpty()) {
            out.println("  services");
            for (ServiceSummary s : t.services()) {
                out.println("    " + s.serviceId() + "  " + s.serviceType() + " " + s.version() + "  "
                        + s.pattern().label() + "  on " + String.join(", ", s.hostIds()) + "  as " + s.connectAs());
            }
        }
        out.flush();
        return 0;
    }

    /** The graph without any spec values, so nothing secret can leak into a script's output. */
    static ObjectNode toJson(Topology t) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("database_id", t.databaseId());
        if (t.databaseName() != null) {
            doc.put("database_name", t.databaseName());
        }
        ArrayNode hosts = doc.putArray("hosts");
        for (HostPlacement h : t.hosts()) {
            ObjectNode ho = hosts.addObject().put("host_id", h.hostId());
            ArrayNode nodes = ho.putArray("nodes");
            h.nodes().forEach(n -> nodes.addObject().put("name", n.nodeName()).put("role", n.role()));
            ArrayNode insts = ho.putArray("instances");
            for (InstancePlacement i : h.instances()) {
                ObjectNode io = insts.addObject().put("service_instance_id", i.instanceId())
                        .put("service_id", i.serviceId()).put("service_type", i.serviceType())
                        .put("state", i.state().word()).put("health", i.health());
                i.connectsTo().forEach(io.putArray("connects_to")::add);
            }
        }
        ArrayNode services = doc.putArray("services");
        for (ServiceSummary s : t.services()) {
            ObjectNode so = services.addObject().put("service_id", s.serviceId()).put("service_type", s.serviceType())
                    .put("version", s.version()).put("connect_as", s.connectAs()).put("pattern", s.pattern().label());
            s.hostIds().forEach(so.putArray("host_ids")::add);
        }
        return doc;
    }
}
