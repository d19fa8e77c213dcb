package trellis.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.concurrent.Worker;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import trellis.engine.ControlPlane;
import trellis.engine.LocalEngineAdmin;
import trellis.engine.LocalEngineDetection;
import trellis.engine.http.RestControlPlane;
import trellis.spec.Database;
import trellis.topology.HostPlacement;
import trellis.topology.NodePlacement;
import trellis.topology.Topology;
import trellis.topology.TopologyBuilder;
import trellis.ui.action.ActionContext;
import trellis.ui.action.ActionManager;
import trellis.ui.action.ApplyNodeAction;
import trellis.ui.action.BindHostAction;
import trellis.ui.action.DeployAction;
import trellis.ui.action.ExportPictureAction;
import trellis.ui.action.OpenFileAction;
import trellis.ui.action.RemoveDatabaseAction;
import trellis.ui.action.RemoveServiceAction;
import trellis.ui.action.UserAction;
import trellis.ui.graph.TopologyView;
import trellis.ui.model.Deployment;
import trellis.ui.model.SpecFiles;

/**
 * The main window's controller: binds the FXML to the sources, the graph, the details pane, the
 * event log and the pollers, and turns the person's gestures into {@link UserAction}s run by its
 * {@link ActionManager}. What to send and what to say is decided in {@code trellis.ui.action} and
 * {@code trellis.ui.model}; every call to a control plane goes through the {@link TaskRunner}.
 */
public final class MainWindow {

    @FXML private BorderPane root;
    @FXML private ToggleButton pauseButton;
    @FXML private Spinner<Integer> intervalSpinner;
    @FXML private TextField filterField;
    @FXML private SplitPane mainSplit;
    @FXML private SplitPane verticalSplit;
    @FXML private TreeView<Object> sourcesTree;
    @FXML private HBox banner;
    @FXML private Label bannerLabel;
    @FXML private StackPane graphHolder;
    @FXML private VBox details;
    @FXML private DetailsPane detailsController;
    @FXML private ListView<String> eventLog;
    @FXML private Label connectionLabel;
    @FXML private Label updatedLabel;
    @FXML private Label countsLabel;
    @FXML private CheckMenuItem darkItem;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private Tab logsTab;
    /** The Logs tab's content, put in on its first selection so that it costs the first frame nothing. */
    @FXML private BorderPane logsPane;
    @FXML private Label logsLabel;
    @FXML private TextField logsFilter;
    @FXML private ToggleButton logsPause;
    @FXML private ListView<String> logsView;

    private final TopologyView graph = new TopologyView();
    private final MainWindowViewModel vm = new MainWindowViewModel();
    /** Every user action runs through it; the edits among them are undone and redone with Edit > Undo and Redo. */
    private final ActionManager actions = new ActionManager();
    private SourcesTree sources;
    private LogsDock logs;
    private WindowLayout layout;
    private TaskRunner runner;
    private Settings settings;
    private Dialogs dialogs;
    private LocalEngineDetection engines = LocalEngineDetection.none();
    private Stage stage;
    private Theme theme = Theme.LIGHT;
    /** One poller per live database opened in this window, so each keeps its event log going. */
    private final Map<Sources.PollerKey, DatabasePoller> pollers = new LinkedHashMap<>();
    /** The poller of the database on screen, or null for a spec file. */
    private DatabasePoller poller;
    private Sources.DatabaseRef current;
    /** Spec files being read; while there are any, a live source does not pick what is shown. */
    private int opening;
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));

    @FXML
    private void initialize() {
        graphHolder.getChildren().add(graph);
        undoItem.textProperty().bind(actions.undoTextProperty());
        undoItem.disableProperty().bind(actions.canUndoProperty().not());
        redoItem.textProperty().bind(actions.redoTextProperty());
        redoItem.disableProperty().bind(actions.canRedoProperty().not());
        graph.setOnSelect(this::showDetails);
        intervalSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 60, 2));
        intervalSpinner.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                pollers.values().forEach(p -> p.setPeriod(Duration.seconds(b)));
            }
        });
        filterField.textProperty().addListener((o, a, b) -> graph.setFilter(b));
        bindStatus();
        logs = new LogsDock(logsTab, logsPane, logsLabel, logsFilter, logsPause, logsView);
        eventLog.setCellFactory(EventLogCell::new);
        sources = new SourcesTree(sourcesTree, this::selectDatabase);
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles()) {
                for (File f : e.getDragboard().getFiles()) {
                    openFile(f.toPath());
                    ok = true;
                }
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
        showDetails(null);
    }

    /** Called once by {@link ConsoleApp} (or a test) after the FXML is loaded, with what the composition root made. */
    public void attach(Stage stage, ConsoleServices with, Theme theme) {
        this.stage = stage;
        this.settings = with.settings();
        this.runner = with.runner();
        this.engines = with.engines();
        this.dialogs = with.dialogs().ownedBy(stage);
        this.theme = theme;
        this.layout = new WindowLayout(settings, mainSplit, verticalSplit, intervalSpinner);
        darkItem.setSelected(theme == Theme.DARK);
        var scene = root.getScene();
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), this::onRefresh);
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("/".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                filterField.requestFocus();
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && filterField.isFocused()) {
                filterField.clear();
                graph.requestFocus();
            }
        });
        layout.restore();
    }

    public BorderPane root() {
        return root;
    }

    public TopologyView graph() {
        return graph;
    }

    public ObservableList<String> events() {
        return vm.events();
    }

    /** The database on screen, or null. */
    public Sources.DatabaseRef currentDatabase() {
        return current;
    }

    /** The runner of every user action, with the undo and redo stacks. */
    public ActionManager actions() {
        return actions;
    }

    public MainWindowViewModel viewModel() {
        return vm;
    }

    public DatabasePoller poller() {
        return poller;
    }

    public Label bannerLabel() {
        return bannerLabel;
    }

    public boolean bannerShown() {
        return vm.bannerShownProperty().get();
    }

    private ActionContext ctx() {
        return new ActionContext(runner, dialogs, this::log);
    }

    // ---------------------------------------------------------------- sources

    /** The local engine when Docker answers, found off the FX thread; offline editing otherwise. */
    public void findLocalEngine() {
        runner.run(engines::detect, engine -> {
            if (engine.isPresent()) {
                addControlPlane(engine.get());
                log("Local engine: Docker answers; services you deploy run there");
            } else {
                log(engines.describeUnavailable());
            }
        }, error -> log(engines.describeUnavailable()));
    }

    /** Opens a spec file: its planned topology, every instance pending. Problems go to the event log. */
    public void openFile(Path path) {
        opening++;
        actions.run(new OpenFileAction(ctx(), path, this::showFile, () -> opening--));
    }

    private void showFile(SpecFiles.Opened opened) {
        opening--;
        Sources.FileSource source = new Sources.FileSource(opened.path().toAbsolutePath(), opened.body());
        var problems = opened.problems();
        log(source.label() + ": opened, " + (problems.isEmpty() ? "valid" : problems.size() + " problem(s)"));
        problems.stream().limit(20).forEach(p -> log(source.label() + ": " + p));
        settings.remember("files", source.path().toString());
        sources.showFile(source);
    }

    /** Adds a live control plane to the sources and lists its databases. */
    public void addControlPlane(ControlPlane cp) {
        Sources.LiveSource source = sources.addLive(cp);
        runner.run(cp::databases, dbs -> {
            sources.addDatabases(source, dbs);
            log(cp.displayName() + ": " + dbs.size() + " database(s)");
            // A control plane found at start-up never takes the screen from a file being opened.
            if (current == null && opening == 0) {
                sources.selectFirstDatabase(source);
            }
        }, error -> {
            log(cp.displayName() + ": " + message(error));
            vm.setConnection(cp.displayName() + ": unreachable", false);
        });
    }

    /**
     * Shows a database: a file's planned picture, or a live one kept fresh by its poller. A live
     * database's poller starts the first time it is shown and keeps running when another one is
     * shown, so its changes still reach the event log.
     */
    public void selectDatabase(Sources.DatabaseRef ref) {
        current = ref;
        poller = null;
        detailsController.viewModel().show(null, null);
        if (ref.source() instanceof Sources.FileSource file) {
            Topology t = TopologyBuilder.planned(file.databaseId(), file.body().spec());
            vm.showPlanned(file.label(), t);
            graph.show(t);
        } else if (ref.source() instanceof Sources.LiveSource live) {
            Sources.PollerKey key = Sources.PollerKey.of(live, ref.databaseId());
            vm.select(key.toString());
            graph.show(vm.shown());
            if (vm.shown() == null) {
                vm.setConnection(live.label() + ": connecting…", true);
            }
            poller = pollers.computeIfAbsent(key, k -> newPoller(live, k));
            if (!pauseButton.isSelected() && poller.getState() == Worker.State.READY) {
                poller.start();
            }
        }
        Platform.runLater(graph::resetView);
    }

    /** The keys of the pollers of this window, for tests. */
    public Set<Sources.PollerKey> pollerKeys() {
        return Set.copyOf(pollers.keySet());
    }

    private DatabasePoller newPoller(Sources.LiveSource live, Sources.PollerKey key) {
        DatabasePoller p = new DatabasePoller(live.controlPlane(), key.databaseId(), runner.background(),
                Duration.seconds(intervalSpinner.getValue()));
        p.setOnSucceeded(e -> onPolled(key, p, live, p.getValue()));
        p.setOnFailed(e -> vm.pollFailed(key.toString(), live.label(), p.getException()));
        return p;
    }

    private void onPolled(Sources.PollerKey key, DatabasePoller from, Sources.LiveSource live, Database db) {
        if (db == null) {
            return;
        }
        Topology t = TopologyBuilder.live(db, List.of());
        var failed = vm.polled(key.toString(), live.label(), t);
        if (from == poller) {
            graph.show(t);
            detailsController.viewModel().refresh(t);
            logs.refresh(runner, current);
        }
        FailureNotifier.notifyFailed(stage, failed);
        current = sources.updateState(live, db, current);
    }

    private void stopPollers() {
        pollers.values().forEach(DatabasePoller::cancel);
        pollers.clear();
        poller = null;
    }

    /** The live sources, in the order they were added. */
    public List<Sources.LiveSource> liveSourceList() {
        return sources.liveSources();
    }

    /** The source in the tree that wraps this control plane, or null. */
    public Sources.LiveSource liveSourceOf(ControlPlane cp) {
        return sources.liveSourceOf(cp);
    }

    private List<ControlPlane> liveSources() {
        return sources.liveSources().stream().map(Sources.LiveSource::controlPlane).toList();
    }

    /** Brings the Logs tab of the dock to the front. */
    public void showLogs() {
        logs.show();
    }

    /** The log lines shown (before the filter), for tests. */
    public List<String> logLines() {
        return logs.lines();
    }

    // ---------------------------------------------------------------- details and status

    private void showDetails(TopologyView.Selection selection) {
        detailsController.viewModel().show(selection, vm.shown());
        if (selection instanceof TopologyView.Selection.OfInstance si) {
            logs.follow(si.instance().instanceId());
            logs.refresh(runner, current);
        }
    }

    /** The status bar, the banner, the greyed picture and the event log follow the view model. */
    private void bindStatus() {
        eventLog.setItems(vm.events());
        connectionLabel.textProperty().bind(vm.connectionProperty());
        connectionLabel.getStyleClass().add(vm.connectedProperty().get() ? "connected" : "unreachable");
        vm.connectedProperty().addListener((o, a, ok) -> {
            connectionLabel.getStyleClass().removeAll("connected", "unreachable");
            connectionLabel.getStyleClass().add(ok ? "connected" : "unreachable");
        });
        updatedLabel.textProperty().bind(vm.updatedProperty());
        countsLabel.textProperty().bind(vm.countsProperty());
        bannerLabel.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerShownProperty());
        banner.managedProperty().bind(vm.bannerShownProperty());
        vm.staleProperty().addListener((o, a, stale) -> {
            graph.getStyleClass().remove("stale");
            if (stale) {
                graph.getStyleClass().add("stale");
            }
        });
    }

    void log(String line) {
        vm.log(line);
    }

    private static String message(Throwable t) {
        return MainWindowViewModel.message(t);
    }

    private void alert(String header, String text) {
        ctx().alert(header, text);
    }

    // ---------------------------------------------------------------- actions

    @FXML
    private void onOpen() {
        dialogs.chooseSpecFile().ifPresent(this::openFile);
    }

    @FXML
    private void onConnect() {
        dialogs.askText("Connect to a Control Plane", "The address of a pgEdge Control Plane API (or of 'trellis serve')",
                "http://127.0.0.1:3000").map(String::strip).filter(s -> !s.isEmpty()).ifPresent(url ->
                actions.run(UserAction.of("Connect to " + url, () -> {
                    try {
                        addControlPlane(new RestControlPlane(java.net.URI.create(url)));
                        settings.remember("controlPlanes", url);
                    } catch (IllegalArgumentException e) {
                        alert("Not an address: " + url, "Enter an address such as http://127.0.0.1:3000");
                    }
                })));
    }

    @FXML
    private void onExport() {
        if (graph.topology() == null) {
            alert("Nothing to export", "Open a spec file or pick a database first.");
            return;
        }
        // The snapshot needs the FX thread; encoding and writing the file do not.
        dialogs.choosePngTarget(graph.topology().databaseId() + ".png")
                .ifPresent(f -> actions.run(new ExportPictureAction(ctx(), graph.snapshotPicture(), f)));
    }

    @FXML
    private void onDeploy() {
        if (current == null || !(current.source() instanceof Sources.FileSource file)) {
            alert("Nothing to deploy", "Open a spec file and select its database first (File > Open).");
            return;
        }
        Optional<ControlPlane> target = Deployment.target(liveSources());
        if (target.isEmpty()) {
            alert("No engine to deploy to", engines.describeUnavailable());
            return;
        }
        actions.run(new DeployAction(ctx(), file, target.get(), null, task -> sources.selectDeployed(file.databaseId(), target.get())));
    }

    /** Sends the file's spec to a control plane (create or full update) and shows it live there. */
    public void deploy(Sources.FileSource file, ControlPlane cp, boolean exists) {
        actions.run(new DeployAction(ctx(), file, cp, exists, task -> sources.selectDeployed(file.databaseId(), cp)));
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

    @FXML
    private void onBindHost() {
        localEngine().ifPresent(engine -> {
            Topology shown = vm.shown();
            List<String> hosts = shown == null ? List.of() : shown.hosts().stream().map(HostPlacement::hostId).toList();
            // the first host's current engine, else this machine's
            String endpoint = engine.hostBindings().getOrDefault(hosts.isEmpty() ? "" : hosts.get(0), engines.defaultDockerHostOrSocket());
            dialogs.askHost(hosts, endpoint).ifPresent(r -> bindHost(engine, r));
        });
    }

    /** Binds a host off the FX thread (a new engine is reached over the network) and says what answered. */
    public void bindHost(LocalEngineAdmin engine, HostDialog.Request r) {
        actions.run(new BindHostAction(ctx(), engine, r));
    }

    @FXML
    private void onNode() {
        localEngine().ifPresent(engine -> {
            Topology shown = vm.shown();
            List<String> nodes = shown == null ? List.of() : shown.hosts().stream().flatMap(h -> h.nodes().stream())
                    .map(NodePlacement::nodeName).distinct().toList();
            dialogs.askNode(nodes).ifPresent(r -> applyNode(engine, r));
        });
    }

    /** Starts or attaches a node off the FX thread, then connects to it to say what answered. */
    public void applyNode(LocalEngineAdmin engine, NodeDialog.Request r) {
        actions.run(new ApplyNodeAction(ctx(), engine, r));
    }

    @FXML
    private void onRemoveDatabase() {
        if (current == null || !(current.source() instanceof Sources.LiveSource live)) {
            alert("Nothing to remove", "Select a database of a control plane or of the local engine first.");
            return;
        }
        String id = current.databaseId();
        int n = vm.shown() == null ? 0 : vm.shown().instances().size();
        if (dialogs.confirm("Remove database '" + id + "' from " + live.label() + "?",
                "Its " + n + " service instance(s) are deleted. The database users its services connect as "
                + "are not dropped by removing a service.")) {
            removeDatabase(live.controlPlane(), id);
        }
    }

    /** Deletes a database on a control plane; the poller then shows its instances deleting and gone. */
    public void removeDatabase(ControlPlane cp, String databaseId) {
        actions.run(new RemoveDatabaseAction(ctx(), cp, databaseId));
    }

    @FXML
    private void onRemoveService() {
        if (current == null || !(current.source() instanceof Sources.LiveSource live) || vm.shown() == null) {
            alert("Nothing to remove", "Select a database of a control plane, then the service in the picture.");
            return;
        }
        var selected = graph.selectedService();
        if (selected == null) {
            alert("No service selected", "Click the service's chip (or one of its instances) in the picture first.");
            return;
        }
        if (dialogs.confirm("Remove service '" + selected + "' from database '" + current.databaseId() + "'?",
                "Its instances are deleted. Its connect_as user stays, with its grants: removing a "
                + "service drops no user and revokes nothing.")) {
            removeService(live.controlPlane(), current.databaseId(), selected);
        }
    }

    /**
     * Sends the database's full spec without one service, its secrets put back from the spec files
     * of the same database open in this console. The files are read here, on the FX thread; the
     * work gets their specs as plain values.
     */
    public void removeService(ControlPlane cp, String databaseId, String serviceId) {
        actions.run(new RemoveServiceAction(ctx(), cp, databaseId, serviceId, sources.openFileSpecs(databaseId)));
    }

    @FXML
    private void onUndo() {
        actions.undo();
    }

    @FXML
    private void onRedo() {
        actions.redo();
    }

    @FXML
    private void onQuit() {
        if (stage != null) {
            stage.close();
        }
    }

    @FXML
    void onRefresh() {
        if (poller != null) {
            poller.pollNow();
        } else if (current != null && current.source() instanceof Sources.FileSource f) {
            openFile(f.path());
        }
    }

    @FXML
    private void onPause() {
        boolean paused = pauseButton.isSelected();
        pauseButton.setText(paused ? "Resume" : "Pause");
        vm.setPaused(paused);
        if (!pollers.isEmpty()) {
            if (paused) {
                pollers.values().forEach(DatabasePoller::cancel);
                log("polling paused");
            } else {
                pollers.values().forEach(DatabasePoller::pollNow);
                log("polling resumed");
            }
        }
    }

    /** For tests and the keyboard: the same as the toolbar button. */
    public void setPaused(boolean paused) {
        if (pauseButton.isSelected() != paused) {
            pauseButton.setSelected(paused);
            onPause();
        }
    }

    public void setInterval(int seconds) {
        intervalSpinner.getValueFactory().setValue(seconds);
    }

    @FXML
    private void onFocusFilter() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    @FXML
    private void onFit() {
        graph.fit();
    }

    @FXML
    private void onZoomIn() {
        graph.zoomIn();
    }

    @FXML
    private void onZoomOut() {
        graph.zoomOut();
    }

    @FXML
    private void onToggleTheme() {
        theme = darkItem.isSelected() ? Theme.DARK : Theme.LIGHT;
        theme.apply(root.getScene());
        settings.put("theme", theme.name());
    }

    // ---------------------------------------------------------------- memory

    /** Saves window and split positions; called when the window closes. */
    public void saveLayout() {
        layout.save(stage);
    }

    /** Re-opens what was open last time. */
    public void reopenLast() {
        // Which remembered files still exist is a question for the disk, so off the FX thread;
        // one that went away since is skipped without an alert.
        List<String> files = settings.list("files");
        runner.run(() -> files.stream().map(Path::of).filter(Files::isRegularFile).toList(),
                existing -> existing.forEach(this::openFile), error -> { });
        for (String url : settings.list("controlPlanes")) {
            try {
                addControlPlane(new RestControlPlane(java.net.URI.create(url)));
            } catch (IllegalArgumentException e) {
                // a stored address that no longer parses is dropped silently
            }
        }
    }

    public void shutdown() {
        stopPollers();
        clock.stop();
        saveLayout();
    }
}
