package trellis.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.concurrent.Worker;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import trellis.engine.ControlPlane;
import trellis.engine.LocalEngineAdmin;
import trellis.engine.LocalEngineDetection;
import trellis.spec.Database;
import trellis.topology.Topology;
import trellis.topology.TopologyBuilder;
import trellis.ui.action.ActionContext;
import trellis.ui.action.ActionManager;
import trellis.ui.action.OpenFileAction;
import trellis.ui.graph.TopologyView;
import trellis.ui.model.SpecFiles;

/**
 * The main window's controller: binds the FXML to the sources, the graph, the details pane, the
 * event log and the pollers, and turns the person's gestures into {@link UserAction}s run by its
 * {@link ActionManager}. What to send and what to say is decided in {@code trellis.ui.action} and
 * {@code trellis.ui.model}; every call to a control plane goes through the {@link TaskRunner}.
 */
public final class MainWindow {

    @FXML private BorderPane root;
    @FXML private javafx.scene.control.ToolBar toolBar;
    @FXML private ToggleButton pauseButton;
    @FXML private Spinner<Integer> intervalSpinner;
    @FXML private TextField filterField;
    @FXML private SplitPane mainSplit;
    @FXML private SplitPane verticalSplit;
    @FXML private TreeView<Object> sourcesTree;
    @FXML private HBox banner;
    @FXML private Label bannerLabel;
    @FXML private StackPane graphHolder;
    @FXML private DetailsPane detailsController;
    @FXML private ListView<String> eventLog;
    @FXML private Label connectionLabel;
    @FXML private Label updatedLabel;
    @FXML private Label countsLabel;
    /** The menu bar's controller ({@code fxml/MainMenu.fxml}). */
    @FXML private MainMenu menuController;
    /** The Logs tab; its content ({@link LogsDock}) is loaded on its first selection. */
    @FXML private Tab logsTab;
    @FXML private Tab tasksTab;
    @FXML private Tab hostsTab;
    /** Made on first use (the tab's selection or a source's Hosts): its table cost the first frame 8 % of its FX time. */
    private HostsView hostsView;
    /** Control Planes by connection profile: connect, edit, remove, start connected. */
    private RemoteSources remote;

    private final TopologyView graph = new TopologyView();
    private final MainWindowViewModel vm = new MainWindowViewModel();
    /** Every user action runs through it; the edits among them are undone and redone with Edit > Undo and Redo. */
    private final ActionManager actions = new ActionManager();
    private SourcesTree sources;
    private final LogsModel logs = new LogsModel();
    private WindowLayout layout;
    private ConsoleCommands commands;
    private TaskRunner runner;
    private Settings settings;
    private Dialogs dialogs;
    private LocalEngineDetection engines = LocalEngineDetection.none();
    private Stage stage;
    /** One poller per live database opened in this window, so each keeps its event log going. */
    private final Pollers pollers = new Pollers();
    /** Each source's first listing of databases, tried again with the pollers' backoff while it fails. */
    private DatabaseListing listing;
    /** The poller of the database on screen, or null for a spec file. */
    private DatabasePoller poller;
    private Sources.DatabaseRef current;
    /** Spec files being read; while there are any, a live source does not pick what is shown. */
    private int opening;
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));

    @FXML
    private void initialize() {
        graphHolder.getChildren().add(0, graph); // under the banner
        LazyTooltips.install(toolBar.getItems());
        menuController.bindActions(actions);
        graph.setOnSelect(this::showDetails);
        intervalSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 60, 2));
        intervalSpinner.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                pollers.setPeriod(b);
            }
        });
        filterField.textProperty().addListener((o, a, b) -> graph.setFilter(b));
        StatusBar.bind(vm, eventLog, connectionLabel, updatedLabel, countsLabel, banner, bannerLabel);
        LogsDock.loadOnFirstSelection(logsTab, logs);
        eventLog.setCellFactory(EventLogCell::new);
        sources = new SourcesTree(sourcesTree, this::selectDatabase);
        hostsTab.setOnSelectionChanged(e -> hostsView());
        WindowGestures.acceptDroppedFiles(root, this::openFile);
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
        showDetails(null);
    }

    /** Called once by {@link ConsoleApp} (or a test) after the FXML is loaded, with what the composition root made. */
    public void attach(Stage stage, ConsoleServices with, Theme theme) {
        this.stage = stage;
        this.settings = with.settings();
        this.runner = with.runner();
        this.listing = new DatabaseListing(runner);
        this.engines = with.engines();
        this.dialogs = with.dialogs().ownedBy(stage);
        this.layout = new WindowLayout(settings, mainSplit, verticalSplit, intervalSpinner);
        this.commands = new ConsoleCommands(actions, this::ctx, with, dialogs, sources, graph, vm, () -> current, this::addControlPlane, tasksTab);
        menuController.attach(this, commands, this::ctx, with, dialogs, stage, theme);
        this.remote = new RemoteSources(actions, this::ctx, dialogs, with.remote(), this::addControlPlane, this::dropSource,
                new ConnectedProfiles(settings));
        sources.onHosts(live -> {
            hostsView().show(runner, live);
            hostsTab.getTabPane().getSelectionModel().select(hostsTab);
        });
        sources.sourceMenu(live -> SourceMenu.of(remote, live));
        WindowGestures.installKeys(root.getScene(), filterField, graph, this::onRefresh);
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
        addControlPlane(cp, null);
    }

    /** Adds a live control plane to the sources, lists its databases and shows {@code show} (null: the first, if nothing is shown). */
    public void addControlPlane(ControlPlane cp, String show) {
        Sources.LiveSource source = sources.addLive(cp);
        listing.list(source, dbs -> {
            sources.addDatabases(source, dbs);
            log(cp.displayName() + ": " + dbs.size() + " database(s)");
            if (show != null && !sources.selectDatabase(source, show)) {
                log(cp.displayName() + ": no database '" + show + "'; pick one of its databases in the sources");
            }
            // A control plane found at start-up never takes the screen from a file being opened.
            if (show == null && current == null && opening == 0) {
                sources.selectFirstDatabase(source);
            }
        }, (src, failure) -> {
            log(cp.displayName() + ": " + message(failure.error()) + "; listing its databases again in " + failure.retryIn().toSeconds() + " s");
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
        commands.tasks().showDatabase(ref.source() instanceof Sources.LiveSource l ? l.controlPlane() : null, ref.databaseId());
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
            poller = pollers.of(key, k -> newPoller(live, k));
            if (!pauseButton.isSelected() && poller.getState() == Worker.State.READY) {
                poller.start();
            }
        }
        Platform.runLater(graph::resetView);
        menuController.shown(ref);
    }

    /** Takes a source out of the tree, its pollers stopped; the picture empties when it was on screen. */
    void dropSource(Sources.LiveSource live) {
        listing.stop(live);
        pollers.stopSource(live.id());
        sources.removeLive(live);
        if (current != null && current.source() == live) {
            current = null;
            poller = null;
            graph.show(null);
        }
        log(live.label() + ": closed");
    }

    /** Opens what --connect or --profile named; true when there was one. */
    public boolean startConnected() {
        return remote.startConnected();
    }

    /** Control Planes by profile (File > Connect…, start connected). */
    RemoteSources remoteSources() {
        return remote;
    }

    /** The dock's Hosts view. */
    HostsView hostsView() {
        if (hostsView == null) {
            hostsView = new HostsView();
            hostsTab.setContent(hostsView.root());
        }
        return hostsView;
    }

    /** The keys of the pollers of this window, for tests. */
    public Set<Sources.PollerKey> pollerKeys() {
        return pollers.keys();
    }

    private DatabasePoller newPoller(Sources.LiveSource live, Sources.PollerKey key) {
        DatabasePoller p = new DatabasePoller(live.controlPlane(), key.databaseId(), runner.background(),
                Duration.seconds(intervalSpinner.getValue()));
        p.setOnSucceeded(e -> onPolled(key, p, live, p.getValue()));
        p.setOnRetry(retry -> vm.pollFailed(key.toString(), live.label(), retry));
        return p;
    }

    private void onPolled(Sources.PollerKey key, DatabasePoller from, Sources.LiveSource live, Database db) {
        if (db == null) {
            return;
        }
        Topology t = TopologyBuilder.live(db, live.hosts().known(runner));
        var failed = vm.polled(key.toString(), live.label(), t);
        if (from == poller) {
            graph.show(menuController.picture(current, db, t));
            detailsController.viewModel().refresh(t);
            logs.refresh(runner, current);
        }
        FailureNotifier.notifyFailed(stage, failed);
        current = sources.updateState(live, db, current);
    }

    /** The live sources, in the order they were added. */
    public List<Sources.LiveSource> liveSourceList() {
        return sources.liveSources();
    }

    /** The source in the tree that wraps this control plane, or null. */
    public Sources.LiveSource liveSourceOf(ControlPlane cp) {
        return sources.liveSourceOf(cp);
    }

    /** Brings the Logs tab of the dock to the front. */
    public void showLogs() {
        logsTab.getTabPane().getSelectionModel().select(logsTab);
    }

    /** The log lines shown (before the filter), for tests. */
    public List<String> logLines() {
        return logs.lines();
    }

    // ---------------------------------------------------------------- details and status

    private void showDetails(TopologyView.Selection selection) {
        detailsController.viewModel().show(selection, vm.shown());
        detailsController.setFilesAvailable(commands != null && commands.canShowFiles());
        if (selection instanceof TopologyView.Selection.OfInstance si) {
            detailsController.setOnShowFiles(() -> commands.showFiles(si.instance().instanceId()));
            logs.follow(si.instance().instanceId());
            logs.refresh(runner, current);
        }
    }

    void log(String line) {
        vm.log(line);
    }

    private static String message(Throwable t) {
        return MainWindowViewModel.message(t);
    }

    // ---------------------------------------------------------------- actions

    /** Sends the file's spec to a control plane (create or full update) and shows it live there. */
    public void deploy(Sources.FileSource file, ControlPlane cp, boolean exists) {
        commands.deploy(file, cp, exists);
    }

    /** Binds a host off the FX thread (a new engine is reached over the network) and says what answered. */
    public void bindHost(LocalEngineAdmin engine, HostDialog.Request r) {
        commands.bindHost(engine, r);
    }

    /** Starts or attaches a node off the FX thread, then connects to it to say what answered. */
    public void applyNode(LocalEngineAdmin engine, NodeDialog.Request r) {
        commands.applyNode(engine, r);
    }

    /** Deletes a database on a control plane; the poller then shows its instances deleting and gone. */
    public void removeDatabase(ControlPlane cp, String databaseId) {
        commands.removeDatabase(cp, databaseId);
    }

    /**
     * Sends the database's full spec without one service, its secrets put back from the spec files
     * of the same database open in this console (read now, on the FX thread).
     */
    public void removeService(ControlPlane cp, String databaseId, String serviceId) {
        commands.removeService(cp, databaseId, serviceId);
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
        if (pollers.pause(paused)) {
            log(paused ? "polling paused" : "polling resumed");
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

    /** Puts the cursor in the filter box, its text selected (Ctrl+F, /). */
    void focusFilter() {
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

    // ---------------------------------------------------------------- memory

    /** Saves window and split positions; called when the window closes. */
    public void saveLayout() {
        layout.save(stage);
    }

    /** Re-opens what was open last time. */
    public void reopenLast() {
        commands.reopenLast(this::openFile);
    }

    public void shutdown() {
        pollers.stop();
        listing.stopAll();
        poller = null;
        clock.stop();
        commands.tasks().stop();
        saveLayout();
    }
}
