package trellis.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Closing the console (the window's close button or File > Quit) while an open spec file has
 * edits not saved, or an edit of a live database waits unapplied at its review, asks "Save /
 * Discard / Cancel" naming them: Save writes the files (each asked about its secrets as Save
 * asks) and then closes, Discard closes, Cancel keeps the window open. FX thread only.
 */
final class UnsavedEdits {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);
    static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private final Stage stage;
    private final SpecFileCommands files;
    private final Supplier<List<String>> unapplied;
    private final Runnable discardUnapplied;

    private UnsavedEdits(Stage stage, SpecFileCommands files, Supplier<List<String>> unapplied, Runnable discardUnapplied) {
        this.stage = stage;
        this.files = files;
        this.unapplied = unapplied;
        this.discardUnapplied = discardUnapplied;
    }

    /** Has the stage's close requests ask first; the returned object's {@link #close()} is File > Quit's. */
    static UnsavedEdits install(Stage stage, SpecFileCommands files, ServiceWizardCommands wizard) {
        UnsavedEdits u = new UnsavedEdits(stage, files, wizard::unapplied, wizard::discardUnapplied);
        stage.setOnCloseRequest(u::onCloseRequest);
        return u;
    }

    private void onCloseRequest(WindowEvent e) {
        // the window closes here when it may, and after the saves when Save was chosen
        e.consume();
        close();
    }

    /** Closes the window, first asking when there are edits not saved or not applied. */
    void close() {
        List<Sources.FileSource> unsaved = files.unsaved();
        List<String> pending = unapplied.get();
        if (unsaved.isEmpty() && pending.isEmpty()) {
            stage.close();
            return;
        }
        ButtonType answer = ask(unsaved, pending);
        if (answer == SAVE) {
            files.saveAll(() -> {
                discardUnapplied.run();
                stage.close();
            });
        } else if (answer == DISCARD) {
            discardUnapplied.run();
            stage.close();
        }
    }

    /** What the question says, line by line: the files not saved, then the live edits not applied. */
    static String text(List<Sources.FileSource> unsaved, List<String> pending) {
        List<String> lines = new ArrayList<>();
        if (!unsaved.isEmpty()) {
            lines.add("Spec files with edits not saved:");
            unsaved.forEach(f -> lines.add("    " + f.label() + " (database '" + f.databaseId() + "')"));
        }
        if (!pending.isEmpty()) {
            lines.add("Edits of live databases waiting at their review, not applied:");
            pending.forEach(p -> lines.add("    " + p));
        }
        lines.add("");
        if (!unsaved.isEmpty()) {
            lines.add("Save writes the files, then closes" + (pending.isEmpty() ? "" : " (the unapplied edits are dropped)") + ".");
        }
        lines.add("Discard closes without them. Cancel keeps the window open.");
        return String.join("\n", lines);
    }

    private ButtonType ask(List<Sources.FileSource> unsaved, List<String> pending) {
        List<ButtonType> buttons = new ArrayList<>();
        if (!unsaved.isEmpty()) {
            buttons.add(SAVE);
        }
        buttons.add(DISCARD);
        buttons.add(CANCEL);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text(unsaved, pending), buttons.toArray(ButtonType[]::new));
        a.setTitle("Close Trellis");
        a.setHeaderText("Close with edits not saved or not applied?");
        a.initOwner(stage);
        a.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        a.getDialogPane().setId("unsaved-edits");
        a.getDialogPane().setMinWidth(520);
        if (!unsaved.isEmpty()) {
            a.getDialogPane().lookupButton(SAVE).setId("unsaved-save");
        }
        a.getDialogPane().lookupButton(DISCARD).setId("unsaved-discard");
        a.getDialogPane().lookupButton(CANCEL).setId("unsaved-cancel");
        if (unsaved.isEmpty()) {
            // nothing to save: Enter keeps the window rather than dropping the edits
            javafx.scene.control.Button cancel = (javafx.scene.control.Button) a.getDialogPane().lookupButton(CANCEL);
            cancel.setDefaultButton(true);
            javafx.application.Platform.runLater(cancel::requestFocus);
        }
        return a.showAndWait().orElse(CANCEL);
    }
}
