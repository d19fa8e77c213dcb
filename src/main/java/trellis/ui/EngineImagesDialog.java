package trellis.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import trellis.engine.LocalEngineDetection;

/**
 * Engine &gt; Images…: the image reference the local engine runs for each service type, the
 * default shown under each field; a reference Docker would refuse is said in words naming the type
 * and the field, and OK waits until all three can be pulled. View: {@code fxml/EngineImagesDialog.fxml}.
 */
public final class EngineImagesDialog {
    @FXML private TextField postgrestImageField;
    @FXML private TextField mcpImageField;
    @FXML private TextField ragImageField;
    @FXML private Label postgrestDefault;
    @FXML private Label mcpDefault;
    @FXML private Label ragDefault;
    private BiFunction<String, String, Optional<String>> check = (t, r) -> Optional.empty();

    private Map<String, TextField> fields() {
        Map<String, TextField> m = new LinkedHashMap<>();
        m.put("postgrest", postgrestImageField);
        m.put("mcp", mcpImageField);
        m.put("rag", ragImageField);
        return m;
    }

    /** The first image Docker would refuse, in the engine's words; empty when all can be pulled. */
    Optional<String> problem() {
        for (Map.Entry<String, TextField> e : fields().entrySet()) {
            Optional<String> p = check.apply(e.getKey(), e.getValue().getText());
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private Map<String, String> images() {
        Map<String, String> m = new LinkedHashMap<>();
        fields().forEach((type, f) -> m.put(type, f.getText().strip()));
        return m;
    }

    /**
     * Shows the dialog over the images the settings hold (else the defaults); on OK remembers them
     * in the settings. True when something was kept.
     */
    public static boolean edit(Window owner, Settings settings, LocalEngineDetection engine) {
        Map<String, String> defaults = engine.defaultImages();
        Map<String, String> stored = EngineImages.stored(settings);
        FormDialog<EngineImagesDialog, Map<String, String>> d = new FormDialog<>("EngineImagesDialog.fxml", "Images",
                "The image the local engine runs for each service type", "Save", EngineImagesDialog::problem,
                EngineImagesDialog::images, owner);
        EngineImagesDialog c = d.controller;
        c.check = engine::imageProblem;
        Map<String, Label> hints = Map.of("postgrest", c.postgrestDefault, "mcp", c.mcpDefault, "rag", c.ragDefault);
        c.fields().forEach((type, f) -> {
            String def = defaults.getOrDefault(type, "");
            f.setText(stored.getOrDefault(type, def));
            f.setPromptText(def);
            hints.get(type).setText(def.isEmpty() ? "" : "default: " + def);
        });
        d.watch(c.postgrestImageField.textProperty(), c.mcpImageField.textProperty(), c.ragImageField.textProperty());
        Optional<Map<String, String>> images = d.dialog.showAndWait();
        images.ifPresent(m -> EngineImages.store(settings, m, defaults));
        return images.isPresent();
    }
}
