package trellis.ui;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import trellis.engine.ControlPlane;
import trellis.spec.DatabaseSpec;
import trellis.spec.Host;
import trellis.ui.action.ActionContext;
import trellis.ui.review.LiveApplyWindow;
import trellis.ui.review.ReviewView;

/**
 * The review of the editor's draft, opened from the status bar's "Draft: N changes — Review…": a
 * spec file's against the file as opened, with Discard; a live database's against the spec it
 * began from, with Apply through the wizard's safe apply ({@link LiveApplyWindow}: the server's
 * spec fetched first, a conflict shown, secrets merged by name or asked) and Discard, its task
 * followed in the Tasks tab. FX thread only.
 */
final class DraftReview {
    private final Supplier<ActionContext> ctx;
    private final Supplier<Window> owner;
    private final Supplier<Theme> theme;
    private final Function<String, List<DatabaseSpec>> openFileSpecs;

    /**
     * @param ctx           the actions' context, its started tasks followed in the Tasks tab
     * @param openFileSpecs the database's specs the console holds with secrets (its open spec files)
     */
    DraftReview(Supplier<ActionContext> ctx, Supplier<Window> owner, Supplier<Theme> theme,
                Function<String, List<DatabaseSpec>> openFileSpecs) {
        this.ctx = ctx;
        this.owner = owner;
        this.theme = theme;
        this.openFileSpecs = openFileSpecs;
    }

    private Button discardButton(String label, Stage stage, Runnable discard) {
        Button b = new Button("Discard the draft…");
        b.setId("draft-discard-button");
        b.setOnAction(e -> {
            if (ctx.get().dialogs().confirm("Discard the draft?", "Every change drafted on " + label
                    + " is taken back (Edit > Undo brings them back).")) {
                discard.run();
                stage.close();
            }
        });
        return b;
    }

    /** A spec file's draft against the file as opened. */
    void file(String databaseId, String label, DatabaseSpec opened, DatabaseSpec draft, Runnable discard) {
        Stage stage = new Stage();
        stage.setTitle("Review the draft of " + databaseId);
        Button close = new Button("Close");
        close.setId("draft-review-close");
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, discardButton(label + " since it was opened", stage, discard), close);
        buttons.getStyleClass().add("dialog-buttons");
        buttons.setStyle("-fx-padding: 8; -fx-alignment: center-right;");
        ScrollPane body = new ScrollPane(ReviewView.of(opened, draft, List.of()));
        body.setFitToWidth(true);
        BorderPane root = new BorderPane(body, null, null, buttons, null);
        root.getStyleClass().add("review-window");
        Scene scene = new Scene(root, 900, 640);
        Window w = owner.get();
        if (w != null) {
            stage.initOwner(w);
            scene.getStylesheets().setAll(w.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }

    /**
     * A live database's draft: the cluster's hosts read first (through the runner; without them the
     * review says less about hosts), then the review whose Apply sends the whole spec safely.
     *
     * @param applied the update was accepted (the draft has nothing left to apply)
     */
    void live(Sources.LiveSource source, String databaseId, DatabaseSpec base, DatabaseSpec edited, int changes,
              Runnable discard, Runnable applied) {
        ControlPlane cp = source.controlPlane();
        ActionContext c = ctx.get();
        List<DatabaseSpec> known = openFileSpecs.apply(databaseId);
        c.runner().run(cp::hosts, hosts -> {
            source.hosts().take(hosts);
            openLive(source, databaseId, base, edited, changes, hosts, known, discard, applied);
        }, error -> {
            c.log("Review: the hosts of " + source.label() + " could not be read (" + ActionContext.message(error) + ")");
            openLive(source, databaseId, base, edited, changes, List.of(), known, discard, applied);
        });
    }

    private void openLive(Sources.LiveSource source, String databaseId, DatabaseSpec base, DatabaseSpec edited, int changes,
                          List<Host> hosts, List<DatabaseSpec> known, Runnable discard, Runnable applied) {
        ControlPlane cp = source.controlPlane();
        ActionContext c = ctx.get();
        String what = "Draft: " + changes + (changes == 1 ? " change" : " changes");
        LiveApplyWindow w = new LiveApplyWindow(owner.get(), theme.get(), c.runner(), cp, databaseId, base, edited, hosts, known,
                what, task -> {
                    c.started(cp, task, "Apply the draft of '" + databaseId + "' on " + cp.displayName());
                    applied.run();
                });
        w.addButton(discardButton("'" + databaseId + "' on " + source.label(), w.stage(), discard));
        w.setOnDiscard(discard); // "Discard my edit" after a conflict: the draft goes, as the button's would

        w.show();
    }
}
