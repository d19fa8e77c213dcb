package trellis.ui.review;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import trellis.engine.ControlPlane;
import trellis.spec.DatabaseSpec;
import trellis.spec.Host;
import trellis.spec.Task;
import trellis.ui.TaskRunner;
import trellis.ui.Theme;

/**
 * The review of an edit of a live database, after the wizard's Finish: the same review, with Apply
 * ({@code #review-apply}) sending the full spec through {@link ApplyFlow}. It stays open while the
 * server refuses (the message at {@code #review-error}, the edit kept) and closes once the update
 * is accepted, its task handed on to be followed, or when the person discards after a conflict.
 */
public final class LiveApplyWindow {
    private final Stage stage = new Stage();
    private final ReviewView review;
    private final HBox buttons;
    private Runnable onDiscard = () -> { };

    /**
     * @param known  the database's specs the console holds with secrets (its open spec files)
     * @param onSent the accepted update's task (to follow in the Tasks tab)
     */
    public LiveApplyWindow(Window owner, Theme theme, TaskRunner runner, ControlPlane cp, String databaseId,
                           DatabaseSpec base, DatabaseSpec edited, List<Host> hosts, List<DatabaseSpec> known,
                           String what, Consumer<Task> onSent) {
        review = ReviewView.of(base, edited, hosts);
        VBox.setVgrow(review, Priority.ALWAYS);
        Label head = new Label(what + " — review, then apply to database '" + databaseId + "'. Apply sends the whole spec; "
                + "nothing has been sent yet.");
        head.setWrapText(true);
        head.getStyleClass().add("review-heading");
        Button apply = new Button("Apply");
        apply.setId("review-apply");
        apply.setDefaultButton(true);
        Button cancel = new Button("Cancel");
        cancel.setId("review-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        buttons = new HBox(8, gap, cancel, apply);
        VBox root = new VBox(10, head, review, buttons);
        root.setStyle("-fx-padding: 12;");
        root.getStyleClass().add("live-apply");
        ApplyFlow flow = new ApplyFlow(runner, cp, databaseId, stage, review, known, task -> {
            stage.close();
            onSent.accept(task);
        }, () -> {
            stage.close();
            onDiscard.run();
        });
        apply.setOnAction(e -> flow.apply(base, edited));
        Scene scene = new Scene(root, 1000, 760);
        theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle("Review and apply — " + databaseId);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
    }

    /** What "Discard my edit" after a conflict does besides closing the review (the editor's draft is discarded). */
    public void setOnDiscard(Runnable onDiscard) {
        this.onDiscard = onDiscard;
    }

    /** Another button at the start of the row (the editor's Discard the draft…). */
    public void addButton(Button b) {
        buttons.getChildren().add(0, b);
    }

    public void show() {
        stage.show();
    }

    public ReviewView review() {
        return review;
    }

    public Stage stage() {
        return stage;
    }
}
