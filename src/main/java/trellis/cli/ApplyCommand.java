package trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.spec.Database;
import trellis.spec.Json;
import trellis.spec.Secrets;
import trellis.spec.validation.Problem;
import trellis.spec.validation.SpecValidator;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Creates the database of FILE, or updates it to FILE's spec: validates it as the Control Plane",
                "would (an update against the database as it is now), shows the plan against the server's spec, asks,",
                "sends the full spec, and follows the task to its end."},
        footer = {"Exit: 0 done; 1 refused, invalid, not confirmed or the task failed; 2 unreadable, unreachable or a TLS file unusable."})
public final class ApplyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a create body {id, spec}, or {spec} with --id")
    Path file;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--id", paramLabel = "DATABASE_ID", description = "the database id when FILE has none")
    String databaseId;

    @Option(names = "--secrets", paramLabel = "SECRETS",
            description = "a spec or body whose passwords and keys fill in those FILE lacks (matched by username and service_id)")
    Path secretsFile;

    @Option(names = {"-y", "--yes"}, description = "apply without asking")
    boolean yes;

    @Option(names = "--dry-run", description = "validate and show the plan, send nothing")
    boolean dryRun;

    @Option(names = "--json", description = "one JSON document at the end: plan, task and its log (needs --yes or --dry-run)")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "how long to follow the task (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmd;

    /** Lets tests hand in the control plane; null means a REST client for --server. */
    ControlPlane controlPlane;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = cmd.commandLine().getOut();
        PrintWriter err = cmd.commandLine().getErr();
        SpecFile.WithSecrets read;
        try {
            read = SpecFile.readWithSecrets(file, secretsFile);
        } catch (SpecFile.Unreadable e) {
            err.println(e.getMessage());
            return 2;
        }
        SpecFile f = read.file();
        JsonNode spec = read.spec();
        String id = databaseId != null ? databaseId : f.databaseId();
        if (id == null) {
            err.println(file + ": no database id; add \"id\" to the file or pass --id");
            return 1;
        }
        ControlPlane cp = controlPlane;
        if (cp == null) {
            try {
                cp = server.connect();
            } catch (ServerOptions.Unusable e) {
                err.println("apply: " + e.getMessage());
                return 2;
            }
        }
        Database current;
        try {
            current = cp.database(id);
        } catch (ControlPlaneException e) {
            if (e.status() == 404) {
                current = null;
            } else {
                err.println("apply: " + e.getMessage()
                        + (e.status() == 401 ? " (pass the server's token file with --token-file FILE)" : ""));
                return e.unreachable() ? 2 : 1;
            }
        }

        List<Problem> problems;
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (current == null) {
            body.put("id", id);
            body.set("spec", spec);
            problems = SpecValidator.validateCreate(body);
        } else {
            body.set("spec", spec);
            problems = SpecValidator.validateUpdate(id, current.spec() == null ? null : Json.toTree(current.spec()), body);
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> out.println(file + ": " + p));
            out.println("Not applied: fix the " + (problems.size() == 1 ? "problem" : problems.size() + " problems") + " above.");
            out.flush();
            return 1;
        }
        List<String> missing = Secrets.missing(spec);
        if (!missing.isEmpty()) {
            out.println("Not applied: an update replaces the whole spec, and these secrets would be lost:");
            missing.forEach(m -> out.println("  " + m));
            out.println("Add them to " + file + " or pass --secrets FILE.");
            out.flush();
            return 1;
        }
        if (cp instanceof trellis.engine.LocalEngineAdmin local && !json) {
            // as the deploy dialog: what the engine will start, attach or skip for each node, before anything runs
            List<String> nodes = local.nodePlan(Json.convert(spec, trellis.spec.DatabaseSpec.class), java.util.Map.of());
            if (!nodes.isEmpty()) {
                out.println("Database nodes:");
                nodes.forEach(l -> out.println("  " + l));
            }
        }
        return ServerChange.run(cp, id, current, spec,
                new ServerChange.Asked(yes, dryRun, json, Duration.ofSeconds(timeoutSeconds), "apply"), out, err);
    }
}
