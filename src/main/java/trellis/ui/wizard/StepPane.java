package trellis.ui.wizard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import trellis.ui.wizard.ServiceWizardModel.Page;

/**
 * One page of the wizard: its form, a ControlsFX {@link ValidationSupport} decorating each field
 * with the validator's message for it, the same message in words under the field, and Next held
 * back while the page has a problem. The content is built when the page is entered (the
 * configuration page depends on the type chosen before it).
 */
class StepPane extends WizardPane {
    /** A field of the page: its control, the field key of the model, and the label under it. */
    private record Field(Control control, String key, Label error) {
    }

    final ServiceWizardModel model;
    final Page page;
    private final Supplier<Node> build;
    private final List<Field> fields = new ArrayList<>();
    private final List<Runnable> onRefresh = new ArrayList<>();
    private ValidationSupport support = newSupport();
    /** The message each field shows now (null: none); a field not in it has shown nothing yet. */
    private final java.util.Map<Field, String> shownMessages = new java.util.IdentityHashMap<>();
    private static final String NONE = new String("not shown yet");
    private final Label pageProblems = new Label();
    private Wizard wizard;
    private boolean built;

    StepPane(ServiceWizardModel model, Page page, String header, Supplier<Node> build) {
        this.model = model;
        this.page = page;
        this.build = build;
        setHeaderText(header);
        getStyleClass().add("service-wizard");
        pageProblems.getStyleClass().add("field-error");
        pageProblems.setId("page-problems-" + page.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        pageProblems.setWrapText(true);
        setPrefSize(720, 560);
    }

    @Override
    public void onEnteringPage(Wizard w) {
        this.wizard = w;
        for (ButtonType b : getButtonTypes()) {
            var button = lookupButton(b);
            if (button == null) {
                continue;
            }
            ButtonBar.ButtonData data = b.getButtonData();
            if (data == ButtonBar.ButtonData.NEXT_FORWARD) {
                button.setId("wizard-next");
            } else if (data == ButtonBar.ButtonData.BACK_PREVIOUS) {
                button.setId("wizard-back");
            } else if (data == ButtonBar.ButtonData.FINISH) {
                button.setId("wizard-finish");
            } else if (data == ButtonBar.ButtonData.CANCEL_CLOSE) {
                button.setId("wizard-cancel");
            }
        }
        if (!built || rebuildOnEntry()) {
            rebuild();
        }
        refresh();
    }

    /** Whether the content is made again each time the page is entered. */
    boolean rebuildOnEntry() {
        return false;
    }

    /** Builds the content again (the fields of a pipeline added or removed, another type's form). */
    final void rebuild() {
        built = true;
        fields.clear();
        shownMessages.clear();
        onRefresh.clear();
        support = newSupport();
        Node form = build.get();
        VBox box = new VBox(10, form, pageProblems);
        box.getStyleClass().add("wizard-page");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("wizard-scroll");
        setContent(scroll);
    }

    /**
     * Puts the validator's messages at the fields and holds Next back while the page has a problem.
     * Only the fields whose message changed are touched and re-decorated: a keystroke that changes
     * no message costs the validation and nothing more on the FX thread.
     */
    final void refresh() {
        Set<String> shown = new LinkedHashSet<>();
        List<Control> changed = new ArrayList<>();
        boolean all = shownMessages.isEmpty() && !fields.isEmpty();
        for (Field f : fields) {
            String message = f.control() != null && f.control().isDisabled() ? null : model.problemAt(f.key());
            String before = shownMessages.getOrDefault(f, NONE);
            if (!java.util.Objects.equals(before, message)) {
                shownMessages.put(f, message);
                f.error().setText(message == null ? "" : message);
                f.error().setVisible(message != null);
                f.error().setManaged(message != null);
                if (f.control() != null) {
                    changed.add(f.control());
                }
            }
            if (message != null) {
                shown.add(f.key());
            }
        }
        onRefresh.forEach(Runnable::run);
        if (all) {
            support.revalidate();
        } else {
            changed.forEach(support::revalidate);
        }
        List<String> rest = new ArrayList<>();
        model.problemsByField().forEach((key, messages) -> {
            if (ServiceWizardModel.pageOf(key) == page && !shown.contains(key)) {
                messages.forEach(m -> rest.add(key + ": " + m));
            }
        });
        pageProblems.setText(String.join("\n", rest));
        pageProblems.setVisible(!rest.isEmpty());
        pageProblems.setManaged(!rest.isEmpty());
        if (wizard != null) {
            wizard.setInvalid(model.pageHasProblem(page));
        }
    }

    private static ValidationSupport newSupport() {
        ValidationSupport v = new ValidationSupport();
        v.setValidationDecorator(new ReusedDecoration());
        return v;
    }

    /** Runs after every refresh: a hint that follows the fields. */
    final void onRefresh(Runnable r) {
        onRefresh.add(r);
    }

    /** The message of a field key that is no one control (the host list, the target nodes), shown where the label goes. */
    final Label message(String key) {
        return field(null, key);
    }

    /** Registers a control for the model's field key: decorated, and its message shown under it. */
    final Label field(Control control, String key) {
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.setManaged(false);
        fields.add(new Field(control, key, error));
        if (control == null) {
            error.setId("error-" + key.replace('.', '-').replace('_', '-'));
            return error;
        }
        if (control.getId() != null) {
            error.setId(control.getId() + "-error");
        }
        support.registerValidator(control, false, (Control c, Object v) -> {
            String message = c.isDisabled() ? null : model.problemAt(key);
            return ValidationResult.fromErrorIf(c, message == null ? "" : message, message != null);
        });
        return error;
    }

    /** A two-column form: a label, then the field with its message under it. */
    static GridPane grid() {
        GridPane g = new GridPane();
        g.getStyleClass().add("wizard-form");
        g.setHgap(12);
        g.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, values);
        return g;
    }

    /** Adds a row to a grid: the label, the control (registered for the key, when there is one) and its message. */
    final void row(GridPane g, String label, Node control, Control validated, String key) {
        // the grid counts managed rows only, and a hidden message is unmanaged: the next row is kept here
        int r = (int) g.getProperties().getOrDefault("next-row", 0);
        g.getProperties().put("next-row", r + 2);
        Label l = new Label(label);
        l.getStyleClass().add("field-label");
        if (validated != null) {
            l.setLabelFor(validated);
        }
        g.add(l, 0, r);
        g.add(control, 1, r);
        if (key != null) {
            g.add(validated != null ? field(validated, key) : message(key), 1, r + 1);
        }
    }

    /** A row of a grid with no field of the model (a button under the fields). */
    static void extraRow(GridPane g, Node... nodes) {
        int r = (int) g.getProperties().getOrDefault("next-row", 0);
        g.getProperties().put("next-row", r + 1);
        g.addRow(r, nodes);
    }

    /** Text under a form, in the muted colour. */
    static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("wizard-hint");
        l.setWrapText(true);
        return l;
    }
}
