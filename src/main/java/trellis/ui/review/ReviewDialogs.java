package trellis.ui.review;

import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** The review's dialogs are owned by the window they come from and wear its theme. */
final class ReviewDialogs {
    private ReviewDialogs() {
    }

    static void own(Dialog<?> dialog, Window owner) {
        dialog.setResizable(true);
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
    }
}
