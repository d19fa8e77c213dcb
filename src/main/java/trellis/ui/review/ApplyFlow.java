package trellis.ui.review;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import trellis.engine.ControlPlane;
import trellis.spec.DatabaseSpec;
import trellis.spec.Task;
import trellis.ui.TaskRunner;
import trellis.ui.model.SafeApply;

/**
 * Apply from the review, on the FX thread: the network work goes through the TaskRunner
 * ({@link SafeApply}); back here a conflict is put to the person ({@link ConflictDialog}), missing
 * secrets are asked for ({@link SecretPrompt}), and a refusal is shown at the review with, for a
 * task in progress, the offer to apply again when it ends. The edit is never lost on the way.
 */
public final class ApplyFlow {
    private static final long POLL_MILLIS = 2000;
    private static final int MAX_POLLS = 300;

    private final TaskRunner runner;
    private final SafeApply safe;
    private final String databaseId;
    private final Window owner;
    private final ReviewView review;
    private final List<DatabaseSpec> known;
    private final Consumer<Task> onSent;
    private final Runnable onDiscard;

    /**
     * @param known     the database's specs the console holds with secrets (its open files)
     * @param onSent    the task to follow in the Tasks tab
     * @param onDiscard the person discarded the edit after a conflict
     */
    public ApplyFlow(TaskRunner runner, ControlPlane cp, String databaseId, Window owner, ReviewView review,
                     List<DatabaseSpec> known, Consumer<Task> onSent, Runnable onDiscard) {
        this.runner = runner;
        this.safe = new SafeApply(cp, databaseId);
        this.databaseId = databaseId;
        this.owner = owner;
        this.review = review;
        this.known = List.copyOf(known);
        this.onSent = onSent;
        this.onDiscard = onDiscard;
    }

    /** Applies {@code edited}, begun from {@code base}. */
    public void apply(DatabaseSpec base, DatabaseSpec edited) {
        apply(base, edited, Map.of());
    }

    private void apply(DatabaseSpec base, DatabaseSpec edited, Map<String, String> answered) {
        review.showError("");
        runner.run(() -> safe.apply(base, edited, known, answered), outcome -> handle(base, edited, answered, outcome),
                error -> review.showError("Not applied: " + error.getMessage() + ". Your edit is kept."));
    }

    private void handle(DatabaseSpec base, DatabaseSpec edited, Map<String, String> answered, SafeApply.Outcome outcome) {
        if (outcome instanceof SafeApply.Sent sent) {
            onSent.accept(sent.task());
        } else if (outcome instanceof SafeApply.Conflict c) {
            switch (new ConflictDialog(databaseId, c, owner).ask()) {
                case REAPPLY -> apply(c.current(), c.merged().spec(), answered);
                case DISCARD -> onDiscard.run();
                case BACK -> review.showError("Not applied: the spec changed on the server since you began. Apply again to see it.");
            }
        } else if (outcome instanceof SafeApply.SecretsNeeded needed) {
            new SecretPrompt(needed.secrets(), owner).ask().ifPresentOrElse(
                    typed -> {
                        Map<String, String> all = new java.util.HashMap<>(answered);
                        all.putAll(typed);
                        apply(base, edited, all);
                    },
                    () -> review.showError("Not applied: the secrets were not given. Your edit is kept."));
        } else if (outcome instanceof SafeApply.Refused refused) {
            review.showError(refused.message());
            if (refused.retryWhenTaskEnds() && offerRetry(refused.message())) {
                review.showError(refused.message() + "\nWaiting for the running task to end, then applying again…");
                runner.run(this::awaitTaskEnd, ended -> apply(base, edited, answered),
                        error -> review.showError("Not applied: " + error.getMessage() + ". Your edit is kept."));
            }
        }
    }

    private boolean offerRetry(String message) {
        ButtonType retry = new ButtonType("Apply when it ends", ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.INFORMATION, message, retry, ButtonType.CANCEL);
        a.setHeaderText("A task is running on database '" + databaseId + "'");
        ReviewDialogs.own(a, owner);
        a.getDialogPane().lookupButton(retry).setId("apply-retry");
        return a.showAndWait().filter(b -> b == retry).isPresent();
    }

    /** Background: waits until no task of the database runs (a source without task history: one pause). */
    private Boolean awaitTaskEnd() throws Exception {
        for (int i = 0; i < MAX_POLLS; i++) {
            Thread.sleep(POLL_MILLIS);
            if (!safe.taskRunning()) {
                return true;
            }
        }
        throw new IllegalStateException("the running task of '" + databaseId + "' did not end in 10 minutes");
    }
}
