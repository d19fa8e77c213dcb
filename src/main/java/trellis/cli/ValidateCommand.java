package trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
import trellis.spec.Json;
import trellis.spec.validation.Problem;
import trellis.spec.validation.SpecValidator;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks database specs as the pgEdge Control Plane would.",
                "Accepts a create body {id, spec}, an update body {spec} (with --update), a GET response, or a bare spec.",
                "Exit 0: all valid; 1: a file is invalid (one line per problem: FILE: path: message);",
                "2: a file cannot be read or is not JSON."})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON files to check")
    List<Path> files;

    @Option(names = "--update", description = "Check as the body of POST /v1/databases/{id} (an update).")
    boolean update;

    @Option(names = "--previous", paramLabel = "CURRENT",
            description = "With --update: the database as it is now (a create body or a GET response); its id is the database id.")
    Path previous;

    @Option(names = "--id", paramLabel = "DATABASE_ID",
            description = "Database id for a bare spec or an update without --previous (default: the spec's database_name).")
    String databaseId;

    @Option(names = "--json", description = "Print one JSON document for scripts.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmd;

    @Override
    public Integer call() {
        PrintWriter out = cmd.commandLine().getOut();
        PrintWriter err = cmd.commandLine().getErr();
        ObjectNode report = Json.MAPPER.createObjectNode();
        ArrayNode results = report.putArray("files");
        int exit = 0;

        if (previous != null && !update) {
            err.println("trellis validate: --previous goes with --update");
            return 2;
        }
        JsonNode currentSpec = null;
        String currentId = null;
        if (previous != null) {
            try {
                SpecFile cur = SpecFile.read(previous);
                currentSpec = cur.spec();
                currentId = cur.databaseId();
                if (!currentSpec.isObject()) {
                    err.println(previous + ": no database spec in it; --previous takes a create body {id, spec} or a GET response");
                    return 2;
                }
                if (currentId == null) {
                    err.println(previous + ": no database id in it; --previous takes a create body {id, spec} or a GET response");
                    return 2;
                }
            } catch (SpecFile.Unreadable e) {
                err.println(e.getMessage());
                return 2;
            }
        } else if (update) {
            String note = "note: without --previous these update rules were not checked: "
                    + String.join("; ", SpecValidator.rulesNeedingCurrentSpec());
            report.put("note", note);
            if (!json) {
                err.println(note);
            }
        }

        for (Path file : files) {
            ObjectNode r = results.addObject();
            r.put("file", file.toString());
            List<Problem> problems;
            try {
                SpecFile f = SpecFile.read(file);
                problems = check(f, currentSpec, currentId);
            } catch (SpecFile.Unreadable e) {
                r.put("valid", false);
                r.put("error", e.getMessage());
                if (!json) {
                    err.println(e.getMessage());
                }
                exit = 2;
                continue;
            }
            r.put("valid", problems.isEmpty());
            ArrayNode ps = r.putArray("problems");
            for (Problem p : problems) {
                ps.addObject().put("path", p.path()).put("message", p.message());
                if (!json) {
                    out.println(file + ": " + p);
                }
            }
            if (!problems.isEmpty() && exit == 0) {
                exit = 1;
            } else if (problems.isEmpty() && !json) {
                out.println(file + ": valid");
            }
        }
        if (json) {
            Output.json(out, report);
        }
        out.flush();
        err.flush();
        return exit;
    }

    private List<Problem> check(SpecFile f, JsonNode currentSpec, String currentId) {
        JsonNode root = f.root();
        if (update) {
            String id = currentId != null ? currentId : idFor(f);
            JsonNode body = f.kind() == SpecFile.Kind.BARE_SPEC ? wrap(root) : root;
            return SpecValidator.validateUpdate(id, currentSpec, body);
        }
        return switch (f.kind()) {
            case BARE_SPEC -> SpecValidator.validateSpec(idFor(f), root);
            case DATABASE -> SpecValidator.validateSpec(f.databaseId(), f.spec());
            default -> SpecValidator.validateCreate(root);
        };
    }

    private String idFor(SpecFile f) {
        if (databaseId != null) {
            return databaseId;
        }
        if (f.databaseId() != null) {
            return f.databaseId();
        }
        JsonNode name = f.spec().path("database_name");
        return name.isTextual() ? name.asText() : "";
    }

    private static JsonNode wrap(JsonNode spec) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("spec", spec);
        return body;
    }
}
