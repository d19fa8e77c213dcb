package trellis.ui;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.stage.Window;
import trellis.engine.ControlPlane;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;
import trellis.spec.Host;
import trellis.ui.action.ActionContext;
import trellis.ui.review.LiveApplyWindow;
import trellis.ui.action.ActionManager;
import trellis.ui.model.SpecDraft;
import trellis.ui.review.ReviewView;
import trellis.ui.wizard.ServiceEditing;
import trellis.ui.graph.PictureWarmup;
import trellis.ui.wizard.WizardWarmup;

/**
 * Edit > Add service… (Ctrl+Shift+A) and Edit service… on the database shown: a spec file opened
 * offline is edited through a {@link SpecDraft} of its body (one per file, so Undo and Redo
 * follow the wizard's edits), and each edit shows the file's new picture at once. Saving the
 * file is Save's (File > Save). On a live database the wizard starts from the spec of the last
 * poll and Finish opens the review, whose Apply sends it ({@link LiveApplyWindow}).
 */
final class ServiceWizardCommands {
    private final MainWindow window;
    private final ServiceEditing editing;
    private final Consumer<String> log;
    private final Function<Sources.FileSource, SpecDraft> drafts;
    private final ConsoleCommands commands;
    private final Supplier<Window> owner;
    private final Supplier<Theme> theme;
    private final Map<Stage, String> unapplied = new LinkedHashMap<>();

    /** @param drafts the one draft of each open spec file (File > Save saves it) */
    ServiceWizardCommands(MainWindow window, ActionManager actions, Supplier<Window> owner, Supplier<Theme> theme, Consumer<String> log,
                          Function<Sources.FileSource, SpecDraft> drafts, ConsoleCommands commands) {
        this.window = window;
        this.commands = commands;
        this.owner = owner;
        this.theme = theme;
        this.drafts = drafts;
        this.editing = new ServiceEditing(actions, owner, theme);
        // the wizard's last page is the review before apply: plan, side-by-side diff, grants, warnings
        this.editing.setReview(ReviewView::node);
        this.log = log;
        warmOnceShown();
    }

    /**
     * Once the console's window is on screen, the wizard's first open is prepared off the FX thread
     * ({@link WizardWarmup}) and the first large picture in small steps on it ({@link PictureWarmup}):
     * a fresh console's first Ctrl+Shift+A took seconds loading the wizard, its first 5,000-instance
     * picture 650 ms.
     */
    private void warmOnceShown() {
        Window w = owner.get();
        if (w == null) {
            return;
        }
        javafx.beans.value.ChangeListener<Boolean> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean showing) {
                if (showing) {
                    w.showingProperty().removeListener(this);
                    // well after the first frame: started at once, it took a core from the first pulse's CSS and layout
                    var later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
                    later.setOnFinished(e -> {
                        commands.context().runner().run(WizardWarmup::warm, found -> { }, error -> { });
                        PictureWarmup.start(List.copyOf(w.getScene().getStylesheets()), cards -> { });
                    });
                    later.play();
                }
            }
        };
        w.showingProperty().addListener(once);
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
        if (live(null, onHost)) {
            return;
        }
        Sources.FileSource file = fileShown("Add service");
        if (file != null) {
            editing.addService(draftOf(file), file.databaseId(), onHost, type).showAndWait();
        }
    }

    /** Opens the wizard on the service selected in the picture. */
    void editService() {
        String service = window.graph().selectedService();
        if (service == null) {
            log.accept("Edit service: select one of the service's instances in the picture first");
            return;
        }
        if (live(service, null)) {
            return;
        }
        Sources.FileSource file = fileShown("Edit service");
        if (file == null) {
            return;
        }
        editing.editService(draftOf(file), file.databaseId(), service).showAndWait();
    }

    /**
     * On a live database: the wizard on its spec from the last poll, the cluster's hosts fetched first
     * (through the runner); Finish opens the review whose Apply sends the full spec safely, its task
     * followed in the Tasks tab. False when the database shown is not a live one.
     */
    private boolean live(String serviceId, String onHost) {
        Sources.DatabaseRef ref = window.currentDatabase();
        if (ref == null || !(ref.source() instanceof Sources.LiveSource source)) {
            return false;
        }
        String what = serviceId == null ? "Add service" : "Edit service";
        Database db = window.poller() == null ? null : window.poller().getLastValue();
        if (db == null || db.spec() == null) {
            log.accept(what + ": the spec of '" + ref.databaseId() + "' has not been read yet; try again after the next poll");
            return true;
        }
        ControlPlane cp = source.controlPlane();
        String id = ref.databaseId();
        ActionContext ctx = commands.context();
        List<DatabaseSpec> known = commands.openFileSpecs(id);
        ctx.runner().run(cp::hosts, hosts -> open(cp, id, db.spec(), serviceId, onHost, hosts, known), error -> {
            log.accept(what + ": the hosts of " + source.label() + " could not be read (" + ActionContext.message(error)
                    + "); every host is offered");
            open(cp, id, db.spec(), serviceId, onHost, List.of(), known);
        });
        return true;
    }

    private void open(ControlPlane cp, String id, DatabaseSpec base, String serviceId, String onHost, List<Host> hosts,
                      List<DatabaseSpec> known) {
        ActionContext ctx = commands.context();
        editing.live(base, id, serviceId, onHost, hosts, m -> {
            LiveApplyWindow review = new LiveApplyWindow(owner.get(), theme.get(), ctx.runner(), cp, id,
                    base, m.result(), hosts, known, m.description(),
                    task -> ctx.started(cp, task, m.description() + " of '" + id + "' on " + cp.displayName()));
            // until applied (the window closes when the update is accepted) or cancelled, the edit is unapplied
            String what = m.description() + " on database '" + id + "' (not applied)";
            unapplied.put(review.stage(), what);
            review.stage().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> unapplied.remove(review.stage()));
            review.show();
        }).showAndWait();
    }

    /** The edits of live databases reviewed but not applied yet (their review windows still open), in words. */
    List<String> unapplied() {
        return List.copyOf(unapplied.values());
    }

    /** Closes the review windows of unapplied edits (the console is closing and the person discarded them). */
    void discardUnapplied() {
        List.copyOf(unapplied.keySet()).forEach(Stage::close);
    }

    private Sources.FileSource fileShown(String what) {
        Sources.DatabaseRef ref = window.currentDatabase();
        if (ref != null && ref.source() instanceof Sources.FileSource file && file.body().spec() != null) {
            return file;
        }
        log.accept(what + ": open the database's spec file (File > Open) or a template (File > New from template); "
                + "or select a database of a control plane");
        return null;
    }

    private SpecDraft draftOf(Sources.FileSource file) {
        return drafts.apply(file);
    }
}
