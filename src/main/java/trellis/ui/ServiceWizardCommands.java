package trellis.ui;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;
import trellis.spec.CreateDatabaseRequest;
import trellis.ui.action.ActionManager;
import trellis.ui.model.SpecDraft;
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
    private final Map<Path, SpecDraft> drafts = new HashMap<>();

    ServiceWizardCommands(MainWindow window, ActionManager actions, Supplier<Window> owner, Supplier<Theme> theme, Consumer<String> log) {
        this.window = window;
        this.editing = new ServiceEditing(actions, owner, theme);
        this.log = log;
    }

    ServiceEditing editing() {
        return editing;
    }

    /** Opens the wizard adding a service, on the given host when not null (a host's context menu). */
    void addService(String onHost) {
        Sources.FileSource file = fileShown("Add service");
        if (file != null) {
            editing.addService(draftOf(file), file.databaseId(), onHost).showAndWait();
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
        return drafts.computeIfAbsent(file.path(), p -> {
            SpecDraft d = new SpecDraft(file.body().spec());
            d.onChange(spec -> {
                CreateDatabaseRequest b = file.body();
                Sources.FileSource edited = new Sources.FileSource(p, new CreateDatabaseRequest(b.id(), b.tenantId(), spec, b.extra()));
                window.selectDatabase(new Sources.DatabaseRef(edited, edited.databaseId(), "offline, edited"));
            });
            return d;
        });
    }
}
