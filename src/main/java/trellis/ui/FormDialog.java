package trellis.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * A dialog whose form is an FXML view: its OK button stays disabled while the form has a problem,
 * and the problem is said under the form in words that name the field and the way out.
 *
 * @param <C> the form's controller
 * @param <R> what the form gives when accepted
 */
final class FormDialog<C, R> {
    final Dialog<R> dialog = new Dialog<>();
    final C controller;
    private final Function<C, Optional<String>> problem;
    private final Label message;
    private final Node okButton;

    FormDialog(String fxml, String title, String header, String okText, Function<C, Optional<String>> problem,
               Function<C, R> result, Window owner) {
        FXMLLoader loader = new FXMLLoader(FormDialog.class.getResource("/trellis/fxml/" + fxml));
        Parent form;
        try {
            form = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        controller = loader.getController();
        this.problem = problem;
        message = (Label) form.lookup(".form-message");
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getStyleClass().add("form-dialog");
        ButtonType ok = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ok ? result.apply(controller) : null);
        if (owner != null) {
            dialog.initOwner(owner);
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId("form-ok");
    }

    /** Re-checks the form whenever one of these changes. */
    void watch(Observable... inputs) {
        for (Observable o : inputs) {
            o.addListener(x -> check());
        }
        check();
    }

    /** What an editable combo box holds: the text typed, else the item picked; stripped, never null. */
    static String text(javafx.scene.control.ComboBox<String> box) {
        String typed = box.getEditor().getText();
        String value = typed == null || typed.isBlank() ? box.getValue() : typed;
        return value == null ? "" : value.strip();
    }

    private void check() {
        Optional<String> p = problem.apply(controller);
        message.setText(p.orElse(""));
        okButton.setDisable(p.isPresent());
    }
}
