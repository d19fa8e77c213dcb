package trellis.ui.wizard;

import java.util.List;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;
import trellis.topology.Plan;

/**
 * A head start for the wizard's first open in a fresh console: off the FX thread (through the
 * TaskRunner, after the console's first frame), the wizard's decisions are run once on a shipped
 * template for each type (the validator, its schema and rules, Jackson's types, the plan) and the
 * classes of its pages are loaded, so that Ctrl+Shift+A later pays for neither. Touches no scene
 * and nothing of the person's; a failure only loses the head start.
 */
public final class WizardWarmup {
    private WizardWarmup() {
    }

    private static final List<String> CLASSES = List.of(
            "org.controlsfx.dialog.Wizard", "org.controlsfx.dialog.WizardPane", "org.controlsfx.dialog.Wizard$LinearFlow",
            "org.controlsfx.validation.ValidationSupport", "org.controlsfx.validation.ValidationResult",
            "org.controlsfx.validation.decoration.GraphicValidationDecoration", "org.controlsfx.control.decoration.Decorator",
            "org.controlsfx.control.decoration.DecorationPane", "org.controlsfx.control.decoration.GraphicDecoration",
            "javafx.scene.control.Dialog", "javafx.scene.control.DialogPane", "javafx.scene.control.ButtonBar",
            "javafx.scene.control.HeavyweightDialog", "javafx.scene.control.ComboBox", "javafx.scene.control.skin.ComboBoxListViewSkin",
            "javafx.scene.control.skin.ComboBoxPopupControl", "javafx.scene.control.PasswordField", "javafx.scene.control.TitledPane",
            "javafx.scene.control.skin.TitledPaneSkin", "javafx.scene.control.CheckBox", "javafx.scene.control.skin.CheckBoxSkin",
            "javafx.scene.control.RadioButton", "javafx.scene.control.skin.RadioButtonSkin", "javafx.scene.control.ToggleGroup",
            "javafx.scene.control.TextArea", "javafx.scene.control.skin.TextAreaSkin", "javafx.scene.layout.GridPane",
            "javafx.scene.control.Hyperlink", "javafx.scene.control.skin.HyperlinkSkin",
            "trellis.ui.wizard.ServiceWizard", "trellis.ui.wizard.StepPane", "trellis.ui.wizard.Pages", "trellis.ui.wizard.ConfigForms",
            "trellis.ui.wizard.ConfigBinder", "trellis.ui.wizard.RagForm", "trellis.ui.wizard.ReusedDecoration",
            "trellis.ui.review.ReviewView", "trellis.ui.review.LiveApplyWindow");

    /** Runs the wizard's model once per type and loads its pages' classes; returns how many classes were found. */
    public static int warm() throws Exception {
        CreateDatabaseRequest body = Json.MAPPER.readValue(
                WizardWarmup.class.getResource("/trellis/templates/separate-host.json"), CreateDatabaseRequest.class);
        for (ServiceTypes.ServiceType t : ServiceTypes.ALL) {
            ServiceWizardModel m = ServiceWizardModel.adding(body.id(), body.spec());
            m.setType(t.id());
            m.setServiceId("warm-up");
            m.setOnHost(m.hosts().get(0).hostId(), true);
            m.problemsByField();
            if (m.canFinish()) {
                Plan.between(m.original(), m.result());
            }
        }
        int found = 0;
        ClassLoader cl = WizardWarmup.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, false, cl);
                found++;
            } catch (ClassNotFoundException | LinkageError e) {
                // only a head start: the wizard loads whatever is missing itself
            }
        }
        return found;
    }
}
