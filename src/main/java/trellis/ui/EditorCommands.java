package trellis.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Hyperlink;
import javafx.stage.Window;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.ServiceSpec;
import trellis.spec.validation.Problem;
import trellis.spec.validation.SpecValidator;
import trellis.topology.DraftMarks;
import trellis.topology.HostPlacement;
import trellis.topology.InstanceEdits;
import trellis.topology.InstancePlacement;
import trellis.topology.Topology;
import trellis.topology.TopologyBuilder;
import trellis.ui.action.ActionContext;
import trellis.ui.action.ActionManager;
import trellis.ui.action.EditSpecAction;
import trellis.ui.graph.EditGestures;
import trellis.ui.graph.TopologyView;
import trellis.ui.model.DraftStore;
import trellis.ui.model.SpecDraft;

/**
 * The picture as an editor of the database shown, a spec file or a live database: a drag,
 * Ctrl+drag, Delete, M or A on an instance becomes an undoable {@link EditSpecAction} on the
 * database's one draft (a file's is the wizard's and Save's; a live database's begins from its last
 * poll, {@link LiveDrafts}), checked first by the same validator as the wizard; the draft's marks go
 * on the picture and the status bar's link ({@code draft-review-link}) opens its review
 * ({@link DraftReview}). Drafts are kept across restarts without secrets ({@link DraftStore}). FX thread only.
 */
final class EditorCommands implements EditGestures {
    /** What the picture edits: a spec file's one draft, or a live database's. */
    interface Target {
        /** The draft store's key of the source. */
        String key();

        String databaseId();

        String label();

        boolean hasDraft();

        /** The draft, begun on first use. */
        SpecDraft draft();

        /** The spec the draft is compared with: the file as opened, the live spec it began from. */
        DatabaseSpec base();

        /** The spec as edited, or as it stands when nothing is drafted yet. */
        DatabaseSpec spec();

        /** The moves made on the draft, oldest first (kept by the editor: a spec cannot tell a move). */
        List<DraftMarks.Move> moves();
    }

    private final TopologyView graph;
    private final ActionManager actions;
    private final SpecFileCommands files;
    private final Supplier<ActionContext> ctx;
    private final Supplier<Sources.DatabaseRef> current;
    private final Supplier<Window> owner;
    private final Hyperlink link;
    private final Map<Path, List<DraftMarks.Move>> moves = new HashMap<>();
    private final DraftStore store;
    private final LiveDrafts live;
    private final Supplier<Database> lastPolled;
    private final DraftReview reviews;
    /** The spec the cached refusals were validated against (by identity: each edit makes a new one). */
    private DatabaseSpec validated;
    private List<Problem> problemsBefore;
    private final Map<String, Optional<String>> refusals = new HashMap<>();

    EditorCommands(TopologyView graph, ActionManager actions, SpecFileCommands files, Supplier<ActionContext> ctx,
                   Supplier<Sources.DatabaseRef> current, Supplier<Window> owner, Hyperlink link, DraftStore store,
                   Supplier<Database> lastPolled, DraftReview reviews) {
        this.store = store;
        this.graph = graph;
        this.actions = actions;
        this.files = files;
        this.ctx = ctx;
        this.current = current;
        this.owner = owner;
        this.link = link;
        this.lastPolled = lastPolled;
        this.reviews = reviews;
        this.live = new LiveDrafts(lastPolled, k -> shown(current.get()));
        link.setVisible(false);
        link.setManaged(false);
        link.setMnemonicParsing(false);
        link.setOnAction(e -> review());
    }

    /** What the picture edits now; empty when nothing is shown, or a live database not read yet. */
    private Optional<Target> target() {
        return target(current.get()).filter(t -> t.spec() != null);
    }

    private Optional<Target> target(Sources.DatabaseRef ref) {
        if (ref != null && ref.source() instanceof Sources.FileSource f && f.body().spec() != null) {
            return Optional.of(fileTarget(f));
        }
        if (ref != null && ref.source() instanceof Sources.LiveSource s) {
            return Optional.of(liveTarget(s, ref.databaseId()));
        }
        return Optional.empty();
    }

    private Target fileTarget(Sources.FileSource f) {
        return new Target() {
            public String key() {
                return "file:" + f.path().toAbsolutePath();
            }

            public String databaseId() {
                return f.databaseId();
            }

            public String label() {
                return f.label();
            }

            public boolean hasDraft() {
                return files.hasDraft(f.path());
            }

            public SpecDraft draft() {
                return files.draft(f);
            }

            public DatabaseSpec base() {
                return files.opened(f.path());
            }

            public DatabaseSpec spec() {
                return files.draft(f).spec();
            }

            public List<DraftMarks.Move> moves() {
                return moves.computeIfAbsent(f.path(), p -> new ArrayList<>());
            }
        };
    }

    private Target liveTarget(Sources.LiveSource s, String id) {
        return new Target() {
            public String key() {
                return LiveDrafts.key(s);
            }

            public String databaseId() {
                return id;
            }

            public String label() {
                return "'" + id + "' on " + s.label();
            }

            public boolean hasDraft() {
                return live.get(s, id) != null;
            }

            public SpecDraft draft() {
                return live.begin(s, id, null).draft;
            }

            public DatabaseSpec base() {
                return hasDraft() ? live.get(s, id).base : live.polledSpec();
            }

            public DatabaseSpec spec() {
                return hasDraft() ? live.get(s, id).draft.spec() : live.polledSpec();
            }

            public List<DraftMarks.Move> moves() {
                return live.begin(s, id, null).moves;
            }
        };
    }

    /** Why nothing can be edited on the picture now. */
    private String noTarget() {
        Sources.DatabaseRef ref = current.get();
        return ref != null && ref.source() instanceof Sources.LiveSource ? "the spec of '" + ref.databaseId()
                + "' has not been read yet; try again after the next poll"
                : "open a spec file (File > Open) or select a database of a control plane to edit it on the picture";
    }

    @Override
    public Optional<String> refusal(InstancePlacement instance, String host, boolean copy) {
        Optional<Target> target = target();
        if (target.isEmpty()) {
            return Optional.of(noTarget());
        }
        if (!copy && instance.hostId().equals(host)) {
            return Optional.of("the instance is already on " + host);
        }
        DatabaseSpec spec = target.get().spec();
        if (!hostsOf(spec, instance.serviceId()).contains(instance.hostId())) {
            return Optional.of("the draft already takes this instance of '" + instance.serviceId() + "' away");
        }
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
        String id = target.get().databaseId();
        if (spec != validated) {
            validated = spec;
            problemsBefore = null;
            refusals.clear();
        }
        // a drag start asks once per host, again on each drag until the draft changes: validated once per draft revision
        return refusals.computeIfAbsent(id + "\u0000" + instance.serviceId() + "\u0000" + instance.hostId() + "\u0000" + host
                + "\u0000" + copy, k -> {
                    if (problemsBefore == null) {
                        problemsBefore = SpecValidator.validateSpec(id, Json.toTree(spec));
                    }
                    return SpecValidator.validateSpec(id, Json.toTree(edit(spec, instance, host, copy))).stream()
                            .filter(p -> !problemsBefore.contains(p)).findFirst().map(Problem::message);
                });
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
        Optional<Target> target = target();
        Optional<String> refused = refusal(instance, host, copy);
        if (target.isEmpty() || refused.isPresent()) {
            ctx.get().log("Not " + (copy ? "added" : "moved") + ": " + refused.orElse(""));
            return;
        }
        String service = instance.serviceId();
        SpecDraft draft = target.get().draft();
        if (!copy) {
            target.get().moves().add(new DraftMarks.Move(service, instance.hostId(), host));
        }
        String name = copy ? "Add an instance of '" + service + "' on " + host : "Move '" + service + "' to " + host;
        actions.run(new EditSpecAction(draft, name, s -> edit(s, instance, host, copy)));
    }

    @Override
    public void remove(InstancePlacement instance) {
        Optional<Target> target = target();
        if (target.isEmpty()) {
            ctx.get().log("Remove: " + noTarget());
            return;
        }
        SpecDraft draft = target.get().draft();
        String service = instance.serviceId();
        if (!hostsOf(draft.spec(), service).contains(instance.hostId())) {
            ctx.get().log("Remove: '" + service + "' on " + instance.hostId() + " is already taken away in the draft");
            return;
        }
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
        if (graph.topology() == null || target().isEmpty()) {
            ctx.get().log((copy ? "Add" : "Move") + ": " + noTarget());
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

    static int changes(DatabaseSpec base, DatabaseSpec draft, List<DraftMarks.Move> moves) {
        int n = DraftMarks.between(base, draft, moves).size();
        return n == 0 && !draft.equals(base) ? 1 : n;
    }

    /** What to draw for a poll of the database shown: a live draft's placement over what runs, or the poll's picture. */
    Topology picture(Sources.DatabaseRef ref, Database polled, Topology fromPoll) {
        return live.picture(ref, polled, fromPoll);
    }

    /**
     * The database shown changed (or was redrawn after an edit): its draft's marks and the status
     * bar's link (a live database's picture redrawn with its draft); the draft is kept (off the FX
     * thread) for the next session, and a database without a draft yet is offered the one kept from
     * an earlier session.
     */
    void shown(Sources.DatabaseRef ref) {
        List<DraftMarks.Mark> marks = List.of();
        int changes = 0;
        Optional<Target> target = target(ref);
        if (target.isPresent() && target.get().hasDraft()) {
            Target t = target.get();
            DatabaseSpec base = t.base();
            DatabaseSpec now = t.spec();
            List<DraftMarks.Move> made = List.copyOf(t.moves());
            marks = DraftMarks.between(base, now, made);
            changes = changes(base, now, made);
            keep(t, changes == 0 ? null : new DraftStore.Saved(t.key(), t.databaseId(), base, now, made));
        } else if (target.isPresent()) {
            offerKept(target.get(), ref);
        }
        Database polled = lastPolled.get();
        if (ref != null && ref.source() instanceof Sources.LiveSource source && polled != null) {
            graph.show(live.picture(ref, polled, TopologyBuilder.live(polled, source.hosts().known())));
        }
        graph.setMarks(marks);
        link.setText("Draft: " + changes + (changes == 1 ? " change" : " changes") + " — Review…");
        link.setOnAction(e -> review());
        link.setVisible(changes > 0);
        link.setManaged(changes > 0);
    }

    /** Writes the draft to the store, or forgets it when {@code saved} is null (nothing changed). */
    private void keep(Target t, DraftStore.Saved saved) {
        String key = t.key();
        String id = t.databaseId();
        ctx.get().runner().run(() -> {
            if (saved == null) {
                store.discard(key, id);
            } else {
                store.save(saved);
            }
            return null;
        }, ok -> { }, error -> ctx.get().log(t.label() + ": the draft was not kept for the next session: " + ActionContext.message(error)));
    }

    private void offerKept(Target t, Sources.DatabaseRef ref) {
        ctx.get().runner().run(() -> store.load(t.key(), t.databaseId()), kept -> kept.ifPresent(saved -> {
            Sources.DatabaseRef now = current.get();
            if (t.hasDraft() || now == null || now.source() != ref.source() || !now.databaseId().equals(ref.databaseId())) {
                return;
            }
            int n = changes(saved.base(), saved.draft(), saved.moves());
            ctx.get().log(t.label() + ": a draft from an earlier session is kept (" + n + (n == 1 ? " change" : " changes")
                    + "); Restore… in the status bar brings it back");
            link.setText("Draft kept: " + n + (n == 1 ? " change" : " changes") + " — Restore…");
            link.setOnAction(e -> restore(ref, saved));
            link.setVisible(true);
            link.setManaged(true);
        }), error -> ctx.get().log(t.label() + ": " + ActionContext.message(error)));
    }

    /**
     * The kept draft (kept without secrets) put back as an undoable edit: a file's with the file's
     * secrets where it lacks them; a live database's from the spec it began from, its secrets asked
     * for or taken from open files when it is applied.
     */
    private void restore(Sources.DatabaseRef ref, DraftStore.Saved saved) {
        DatabaseSpec restored = saved.draft();
        SpecDraft draft;
        if (ref.source() instanceof Sources.FileSource f) {
            restored = Json.convert(trellis.spec.Secrets.merge(Json.toTree(saved.draft()), Json.toTree(f.body().spec())),
                    DatabaseSpec.class);
            moves.put(f.path(), new ArrayList<>(saved.moves()));
            draft = files.draft(f);
        } else if (ref.source() instanceof Sources.LiveSource s) {
            LiveDrafts.Entry e = live.begin(s, ref.databaseId(), saved.base());
            e.moves.clear();
            e.moves.addAll(saved.moves());
            draft = e.draft;
        } else {
            return;
        }
        DatabaseSpec to = restored;
        actions.run(new EditSpecAction(draft, "Restore the kept draft", s -> to));
    }

    /** The review of the draft shown, with Discard; a live database's with Apply. */
    void review() {
        Optional<Target> target = target();
        Sources.DatabaseRef ref = current.get();
        if (target.isEmpty() || !target.get().hasDraft()) {
            return;
        }
        Target t = target.get();
        Runnable discard = () -> {
            DatabaseSpec base = t.base();
            actions.run(new EditSpecAction(t.draft(), "Discard the draft", s -> base));
        };
        if (ref.source() instanceof Sources.LiveSource s) {
            DatabaseSpec edited = t.spec();
            int n = changes(t.base(), edited, t.moves());
            reviews.live(s, t.databaseId(), t.base(), edited, n, discard, () -> live.applied(s, t.databaseId(), edited));
        } else {
            reviews.file(t.databaseId(), t.label(), t.base(), t.spec(), discard);
        }
    }
}
