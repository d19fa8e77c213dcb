package trellis.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import trellis.engine.ControlPlane;
import trellis.engine.LocalEngineAdmin;
import trellis.engine.InstanceFileView;
import trellis.engine.LocalEngineDetection;
import trellis.topology.HostPlacement;
import trellis.topology.NodePlacement;
import trellis.topology.Topology;
import trellis.ui.action.ActionContext;
import trellis.ui.action.ActionManager;
import trellis.ui.action.ApplyNodeAction;
import trellis.ui.action.BindHostAction;
import trellis.ui.action.DeployAction;
import trellis.ui.action.ExportPictureAction;
import trellis.ui.action.RemoveDatabaseAction;
import trellis.ui.action.RemoveServiceAction;
import trellis.ui.action.UserAction;
import trellis.ui.graph.TopologyView;
import trellis.ui.model.Deployment;
import trellis.ui.tasks.TasksTab;

/**
 * The File and Engine menus' commands: each looks at what is on screen, asks the person what it
 * must, and hands a {@link UserAction} to the {@link ActionManager}. FX thread only.
 */
final class ConsoleCommands {
    private final ActionManager actions;
    private final Supplier<ActionContext> ctx;
    private final Dialogs dialogs;
    private final Settings settings;
    private final LocalEngineDetection engines;
    private final SourcesTree sources;
    private final TopologyView graph;
    private final MainWindowViewModel vm;
    private final Supplier<Sources.DatabaseRef> current;
    private final Consumer<ControlPlane> addControlPlane;
    private final java.util.function.Function<java.net.URI, ControlPlane> connectTo;
    /** The dock's Tasks tab: every task an action starts is followed there. */
    private final TasksTab tasks;
    private final SpecFileCommands files;

    ConsoleCommands(ActionManager actions, Supplier<ActionContext> ctx, ConsoleServices with, Dialogs dialogs, SourcesTree sources,
                    TopologyView graph, MainWindowViewModel vm, Supplier<Sources.DatabaseRef> current,
                    Consumer<ControlPlane> addControlPlane, javafx.scene.control.Tab tasksTab) {
        this.actions = actions;
        this.tasks = new TasksTab(tasksTab, with.runner(), () -> graph.getScene() == null ? null : graph.getScene().getWindow());
        this.ctx = () -> ctx.get().withTasks(tasks::follow);
        this.dialogs = dialogs;
        this.settings = with.settings();
        this.engines = with.engines();
        this.sources = sources;
        this.graph = graph;
        this.vm = vm;
        this.current = current;
        this.addControlPlane = addControlPlane;
        this.connectTo = with.connect();
        this.files = new SpecFileCommands(actions, this.ctx, dialogs, current,
                () -> graph.getScene() == null ? null : graph.getScene().getWindow(), sources::replaceFile);
    }

    /** File > Save (as false) and Save As (true), Edit > Database users…: see {@link SpecFileCommands}. */
    SpecFileCommands files() {
        return files;
    }

    TasksTab tasks() {
        return tasks;
    }

    private void alert(String header, String text) {
        ctx.get().alert(header, text);
    }

    private List<ControlPlane> liveSources() {
        return sources.liveSources().stream().map(Sources.LiveSource::controlPlane).toList();
    }

    /** Whether the database on screen is on a source that can show an instance's files. */
    boolean canShowFiles() {
        return fileView(current.get()) != null;
    }

    /** The source of a database as one that shows instance files, or null. */
    private static InstanceFileView fileView(Sources.DatabaseRef ref) {
        return ref != null && ref.source() instanceof Sources.LiveSource live
                && live.controlPlane() instanceof InstanceFileView view ? view : null;
    }

    /** Details > Show files…: the instance's files as its engine writes them, secrets masked, in a window of their own. */
    void showFiles(String instanceId) {
        Sources.DatabaseRef ref = current.get();
        InstanceFileView view = fileView(ref);
        if (view == null) {
            alert("No files to show for " + instanceId, "Files are shown for instances of the local engine; "
                    + "for a spec file, trellis render FILE --out DIR writes them.");
            return;
        }
        actions.run(UserAction.of("Show the files of " + instanceId, () -> ctx.get().runner().run(
                () -> view.files(ref.databaseId(), instanceId),
                files -> {
                    if (files.isEmpty()) {
                        alert("No files to show for " + instanceId, "The spec of " + ref.databaseId()
                                + " no longer has this instance; it goes when the engine applies the spec.");
                    } else {
                        dialogs.showFiles(instanceId + ": files (secrets masked)", files);
                    }
                },
                error -> alert("Cannot show the files of " + instanceId, ActionContext.message(error)))));
    }

    /** Re-opens last session's files and control planes. */
    void reopenLast(Consumer<java.nio.file.Path> openFile) {
        // Which remembered files still exist is a question for the disk, so off the FX thread;
        // one that went away since is skipped without an alert.
        List<String> files = settings.list("files");
        ctx.get().runner().run(() -> files.stream().map(java.nio.file.Path::of).filter(java.nio.file.Files::isRegularFile).toList(),
                existing -> existing.forEach(openFile),
                error -> ctx.get().log("Last session's files could not be looked at: " + error.getMessage()));
        for (String url : settings.list("controlPlanes")) {
            try {
                addControlPlane.accept(connectTo.apply(java.net.URI.create(url)));
            } catch (IllegalArgumentException e) {
                ctx.get().log("Last session's control plane '" + url + "' is not an address Trellis can reach ("
                        + e.getMessage() + "); connect again with File > Connect to Control Plane…");
            }
        }
    }

    void export() {
        if (graph.topology() == null) {
            alert("Nothing to export", "Open a spec file or pick a database first.");
            return;
        }
        // The snapshot needs the FX thread; encoding and writing the file do not.
        Optional<Path> target = dialogs.choosePngTarget(graph.topology().databaseId() + ".png");
        target.ifPresent(f -> actions.run(new ExportPictureAction(ctx.get(), graph.snapshotPicture(), f)));
    }

    void deploy() {
        Sources.DatabaseRef ref = current.get();
        if (ref == null || !(ref.source() instanceof Sources.FileSource file)) {
            alert("Nothing to deploy", "Open a spec file and select its database first (File > Open).");
            return;
        }
        Optional<ControlPlane> target = Deployment.target(liveSources());
        if (target.isEmpty()) {
            alert("No engine to deploy to", engines.describeUnavailable());
            return;
        }
        actions.run(new DeployAction(ctx.get(), file, target.get(), null, task -> sources.selectDeployed(file.databaseId(), target.get())));
    }

    void deploy(Sources.FileSource file, ControlPlane cp, boolean exists) {
        actions.run(new DeployAction(ctx.get(), file, cp, exists, task -> sources.selectDeployed(file.databaseId(), cp)));
    }

    /** The local engine among the sources, or an alert that says how to get one. */
    private Optional<LocalEngineAdmin> localEngine() {
        Optional<LocalEngineAdmin> e = liveSources().stream()
                .filter(cp -> cp instanceof LocalEngineAdmin).map(cp -> (LocalEngineAdmin) cp).findFirst();
        if (e.isEmpty()) {
            alert("No local engine", engines.describeUnavailable());
        }
        return e;
    }

    void bindHost() {
        localEngine().ifPresent(engine -> {
            Topology shown = vm.shown();
            List<String> hosts = shown == null ? List.of() : shown.hosts().stream().map(HostPlacement::hostId).toList();
            // the first host's current engine, else this machine's
            String endpoint = engine.hostBindings().getOrDefault(hosts.isEmpty() ? "" : hosts.get(0), engines.defaultDockerHostOrSocket());
            dialogs.askHost(hosts, endpoint).ifPresent(r -> bindHost(engine, r));
        });
    }

    void bindHost(LocalEngineAdmin engine, HostDialog.Request r) {
        actions.run(new BindHostAction(ctx.get(), engine, r));
    }

    void node() {
        localEngine().ifPresent(engine -> {
            Topology shown = vm.shown();
            List<String> nodes = shown == null ? List.of() : shown.hosts().stream().flatMap(h -> h.nodes().stream())
                    .map(NodePlacement::nodeName).distinct().toList();
            dialogs.askNode(nodes).ifPresent(r -> applyNode(engine, r));
        });
    }

    void applyNode(LocalEngineAdmin engine, NodeDialog.Request r) {
        actions.run(new ApplyNodeAction(ctx.get(), engine, r));
    }

    void removeDatabase() {
        Sources.DatabaseRef ref = current.get();
        if (ref == null || !(ref.source() instanceof Sources.LiveSource live)) {
            alert("Nothing to remove", "Select a database of a control plane or of the local engine first.");
            return;
        }
        String id = ref.databaseId();
        int n = vm.shown() == null ? 0 : vm.shown().instances().size();
        if (dialogs.confirm("Remove database '" + id + "' from " + live.label() + "?",
                "Its " + n + " service instance(s) are deleted. The database users its services connect as "
                + "are not dropped by removing a service.")) {
            removeDatabase(live.controlPlane(), id);
        }
    }

    void removeDatabase(ControlPlane cp, String databaseId) {
        actions.run(new RemoveDatabaseAction(ctx.get(), cp, databaseId));
    }

    /** The actions' context, its started tasks followed in the Tasks tab. */
    ActionContext context() {
        return ctx.get();
    }

    /** The specs of the database's open spec files (with their secrets), read on the FX thread. */
    List<trellis.spec.DatabaseSpec> openFileSpecs(String databaseId) {
        return sources.openFileSpecs(databaseId);
    }

    void removeService() {
        Sources.DatabaseRef ref = current.get();
        if (ref == null || !(ref.source() instanceof Sources.LiveSource live) || vm.shown() == null) {
            alert("Nothing to remove", "Select a database of a control plane, then the service in the picture.");
            return;
        }
        String selected = graph.selectedService();
        if (selected == null) {
            alert("No service selected", "Click the service's chip (or one of its instances) in the picture first.");
            return;
        }
        if (dialogs.confirm("Remove service '" + selected + "' from database '" + ref.databaseId() + "'?",
                "Its instances are deleted. Its connect_as user stays, with its grants: removing a "
                + "service drops no user and revokes nothing.")) {
            removeService(live.controlPlane(), ref.databaseId(), selected);
        }
    }

    /** The open files' specs are read here, on the FX thread; the work gets them as plain values. */
    void removeService(ControlPlane cp, String databaseId, String serviceId) {
        actions.run(new RemoveServiceAction(ctx.get(), cp, databaseId, serviceId, sources.openFileSpecs(databaseId)));
    }
}
