package trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.Task;
import trellis.spec.UpdateDatabaseRequest;
import trellis.topology.Plan;
import trellis.topology.PlanChange;

/**
 * What apply and delete-service share once the new spec is known and checked: the plan in words
 * against the server's current spec, a y/N question unless --yes, the full spec sent, and the task
 * followed to its end.
 */
final class ServerChange {
    /** How the person asked: --yes, --dry-run, --json, how long to follow, and the command's name for messages. */
    record Asked(boolean yes, boolean dryRun, boolean json, Duration timeout, String command) {
    }

    private ServerChange() {
    }

    /**
     * @param current the database as the server has it, or null to create it
     * @param spec the full new spec, secrets included
     */
    static int run(ControlPlane cp, String id, Database current, JsonNode spec, Asked asked, PrintWriter out, PrintWriter err)
            throws InterruptedException, IOException {
        DatabaseSpec next = Json.convert(spec, DatabaseSpec.class);
        // The server sends no secrets back: the plan compares with its spec as if it had the ones sent, so resending them is no change.
        DatabaseSpec before = current != null && current.spec() != null
                ? Json.convert(trellis.spec.Secrets.merge(Json.toTree(current.spec()), spec), DatabaseSpec.class)
                : new DatabaseSpec(next.databaseName(), null, null, null, null, null, null, List.of(), List.of(), List.of(), null);
        List<PlanChange> plan = Plan.between(before, next);
        if (!asked.json()) {
            out.println((current == null ? "Create" : "Update") + " database '" + id + "' on " + cp.displayName() + ":");
            if (plan.isEmpty()) {
                out.println("  no changes");
            }
            plan.forEach(c -> out.println("  " + c));
            out.flush();
        }
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("database_id", id);
        doc.put("action", current == null ? "create" : "update");
        ArrayNode planned = doc.putArray("plan");
        plan.forEach(c -> planned.add(c.toString()));
        if (asked.dryRun()) {
            if (asked.json()) {
                Output.json(out, doc);
            } else {
                out.println("Dry run: nothing sent.");
            }
            return 0;
        }
        if (!asked.yes()) {
            if (asked.json()) {
                err.println(asked.command() + ": --json cannot ask; pass --yes (or --dry-run)");
                return 1;
            }
            if (!confirm(out)) {
                out.println("Not applied.");
                return 1;
            }
        }
        Task task;
        try {
            ObjectNode body = Json.MAPPER.createObjectNode();
            if (current == null) {
                body.put("id", id);
            }
            body.set("spec", spec);
            task = current == null
                    ? cp.createDatabase(Json.convert(body, CreateDatabaseRequest.class))
                    : cp.updateDatabase(id, Json.convert(body, UpdateDatabaseRequest.class));
        } catch (ControlPlaneException e) {
            err.println(asked.command() + ": not applied: " + e.getMessage());
            return e.unreachable() ? 2 : 1;
        }
        TaskFollower.Outcome o = TaskFollower.follow(cp, id, task, asked.timeout(), out, err, asked.json());
        if (asked.json()) {
            doc.set("task", Json.toTree(o.task()));
            doc.set("log", Json.toTree(o.log()));
            Output.json(out, doc);
        }
        return o.exit();
    }

    static boolean confirm(PrintWriter out) throws IOException {
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
