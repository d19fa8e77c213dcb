package trellis.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;
import trellis.spec.DatabaseSpec;
import trellis.topology.Plan;
import trellis.topology.PlanChange;
import trellis.ui.Theme;
import trellis.ui.wizard.ServiceWizardModel.Page;

/**
 * The Add Service wizard (and Edit service: the same pages pre-filled, id and type fixed), on
 * ControlsFX's {@link Wizard}: type, identity, placement, connect_as, configuration, resources and
 * connection, review. The decisions are the {@link ServiceWizardModel}'s; the review page is
 * whatever the given function makes of the spec before and after (by default the plan in words).
 */
public final class ServiceWizard {
    /** The review page until a richer one is given: the plan in words, read-only. */
    public static final BiFunction<DatabaseSpec, DatabaseSpec, Node> PLAN_IN_WORDS = ServiceWizard::planInWords;

    private final ServiceWizardModel model;
    private final Wizard wizard;
    private final List<StepPane> pages = new ArrayList<>();

    /**
     * @param owner    the console's window (its stylesheets are the wizard's), or null
     * @param review   the review page's content for the spec before and after the edit
     * @param onFinish given the model when the person presses Finish
     */
    public ServiceWizard(Window owner, Theme theme, ServiceWizardModel model,
                         BiFunction<DatabaseSpec, DatabaseSpec, Node> review, Consumer<ServiceWizardModel> onFinish) {
        this.model = model;
        String verb = model.isEditing() ? "Edit service '" + model.serviceId() + "'" : "Add a service";
        wizard = new Wizard(owner, verb + " to " + model.databaseId());
        wizard.setTitle(model.isEditing() ? "Edit service" : "Add service");
        pages.add(new StepPane(model, Page.TYPE, "What kind of service?", () -> Pages.type(pages.get(0))));
        pages.add(new StepPane(model, Page.IDENTITY, "Its id and version", () -> Pages.identity(pages.get(1))));
        pages.add(new StepPane(model, Page.PLACEMENT, "The hosts it runs on", () -> Pages.placement(pages.get(2))));
        pages.add(new StepPane(model, Page.CONNECT_AS, "The database user it connects as", () -> Pages.connectAs(pages.get(3))));
        pages.add(new StepPane(model, Page.CONFIGURATION, "Its configuration", () -> ConfigForms.of(pages.get(4))) {
            private String builtFor;

            @Override
            boolean rebuildOnEntry() {
                boolean again = !model.type().equals(builtFor);
                builtFor = model.type();
                return again;
            }
        });
        pages.add(new StepPane(model, Page.RESOURCES, "Resources and connection", () -> Pages.resources(pages.get(5))));
        pages.add(new StepPane(model, Page.REVIEW, "Review", () -> review(review)) {
            @Override
            boolean rebuildOnEntry() {
                return true;
            }
        });
        List<String> sheets = theme.stylesheets();
        String own = ServiceWizard.class.getResource("/trellis/css/wizard.css").toExternalForm();
        List<String> all = new ArrayList<>(sheets);
        all.add(own);
        for (StepPane p : pages) {
            // on the dialog's scene, not the page: ValidationSupport wraps the page in a decoration pane
            // that becomes the scene's root, and the themes' colours are defined on .root
            p.sceneProperty().addListener((o, a, scene) -> {
                if (scene != null && !scene.getStylesheets().equals(all)) {
                    scene.getStylesheets().setAll(all);
                }
            });
        }
        wizard.setFlow(new Wizard.LinearFlow(pages.toArray(StepPane[]::new)));
        wizard.resultProperty().addListener((o, a, b) -> {
            if (b == ButtonType.FINISH && model.canFinish()) {
                onFinish.accept(model);
            }
        });
    }

    private Node review(BiFunction<DatabaseSpec, DatabaseSpec, Node> review) {
        if (!model.canFinish()) {
            List<String> lines = new ArrayList<>();
            model.problemsByField().forEach((field, messages) -> messages.forEach(msg -> lines.add(
                    pageName(ServiceWizardModel.pageOf(field)) + " page, " + field + ": " + msg)));
            Label l = new Label("Go back and fix these before Finish:\n" + String.join("\n", lines));
            l.setId("review-problems");
            l.getStyleClass().add("field-error");
            l.setWrapText(true);
            return l;
        }
        Node content = review.apply(model.original(), model.result());
        if (model.earlierProblems().isEmpty()) {
            return content;
        }
        return new VBox(8, content, StepPane.hint("The spec already had these problems, which this edit does not fix:\n"
                + String.join("\n", model.earlierProblems())));
    }

    private static String pageName(Page p) {
        String s = p.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static Node planInWords(DatabaseSpec before, DatabaseSpec after) {
        List<String> lines = new ArrayList<>();
        for (PlanChange c : Plan.between(before, after)) {
            lines.add(c.toString());
        }
        TextArea plan = new TextArea(lines.isEmpty() ? "Nothing changes." : String.join("\n", lines));
        plan.setId("wizard-plan");
        plan.setEditable(false);
        plan.setWrapText(true);
        plan.getStyleClass().add("wizard-plan");
        return new VBox(8, StepPane.hint("What Finish changes in the spec (nothing is sent until you apply or save it):"), plan);
    }

    /** Shows the wizard and returns when it closes (a nested event loop, as every dialog of the console). */
    public void showAndWait() {
        wizard.showAndWait();
    }

    public ServiceWizardModel model() {
        return model;
    }

    public Wizard wizard() {
        return wizard;
    }
}
