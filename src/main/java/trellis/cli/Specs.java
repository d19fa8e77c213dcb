package trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.validation.Problem;
import trellis.spec.validation.SpecValidator;
import trellis.topology.Topology;
import trellis.topology.TopologyBuilder;

/** Turns a file the person gave into the model, or one line that says why it cannot. */
final class Specs {
    private Specs() {
    }

    static DatabaseSpec spec(SpecFile f) throws SpecFile.Unreadable {
        JsonNode spec = f.spec();
        if (!spec.isObject()) {
            throw new SpecFile.Unreadable(f.path() + ": no database spec found; expected {id, spec}, {spec}, a GET response or a bare spec");
        }
        try {
            return Json.MAPPER.treeToValue(spec, DatabaseSpec.class);
        } catch (Exception e) {
            var problems = SpecValidator.validateSpec(f.databaseId() == null ? "" : f.databaseId(), spec);
            String first = problems.isEmpty() ? SpecFile.firstLine(e.getMessage()) : problems.get(0).toString();
            throw new SpecFile.Unreadable(f.path() + ": the spec does not have the API's shape (" + first
                    + "); run 'trellis validate " + f.path() + "'");
        }
    }

    /** The live picture for a GET response, the planned one (all pending) for anything else. */
    static Topology topology(SpecFile f) throws SpecFile.Unreadable {
        DatabaseSpec spec = spec(f);
        String id = f.databaseId() != null ? f.databaseId() : spec.databaseName();
        if (f.kind() == SpecFile.Kind.DATABASE) {
            try {
                Database db = Json.MAPPER.treeToValue(f.root(), Database.class);
                return TopologyBuilder.live(db, java.util.List.of());
            } catch (Exception e) {
                throw new SpecFile.Unreadable(f.path() + ": the database does not have the API's shape: "
                        + SpecFile.firstLine(e.getMessage()));
            }
        }
        return TopologyBuilder.planned(id, spec);
    }

    static String describe(Problem p) {
        return p.toString();
    }
}
