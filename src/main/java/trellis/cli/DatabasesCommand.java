package trellis.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import trellis.engine.ControlPlane;
import trellis.spec.Database;
import trellis.spec.Json;

@Command(name = "databases", mixinStandardHelpOptions = true,
        description = "Lists the databases of a Control Plane: id, state, instances and last update.",
        footer = ServerCommand.EXITS)
final class DatabasesCommand extends ServerCommand {
    @Override
    int run(ControlPlane cp) throws Exception {
        List<Database> dbs = cp.databases();
        if (json) {
            Output.json(out(), Json.MAPPER.createObjectNode().set("databases", Json.toTree(dbs)));
            return 0;
        }
        if (dbs.isEmpty()) {
            out().println("No databases on " + cp.displayName() + ".");
            out().flush();
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"DATABASE", "STATE", "INSTANCES", "UPDATED"});
        for (Database d : dbs) {
            rows.add(new String[] {d.id(), Table.or(d.state()), d.instances() == null ? "-" : String.valueOf(d.instances().size()),
                    Table.or(d.updatedAt())});
        }
        Table.print(out(), rows, "");
        out().flush();
        return 0;
    }
}
