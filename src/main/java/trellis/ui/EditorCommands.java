package trellis.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.ServiceSpec;
import trellis.spec.validation.Problem;
import trellis.spec.validation.SpecValidator;
import trellis.topology.DraftMarks;
import trellis.topology.HostPlacement;
import trellis.topology.InstanceEdits;
import trellis.topology.InstancePlacement;
import trellis.ui.action.ActionContext;
import trellis.ui.action.ActionManager;
import trellis.ui.action.EditSpecAction;
import trellis.ui.graph.EditGestures;
import trellis.ui.graph.TopologyView;
import trellis.ui.model.DraftStore;
import trellis.ui.model.SpecDraft;
import trellis.ui.review.ReviewView;

/**
 * The picture as an editor of the spec file shown: a drag, Ctrl+drag, Delete, M or A on an
 * instance becomes an undoable {@link EditSpecAction} on the file's one draft (the wizard's, Save's),
 * checked first by the same validator as the wizard; the draft's marks go on the picture and the
 * status bar's link ({@code draft-review-link}) opens the review of the draft against the file as
 * opened. FX thread only.
 */
final class EditorCommands implements EditGestures {
    private final TopologyView graph;
    private final ActionManager actions;
    private final SpecFileCommands files;
    private final Supplier<ActionContext> ctx;
    private final Supplier<Sources.DatabaseRef> current;
    private final Supplier<Window> owner;
    private final Hyperlink link;
    private final Map<Path, List<DraftMarks.Move>> moves = new HashMap<>();
    private final DraftStore store;

    EditorCommands(TopologyView graph, ActionManager actions, SpecFileCommands files, Supplier<ActionContext> ctx,
                   Supplier<Sources.DatabaseRef> current, Supplier<Window> owner, Hyperlink link, DraftStore store) {
        this.store = store;
        this.graph = graph;
        this.actions = actions;
        this.files = files;
        this.ctx = ctx;
        this.current = current;
        this.owner = owner;
        this.link = link;
        link.setVisible(false);
        link.setManaged(false);
        link.setMnemonicParsing(false);
        link.setOnAction(e -> review());
    }

    private Optional<Sources.FileSource> file() {
        Sources.DatabaseRef ref = current.get();
        return ref != null && ref.source() instanceof Sources.FileSource f && f.body().spec() != null ? Optional.of(f) : Optional.empty();
    }

    @Override
    public Optional<String> refusal(InstancePlacement instance, String host, boolean copy) {
        Optional<Sources.FileSource> file = file();
        if (file.isEmpty()) {
            return Optional.of("editing on the picture works on a spec file opened offline (File > Open)");
        }
        if (!copy && instance.hostId().equals(host)) {
            return Optional.of("the instance is already on " + host);
        }
        DatabaseSpec spec = files.draft(file.get()).spec();
        if (hostsOf(spec, instance.serviceId()).contains(host)) {
            return Optional.of("it already has an instance of '" + instance.serviceId() + "'");
        }
        for (HostPlacement h : graph.topology() == null ? List.<HostPlacement>of() : graph.topology().hosts()) {
            if (h.hostId().equals(host) && h.live() != null) {
                Optional<String> reason = trellis.topology.HostServices.reasonHostCannotTakeServices(h.live());
                if (reason.isPresent()) {
                    return reason;
                }
            }
        }
        DatabaseSpec edited = edit(spec, instance, host, copy);
        String id = file.get().databaseId();
        List<Problem> before = SpecValidator.validateSpec(id, Json.toTree(spec));
        return SpecValidator.validateSpec(id, Json.toTree(edited)).stream().filter(p -> !before.contains(p)).findFirst()
                .map(Problem::message);
    }

    private static DatabaseSpec edit(DatabaseSpec spec, InstancePlacement i, String host, boolean copy) {
        return copy ? InstanceEdits.add(spec, i.serviceId(), host) : InstanceEdits.move(spec, i.serviceId(), i.hostId(), host);
    }

    private static List<String> hostsOf(DatabaseSpec spec, String serviceId) {
        if (spec.services() != null) {
            for (ServiceSpec s : spec.services()) {
                if (s.serviceId().equals(serviceId)) {
                    return s.hostIds() == null ? List.of() : s.hostIds();
                }
            }
        }
        return List.of();
    }

    @Override
    public void drop(InstancePlacement instance, String host, boolean copy) {
        Optional<Sources.FileSource> file = file();
        Optional<String> refused = refusal(instance, host, copy);
        if (file.isEmpty() || refused.isPresent()) {
            ctx.get().log("Not " + (copy ? "added" : "moved") + ": " + refused.orElse(""));
            return;
        }
        String service = instance.serviceId();
        if (!copy) {
            moves.computeIfAbsent(file.get().path(), p -> new ArrayList<>()).add(new DraftMarks.Move(service, instance.hostId(), host));
        }
        String name = copy ? "Add an instance of '" + service + "' on " + host : "Move '" + service + "' to " + host;
        actions.run(new EditSpecAction(files.draft(file.get()), name, s -> edit(s, instance, host, copy)));
    }

    @Override
    public void remove(InstancePlacement instance) {
        Optional<Sources.FileSource> file = file();
        if (file.isEmpty()) {
            ctx.get().log("Remove: " + refusal(instance, instance.hostId(), true).orElse(""));
            return;
        }
        SpecDraft draft = files.draft(file.get());
        String service = instance.serviceId();
        if (InstanceEdits.isLastInstance(draft.spec(), service, instance.hostId())) {
            String user = draft.spec().services().stream().filter(s -> s.serviceId().equals(service)).findFirst()
                    .map(ServiceSpec::connectAs).orElse(null);
            if (!ctx.get().dialogs().confirm("Remove service '" + service + "'?", "This is the last instance of '" + service
                    + "': removing it removes the service from the draft." + (user == null ? "" : " The user '" + user
                    + "' it connects as stays."))) {
                return;
            }
            actions.run(EditSpecAction.removeService(draft, service));
            return;
        }
        actions.run(new EditSpecAction(draft, "Remove the instance of '" + service + "' from " + instance.hostId(),
                s -> InstanceEdits.remove(s, service, instance.hostId())));
    }

    @Override
    public void chooseHost(InstancePlacement instance, boolean copy) {
        if (graph.topology() == null || file().isEmpty()) {
            ctx.get().log((copy ? "Add" : "Move") + ": " + refusal(instance, instance.hostId(), true).orElse(""));
            return;
        }
        List<String> hosts = graph.topology().hosts().stream().map(HostPlacement::hostId)
                .filter(h -> refusal(instance, h, copy).isEmpty()).toList();
        if (hosts.isEmpty()) {
            ctx.get().log((copy ? "Add an instance of '" : "Move '") + instance.serviceId() + "': no other host of the database can take it");
            return;
        }
        ChoiceDialog<String> d = new ChoiceDialog<>(hosts.get(0), hosts);
        d.setTitle(copy ? "Add an instance" : "Move the instance");
        d.setHeaderText((copy ? "Add an instance of '" : "Move '") + instance.serviceId() + "'" + (copy ? "" : " from " + instance.hostId())
                + " to which host?");
        d.getDialogPane().setId("host-chooser");
        Window w = owner.get();
        if (w != null) {
            d.initOwner(w);
            d.getDialogPane().getStylesheets().setAll(w.getScene().getStylesheets());
        }
        d.showAndWait().ifPresent(h -> drop(instance, h, copy));
    }

    /**
     * Where drafts are kept: the user data folder's, or beside the settings when the console was
     * given settings of its own (tests, training runs), as the connection profiles are.
     */
    static DraftStore storeFor(Settings settings) {
        return settings.file().equals(Settings.defaultFile()) ? DraftStore.standard()
                : new DraftStore(settings.file().toAbsolutePath().resolveSibling("drafts"));
    }

    private static String key(Sources.FileSource f) {
        return "file:" + f.path().toAbsolutePath();
    }

    private static int changes(DatabaseSpec base, DatabaseSpec draft, List<DraftMarks.Move> moves) {
        int n = DraftMarks.between(base, draft, moves).size();
        return n == 0 && !draft.equals(base) ? 1 : n;
    }

    /**
     * The database shown changed (or was redrawn after an edit): its draft's marks and the status
     * bar's link; the draft is kept (off the FX thread) for the next session, and a file without a
     * draft yet is offered the one kept from an earlier session.
     */
    void shown(Sources.DatabaseRef ref) {
        List<DraftMarks.Mark> marks = List.of();
        int changes = 0;
        if (ref != null && ref.source() instanceof Sources.FileSource f && f.body().spec() != null) {
            if (files.hasDraft(f.path())) {
                DatabaseSpec opened = files.opened(f.path());
                DatabaseSpec now = files.draft(f).spec();
                List<DraftMarks.Move> made = List.copyOf(moves.getOrDefault(f.path(), List.of()));
                marks = DraftMarks.between(opened, now, made);
                changes = changes(opened, now, made);
                keep(f, changes == 0 ? null : new DraftStore.Saved(key(f), f.databaseId(), opened, now, made));
            } else {
                offerKept(f);
            }
        }
        graph.setMarks(marks);
        link.setText("Draft: " + changes + (changes == 1 ? " change" : " changes") + " — Review…");
        link.setOnAction(e -> review());
        link.setVisible(changes > 0);
        link.setManaged(changes > 0);
    }

    /** Writes the file's draft to the store, or forgets it when {@code saved} is null (nothing changed). */
    private void keep(Sources.FileSource f, DraftStore.Saved saved) {
        ctx.get().runner().run(() -> {
            if (saved == null) {
                store.discard(key(f), f.databaseId());
            } else {
                store.save(saved);
            }
            return null;
        }, ok -> { }, error -> ctx.get().log(f.label() + ": the draft was not kept for the next session: " + ActionContext.message(error)));
    }

    private void offerKept(Sources.FileSource f) {
        ctx.get().runner().run(() -> store.load(key(f), f.databaseId()), kept -> kept.ifPresent(saved -> {
            Sources.DatabaseRef now = current.get();
            if (files.hasDraft(f.path()) || now == null || !(now.source() instanceof Sources.FileSource shown)
                    || !shown.path().equals(f.path())) {
                return;
            }
            int n = changes(saved.base(), saved.draft(), saved.moves());
            ctx.get().log(f.label() + ": a draft from an earlier session is kept (" + n + (n == 1 ? " change" : " changes")
                    + "); Restore… in the status bar brings it back");
            link.setText("Draft kept: " + n + (n == 1 ? " change" : " changes") + " — Restore…");
            link.setOnAction(e -> restore(f, saved));
            link.setVisible(true);
            link.setManaged(true);
        }), error -> ctx.get().log(f.label() + ": " + ActionContext.message(error)));
    }

    /** The kept draft (kept without secrets) put back as an undoable edit, with the file's secrets where it lacks them. */
    private void restore(Sources.FileSource f, DraftStore.Saved saved) {
        DatabaseSpec restored = Json.convert(trellis.spec.Secrets.merge(Json.toTree(saved.draft()), Json.toTree(f.body().spec())),
                DatabaseSpec.class);
        moves.put(f.path(), new ArrayList<>(saved.moves()));
        actions.run(new EditSpecAction(files.draft(f), "Restore the kept draft", s -> restored));
    }

    /** The review of the draft shown against the file as opened, with Discard. */
    void review() {
        Optional<Sources.FileSource> file = file();
        if (file.isEmpty() || !files.hasDraft(file.get().path())) {
            return;
        }
        SpecDraft draft = files.draft(file.get());
        DatabaseSpec opened = files.opened(file.get().path());
        Stage stage = new Stage();
        stage.setTitle("Review the draft of " + file.get().databaseId());
        Button discard = new Button("Discard the draft…");
        discard.setId("draft-discard-button");
        Button close = new Button("Close");
        close.setId("draft-review-close");
        close.setOnAction(e -> stage.close());
        discard.setOnAction(e -> {
            if (ctx.get().dialogs().confirm("Discard the draft?", "Every change made to " + file.get().label()
                    + " since it was opened is taken back (Edit > Undo brings them back).")) {
                actions.run(new EditSpecAction(draft, "Discard the draft", s -> opened));
                stage.close();
            }
        });
        HBox buttons = new HBox(8, discard, close);
        buttons.getStyleClass().add("dialog-buttons");
        buttons.setStyle("-fx-padding: 8; -fx-alignment: center-right;");
        ScrollPane body = new ScrollPane(ReviewView.of(opened, draft.spec(), List.of()));
        body.setFitToWidth(true);
        BorderPane root = new BorderPane(body, null, null, buttons, null);
        root.getStyleClass().add("review-window");
        Scene scene = new Scene(root, 900, 640);
        Window w = owner.get();
        if (w != null) {
            stage.initOwner(w);
            scene.getStylesheets().setAll(w.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }
}
