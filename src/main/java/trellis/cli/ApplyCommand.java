package trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.engine.http.RestControlPlane;
import trellis.engine.http.ServeToken;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.Secrets;
import trellis.spec.Task;
import trellis.spec.TaskLog;
import trellis.spec.TaskLogEntry;
import trellis.spec.UpdateDatabaseRequest;
import trellis.spec.validation.Problem;
import trellis.spec.validation.SpecValidator;
import trellis.topology.Plan;
import trellis.topology.PlanChange;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Creates the database of FILE, or updates it to FILE's spec: validates it as the Control Plane",
                "would (an update against the database as it is now), shows the plan, asks, sends the full spec,",
                "and follows the task to its end. Exit 0 done; 1 refused, invalid or the task failed; 2 unreadable or unreachable."})
public final class ApplyCommand implements Callable<Integer> {
    private static final Set<String> DONE = Set.of("completed", "failed", "canceled", "unknown");

    @Parameters(paramLabel = "FILE", description = "a create body {id, spec}, or {spec} with --id")
    Path file;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:3000",
            description = "the Control Plane (or 'trellis serve') to apply to (default: ${DEFAULT-VALUE})")
    URI server;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "the bearer token of the server ('trellis serve' writes serve.token); for a loopback --server"
                    + " your own serve's token is found without it")
    Path tokenFile;

    @Option(names = "--id", paramLabel = "DATABASE_ID", description = "the database id when FILE has none")
    String databaseId;

    @Option(names = "--secrets", paramLabel = "SECRETS",
            description = "a spec or body whose passwords and keys fill in those FILE lacks (matched by username and service_id)")
    Path secretsFile;

    @Option(names = {"-y", "--yes"}, description = "apply without asking")
    boolean yes;

    @Option(names = "--dry-run", description = "validate and show the plan, send nothing")
    boolean dryRun;

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
            java.util.Optional<String> token;
            try {
                token = ServeToken.forServer(server, tokenFile, ServeToken.defaultFile());
            } catch (java.io.IOException e) {
                err.println("apply: cannot read the token file " + (tokenFile != null ? tokenFile : ServeToken.defaultFile())
                        + ": " + e.getMessage() + "; pass the file 'trellis serve' wrote with --token-file FILE");
                return 2;
            }
            cp = new RestControlPlane(server, token.orElse(null));
        }
        Database current;
        try {
            current = cp.database(id);
        } catch (ControlPlaneException e) {
            if (e.status() == 404) {
                current = null;
            } else {
                err.println("apply: " + cp.displayName() + ": " + e.getMessage()
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

        DatabaseSpec next = Json.convert(spec, DatabaseSpec.class);
        DatabaseSpec before = current != null && current.spec() != null ? current.spec()
                : new DatabaseSpec(next.databaseName(), null, null, null, null, null, null, List.of(), List.of(), List.of(), null);
        List<PlanChange> plan = Plan.between(before, next);
        out.println((current == null ? "Create" : "Update") + " database '" + id + "' on " + cp.displayName() + ":");
        if (plan.isEmpty()) {
            out.println("  no changes");
        }
        plan.forEach(c -> out.println("  " + c));
        out.flush();
        if (dryRun) {
            out.println("Dry run: nothing sent.");
            return 0;
        }
        if (!yes && !confirm(out)) {
            out.println("Not applied.");
            return 1;
        }
        Task task;
        try {
            task = current == null
                    ? cp.createDatabase(Json.convert(body, CreateDatabaseRequest.class))
                    : cp.updateDatabase(id, Json.convert(body, UpdateDatabaseRequest.class));
        } catch (ControlPlaneException e) {
            err.println("apply: refused: " + e.getMessage() + (e.name() != null ? " (" + e.name() + ")" : ""));
            return e.unreachable() ? 2 : 1;
        }
        return follow(cp, id, task, out, err);
    }

    private int follow(ControlPlane cp, String id, Task task, PrintWriter out, PrintWriter err) throws InterruptedException {
        out.println("Task " + task.taskId() + ": " + task.status());
        out.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        String after = null;
        String status = task.status();
        while (true) {
            try {
                TaskLog log = cp.taskLog(id, task.taskId(), after);
                if (log.entries() != null) {
                    for (TaskLogEntry e : log.entries()) {
                        out.println("  " + (e.timestamp() != null ? e.timestamp() + "  " : "") + e.message());
                    }
                }
                if (log.lastEntryId() != null) {
                    after = log.lastEntryId();
                }
                Task t = cp.task(id, task.taskId());
                status = t.status();
                if (status != null && DONE.contains(status.toLowerCase(Locale.ROOT))) {
                    out.println("Task " + task.taskId() + ": " + status + (t.error() != null ? ": " + t.error() : ""));
                    out.flush();
                    return "completed".equals(status) ? 0 : 1;
                }
            } catch (ControlPlaneException e) {
                err.println("apply: following the task: " + e.getMessage());
                err.flush();
                if (!e.unreachable()) {
                    return 1;
                }
            }
            out.flush();
            if (System.nanoTime() > deadline) {
                err.println("apply: task " + task.taskId() + " still " + status + " after " + timeoutSeconds
                        + " s; follow it with GET /v1/databases/" + id + "/tasks/" + task.taskId());
                return 1;
            }
            // The official Go client polls tasks every 500 ms.
            Thread.sleep(500);
        }
    }

    private boolean confirm(PrintWriter out) throws java.io.IOException {
        if (System.console() == null) {
            out.println("Not a terminal: pass --yes to apply without asking.");
            return false;
        }
        out.print("Apply? [y/N] ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
