package trellis.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.Secrets;
import trellis.spec.Task;
import trellis.spec.UpdateDatabaseRequest;
import trellis.topology.Plan;
import trellis.topology.PlanChange;

/**
 * Applying an edit of a live database without losing anyone's work. Before sending, the current
 * spec is fetched: when it changed since the edit began, nothing is sent and the person sees what
 * changed there (a {@link Conflict}), with the edit merged on top to send instead, or to discard.
 * The secrets a GET strips are put back by name from the edit and the specs the console knows; those
 * still missing are asked for by name, never sent blank. The full spec is sent. Blocks on the
 * network: call it from the TaskRunner's background work only. No JavaFX.
 */
public final class SafeApply {
    private static final Set<String> RUNNING = Set.of("pending", "running", "canceling");

    private final ControlPlane cp;
    private final String databaseId;

    public SafeApply(ControlPlane cp, String databaseId) {
        this.cp = cp;
        this.databaseId = databaseId;
    }

    public sealed interface Outcome permits Sent, Conflict, SecretsNeeded, Refused {
    }

    /** The update was accepted; the task to follow in the Tasks tab. */
    public record Sent(Task task, DatabaseSpec spec) implements Outcome {
    }

    /**
     * The spec changed on the server since the edit began.
     *
     * @param current      the spec there now (the new base if the person re-applies)
     * @param theirChanges what changed there, from the spec the edit began with
     * @param merged       the edit applied on top of {@code current}, with the items both changed
     */
    public record Conflict(DatabaseSpec current, List<PlanChange> theirChanges, SpecMerge.Result merged) implements Outcome {
    }

    /** Secrets the console does not know; ask for them by name and apply again with them. */
    public record SecretsNeeded(List<MissingSecrets.Secret> secrets) implements Outcome {
    }

    /**
     * The server said no; the edit is kept.
     *
     * @param retryWhenTaskEnds true for a 409 operation_already_in_progress: the same apply may go once the task ends
     */
    public record Refused(String message, boolean retryWhenTaskEnds) implements Outcome {
    }

    /**
     * @param base     the spec the edit began from
     * @param edited   the edited spec
     * @param known    specs of this database the console holds with their secrets (its open spec files)
     * @param answered secrets the person typed, by {@link MissingSecrets.Secret#name()}
     */
    public Outcome apply(DatabaseSpec base, DatabaseSpec edited, List<DatabaseSpec> known, Map<String, String> answered) {
        try {
            DatabaseSpec current = cp.database(databaseId).spec();
            if (!SpecMerge.same(Json.toTree(current), Json.toTree(base))) {
                return new Conflict(current, Plan.between(base, current), SpecMerge.merge(base, edited, current));
            }
            JsonNode full = Json.toTree(edited);
            full = Secrets.merge(full, Json.toTree(base));
            for (DatabaseSpec k : known) {
                full = Secrets.merge(full, Json.toTree(k));
            }
            List<MissingSecrets.Secret> needed = MissingSecrets.of(full);
            full = MissingSecrets.fill(full, needed, answered);
            List<MissingSecrets.Secret> still = MissingSecrets.of(full);
            if (!still.isEmpty()) {
                return new SecretsNeeded(still);
            }
            DatabaseSpec send = Json.convert(full, DatabaseSpec.class);
            return new Sent(cp.updateDatabase(databaseId, new UpdateDatabaseRequest(null, send, null)), send);
        } catch (ControlPlaneException e) {
            return refused(e);
        }
    }

    private static String sentence(String words) {
        return words == null || words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private Refused refused(ControlPlaneException e) {
        if (e.status() == 409 && "operation_already_in_progress".equals(e.name())) {
            // the client's words already name the database and the wait ("database 'x' is busy with another task …")
            return new Refused(sentence(e.getMessage()) + ". Your edit is kept: retry when that task ends.", true);
        }
        if (e.status() == 400) {
            return new Refused(sentence(e.getMessage()) + ". Your edit is kept: change it and apply again.", false);
        }
        if (e.unreachable()) {
            return new Refused("Nothing was sent: " + e.getMessage() + ". Your edit is kept: apply again when the "
                    + "Control Plane answers.", false);
        }
        return new Refused("The Control Plane answered " + e.status() + " " + e.name() + ": " + e.getMessage()
                + ". Your edit is kept.", false);
    }

    /** Whether a task of this database is still running (a source that keeps no history says no). */
    public boolean taskRunning() throws ControlPlaneException {
        return cp.tasks(databaseId).stream().anyMatch(t -> t.status() != null && RUNNING.contains(t.status()));
    }
}
