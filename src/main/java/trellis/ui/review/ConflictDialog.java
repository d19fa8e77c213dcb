package trellis.ui.review;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import trellis.topology.PlanChange;
import trellis.ui.model.SafeApply;

/**
 * Said when the database's spec changed on the server since the edit began: what changed there,
 * the items both sides changed, and the choice: apply the edit on top of theirs, discard it, or go
 * back to the review. Controls: {@code #conflict-their-changes}, {@code #conflict-overlaps},
 * buttons {@code #conflict-reapply}, {@code #conflict-discard}.
 */
public final class ConflictDialog {
    /** What the person chose. */
    public enum Choice { REAPPLY, DISCARD, BACK }

    static final ButtonType REAPPLY = new ButtonType("Apply my edit on top", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType DISCARD = new ButtonType("Discard my edit", ButtonBar.ButtonData.OTHER);

    final Dialog<Choice> dialog = new Dialog<>();

    public ConflictDialog(String databaseId, SafeApply.Conflict conflict, Window owner) {
        dialog.setTitle("The spec changed meanwhile");
        dialog.setHeaderText("Someone changed database '" + databaseId + "' since you began this edit.\n"
                + "Nothing was sent. Their changes are kept if you apply your edit on top of them.");
        List<String> theirs = conflict.theirChanges().stream().map(PlanChange::toString).toList();
        ListView<String> changes = new ListView<>(FXCollections.observableArrayList(theirs));
        changes.setId("conflict-their-changes");
        changes.getStyleClass().add("review-list");
        changes.setFixedCellSize(24);
        changes.setPrefHeight(Math.min(Math.max(theirs.size(), 1), 8) * 24 + 4);
        List<String> both = conflict.merged().overlaps().stream()
                .map(o -> o + ": changed there too; your version replaces theirs").toList();
        ListView<String> overlaps = new ListView<>(FXCollections.observableArrayList(
                both.isEmpty() ? List.of("None: your edit and theirs touch different things.") : both));
        overlaps.setId("conflict-overlaps");
        overlaps.getStyleClass().addAll("review-list", both.isEmpty() ? "review-quiet" : "review-attention");
        overlaps.setFixedCellSize(24);
        overlaps.setPrefHeight(Math.min(Math.max(both.size(), 1), 4) * 24 + 4);
        Label h1 = new Label("What changed there");
        Label h2 = new Label("Changed on both sides");
        h1.getStyleClass().add("review-heading");
        h2.getStyleClass().add("review-heading");
        VBox box = new VBox(6, h1, changes, h2, overlaps);
        box.getStyleClass().add("review");
        box.setPrefWidth(640);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(REAPPLY, DISCARD, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(REAPPLY).setId("conflict-reapply");
        dialog.getDialogPane().lookupButton(DISCARD).setId("conflict-discard");
        dialog.setResultConverter(b -> b == REAPPLY ? Choice.REAPPLY : b == DISCARD ? Choice.DISCARD : Choice.BACK);
        ReviewDialogs.own(dialog, owner);
    }

    public Choice ask() {
        return dialog.showAndWait().orElse(Choice.BACK);
    }
}
