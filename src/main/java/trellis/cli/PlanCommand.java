package trellis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.topology.Plan;
import trellis.topology.PlanChange;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Lists what changes from OLD to NEW: services and instances added or removed, versions, config",
                "(secrets only as 'changed'), connect_as, and the role grants PostgREST needs."})
public final class PlanCommand extends CliCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW")
    Path newFile;

    @Option(names = "--json", description = "Print one JSON document for scripts.")
    boolean json;


    @Override
    public Integer call() {
        PrintWriter out = out();
        DatabaseSpec before;
        DatabaseSpec after;
        try {
            before = Specs.spec(SpecFile.read(oldFile));
            after = Specs.spec(SpecFile.read(newFile));
        } catch (SpecFile.Unreadable e) {
            return unreadable(e);
        }
        List<PlanChange> changes = Plan.between(before, after);
        if (json) {
            ObjectNode doc = Json.MAPPER.createObjectNode();
            doc.put("old", oldFile.toString()).put("new", newFile.toString());
            ArrayNode arr = doc.putArray("changes");
            for (PlanChange c : changes) {
                ObjectNode o = arr.addObject().put("kind", c.kind().name().toLowerCase()).put("text", c.text());
                if (c.serviceId() != null) {
                    o.put("service_id", c.serviceId());
                }
                if (c.hostId() != null) {
                    o.put("host_id", c.hostId());
                }
            }
            Output.json(out, doc);
            return 0;
        }
        out.println("Plan: " + oldFile + " → " + newFile);
        if (changes.isEmpty()) {
            out.println("  no changes");
        }
        for (PlanChange c : changes) {
            out.println("  " + c);
        }
        long n = changes.stream().filter(c -> c.kind() != PlanChange.Kind.GRANT && c.kind() != PlanChange.Kind.REVOKE).count();
        long g = changes.size() - n;
        out.println(n + (n == 1 ? " change" : " changes") + (g > 0 ? ", " + g + " role statements" : "") + ".");
        out.flush();
        return 0;
    }
}
