package trellis.ui.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import trellis.ui.model.MissingSecrets;

/**
 * Asks for the secrets the console does not know, one password field per secret ({@code #secret-<name>});
 * Apply stays disabled while one is blank, so nothing is ever sent blank.
 */
public final class SecretPrompt {
    static final ButtonType SEND = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);

    final Dialog<Map<String, String>> dialog = new Dialog<>();

    public SecretPrompt(List<MissingSecrets.Secret> secrets, Window owner) {
        dialog.setTitle("Secrets needed");
        dialog.setHeaderText("The Control Plane never returns secrets, and no open spec file has these.\n"
                + "Type them to apply; they are sent once and kept nowhere.");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.getStyleClass().add("form");
        Map<String, PasswordField> fields = new LinkedHashMap<>();
        BooleanBinding blank = Bindings.createBooleanBinding(() -> false);
        int row = 0;
        for (MissingSecrets.Secret s : secrets) {
            PasswordField f = new PasswordField();
            f.setId("secret-" + s.name());
            f.setPrefColumnCount(24);
            fields.put(s.name(), f);
            Label l = new Label(s.label());
            l.setLabelFor(f);
            grid.addRow(row++, l, f);
            blank = blank.or(f.textProperty().isEmpty());
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(SEND, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(SEND).setId("secret-send");
        dialog.getDialogPane().lookupButton(SEND).disableProperty().bind(blank);
        dialog.setResultConverter(b -> {
            if (b != SEND) {
                return null;
            }
            Map<String, String> out = new LinkedHashMap<>();
            fields.forEach((name, f) -> out.put(name, f.getText()));
            return out;
        });
        ReviewDialogs.own(dialog, owner);
    }

    public Optional<Map<String, String>> ask() {
        return dialog.showAndWait();
    }
}
