package trellis.ui.wizard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * Controls bound to keys of the service's {@code config}: what is typed is put at its path in the
 * model as it is typed (numbers as numbers, anything else as typed, so the validator says what is
 * wrong), an empty field removes the key so the Control Plane's default applies, and a field that
 * does not apply now (the OpenAI key while the provider is Anthropic, the LLM fields with the LLM
 * off) is disabled and its key left out, its text kept for when it applies again.
 */
final class ConfigBinder {
    private record Bound(Control control, String path, Supplier<JsonNode> value, BooleanSupplier active) {
    }

    private final StepPane pane;
    private final List<Bound> bound = new ArrayList<>();
    private boolean syncing;

    ConfigBinder(StepPane pane) {
        this.pane = pane;
    }

    static String controlId(String path) {
        return "config-" + path.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "").replace('_', '-');
    }

    TextField text(GridPane g, String label, String path, String prompt, BooleanSupplier active) {
        return textLike(g, label, path, prompt, new TextField(), ConfigPath::text, active);
    }

    TextField number(GridPane g, String label, String path, String prompt, BooleanSupplier active) {
        return textLike(g, label, path, prompt, new TextField(), ConfigPath::number, active);
    }

    PasswordField secret(GridPane g, String label, String path, String prompt, BooleanSupplier active) {
        return textLike(g, label, path, prompt, new PasswordField(), ConfigPath::text, active);
    }

    private <T extends TextField> T textLike(GridPane g, String label, String path, String prompt, T field,
                                             Function<String, JsonNode> convert, BooleanSupplier active) {
        field.setId(controlId(path));
        JsonNode now = pane.model.config(path);
        field.setText(now.isMissingNode() || now.isNull() ? "" : now.isTextual() ? now.asText() : now.toString());
        field.setPromptText(prompt);
        add(new Bound(field, path, () -> convert.apply(field.getText()), active));
        field.textProperty().addListener((o, a, b) -> changed());
        pane.row(g, label, field, field, "config." + path);
        return field;
    }

    /** A switch: ticked puts true; unticked leaves the key out (false is the Control Plane's default) unless it was false. */
    CheckBox bool(GridPane g, String label, String text, String path, BooleanSupplier active) {
        CheckBox box = new CheckBox(text);
        box.setId(controlId(path));
        JsonNode now = pane.model.config(path);
        box.setSelected(now.asBoolean(false));
        boolean explicitFalse = now.isBoolean() && !now.asBoolean();
        add(new Bound(box, path, () -> box.isSelected() ? BooleanNode.TRUE : explicitFalse ? BooleanNode.FALSE : null, active));
        box.selectedProperty().addListener((o, a, b) -> changed());
        pane.row(g, label, box, box, "config." + path);
        return box;
    }

    /** A tool switch: ticked means the tool is on, i.e. {@code disable_x} left out; unticked sends {@code disable_x: true}. */
    CheckBox tool(GridPane g, String label, String text, String path) {
        CheckBox box = new CheckBox(text);
        box.setId(controlId(path));
        box.setSelected(!pane.model.config(path).asBoolean(false));
        add(new Bound(box, path, () -> box.isSelected() ? null : BooleanNode.TRUE, () -> true));
        box.selectedProperty().addListener((o, a, b) -> changed());
        pane.row(g, label, box, box, "config." + path);
        return box;
    }

    /** A choice among the values the Control Plane accepts; "" (shown as the prompt) leaves the key out. */
    ComboBox<String> choice(GridPane g, String label, String path, List<String> values, String prompt, BooleanSupplier active) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(controlId(path));
        box.getItems().setAll(values);
        box.setPromptText(prompt);
        JsonNode now = pane.model.config(path);
        if (now.isTextual()) {
            if (!values.contains(now.asText())) {
                box.getItems().add(now.asText());
            }
            box.setValue(now.asText());
        }
        box.setMaxWidth(Double.MAX_VALUE);
        add(new Bound(box, path, () -> ConfigPath.text(box.getValue()), active));
        box.valueProperty().addListener((o, a, b) -> changed());
        pane.row(g, label, box, box, "config." + path);
        return box;
    }

    private void add(Bound b) {
        bound.add(b);
        b.control().setDisable(!b.active().getAsBoolean());
    }

    /** Puts every field's value in the model (those that do not apply left out), then shows the problems. */
    void changed() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            for (Bound b : bound) {
                boolean on = b.active().getAsBoolean();
                b.control().setDisable(!on);
                JsonNode v = on ? b.value().get() : null;
                JsonNode now = pane.model.config(b.path());
                boolean same = v == null ? now.isMissingNode() : v.equals(now);
                if (!same) {
                    pane.model.setConfig(b.path(), v);
                }
            }
            pane.model.configChanged();
        } finally {
            syncing = false;
        }
        pane.refresh();
    }
}
