package trellis.ui;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.Window;
import trellis.ui.action.ActionManager;
import trellis.ui.model.SpecDraft;
import trellis.ui.review.ReviewView;
import trellis.ui.wizard.ServiceEditing;

/**
 * Edit > Add service… (Ctrl+Shift+A) and Edit service… on the database shown: a spec file opened
 * offline is edited through a {@link SpecDraft} of its body (one per file, so Undo and Redo
 * follow the wizard's edits), and each edit shows the file's new picture at once. Saving the
 * file is Save's (File > Save); applying to a control plane is the review's.
 */
final class ServiceWizardCommands {
    private final MainWindow window;
    private final ServiceEditing editing;
    private final Consumer<String> log;
    private final Function<Sources.FileSource, SpecDraft> drafts;

    /** @param drafts the one draft of each open spec file (File > Save saves it) */
    ServiceWizardCommands(MainWindow window, ActionManager actions, Supplier<Window> owner, Supplier<Theme> theme, Consumer<String> log,
                          Function<Sources.FileSource, SpecDraft> drafts) {
        this.window = window;
        this.drafts = drafts;
        this.editing = new ServiceEditing(actions, owner, theme);
        // the wizard's last page is the review before apply: plan, side-by-side diff, grants, warnings
        this.editing.setReview(ReviewView::node);
        this.log = log;
    }

    ServiceEditing editing() {
        return editing;
    }

    /** Opens the wizard adding a service, on the given host when not null (a host's context menu). */
    void addService(String onHost) {
        addService(onHost, null);
    }

    /** Opens the wizard adding a service of {@code type} (when not null, as the palette's) on the given host. */
    void addService(String onHost, String type) {
        Sources.FileSource file = fileShown("Add service");
        if (file != null) {
            editing.addService(draftOf(file), file.databaseId(), onHost, type).showAndWait();
        }
    }

    /** Opens the wizard on the service selected in the picture. */
    void editService() {
        Sources.FileSource file = fileShown("Edit service");
        if (file == null) {
            return;
        }
        String service = window.graph().selectedService();
        if (service == null) {
            log.accept("Edit service: select one of the service's instances in the picture first");
            return;
        }
        editing.editService(draftOf(file), file.databaseId(), service).showAndWait();
    }

    private Sources.FileSource fileShown(String what) {
        Sources.DatabaseRef ref = window.currentDatabase();
        if (ref != null && ref.source() instanceof Sources.FileSource file && file.body().spec() != null) {
            return file;
        }
        log.accept(what + ": open the database's spec file (File > Open) or a template (File > New from template); "
                + "editing a live database's spec comes with Review and apply");
        return null;
    }

    private SpecDraft draftOf(Sources.FileSource file) {
        return drafts.apply(file);
    }
}
