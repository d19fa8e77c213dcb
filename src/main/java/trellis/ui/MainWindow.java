package trellis.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.Notifications;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.engine.LocalEngineAdmin;
import trellis.engine.LocalEngineDetection;
import trellis.engine.http.RestControlPlane;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.Json;
import trellis.spec.Secrets;
import trellis.spec.validation.Problem;
import trellis.spec.validation.SpecValidator;
import trellis.topology.StateChange;
import trellis.topology.Topology;
import trellis.topology.TopologyBuilder;
import trellis.ui.export.TopologyPngExporter;
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

/**
 * The main window's controller: binds the FXML to the sources, the graph, the details pane,
 * the event log and the poller. Every call to a control plane goes through the {@link TaskRunner}.
 */
public final class MainWindow {

    @FXML private BorderPane root;
    @FXML private MenuBar menuBar;
    @FXML private Button refreshButton;
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
    @FXML private javafx.scene.control.MenuItem undoItem;
    @FXML private javafx.scene.control.MenuItem redoItem;
    @FXML private javafx.scene.control.Tab logsTab;
    /** The Logs tab's content, put in on its first selection so that it costs the first frame nothing. */
    @FXML private BorderPane logsPane;
    @FXML private Label logsLabel;
    @FXML private TextField logsFilter;
    @FXML private ToggleButton logsPause;
    @FXML private ListView<String> logsView;
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private String logsInstance;

    private final TopologyView graph = new TopologyView();
    private final MainWindowViewModel vm = new MainWindowViewModel();
    /** Every user action runs through it; the edits among them are undone and redone with Edit > Undo and Redo. */
    private final ActionManager actions = new ActionManager();
    private final TreeItem<Object> treeRoot = new TreeItem<>("sources");
    private final TreeItem<Object> filesItem = new TreeItem<>("Spec files");
    private final TreeItem<Object> liveItem = new TreeItem<>("Control planes");
    private TaskRunner runner = TaskRunner.standard();
    private Settings settings;
    private Dialogs dialogs = new FxDialogs();
    private LocalEngineDetection engines = LocalEngineDetection.none();
    private Stage stage;
    private Theme theme = Theme.LIGHT;
    /** One poller per live database opened in this window, so each keeps its event log going. */
    private final java.util.Map<Sources.PollerKey, DatabasePoller> pollers = new java.util.LinkedHashMap<>();
    /** Gives each live source its identity when it is added. */
    private int liveSourcesAdded;
    /** The poller of the database on screen, or null for a spec file. */
    private DatabasePoller poller;
    private Sources.DatabaseRef current;
    /** Spec files being read; while there are any, a live source does not pick what is shown. */
    private int opening;
    private final Timeline clock = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> vm.tick()));

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
                pollers.values().forEach(p -> p.setPeriod(javafx.util.Duration.seconds(b)));
            }
        });
        filterField.textProperty().addListener((o, a, b) -> graph.setFilter(b));
        bindStatus();
        var filteredLogs = new javafx.collections.transformation.FilteredList<>(logLines, l -> true);
        logsFilter.textProperty().addListener((o, a, b) -> filteredLogs.setPredicate(
                l -> b == null || b.isBlank() || l.toLowerCase(java.util.Locale.ROOT).contains(b.toLowerCase(java.util.Locale.ROOT))));
        logsView.setItems(filteredLogs);
        logsTab.setOnSelectionChanged(e -> {
            if (logsTab.isSelected() && logsTab.getContent() == null) {
                logsTab.setContent(logsPane);
            }
        });
        eventLog.setCellFactory(v -> new ListCell<>() {
            {
                // long lines (an error, the way to start Docker) wrap within the dock instead of
                // hiding their end behind a horizontal scroll bar
                setWrapText(true);
                prefWidthProperty().bind(v.widthProperty().subtract(24));
                setMaxWidth(USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("event-failed");
                if (!empty && item != null && item.contains("→ failed")) {
                    getStyleClass().add("event-failed");
                }
            }
        });
        treeRoot.getChildren().addAll(filesItem, liveItem);
        filesItem.setExpanded(true);
        liveItem.setExpanded(true);
        sourcesTree.setRoot(treeRoot);
        sourcesTree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : item instanceof Sources.Source s ? s.label() : item.toString());
            }
        });
        sourcesTree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue() instanceof Sources.DatabaseRef ref) {
                selectDatabase(ref);
            }
        });
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

    /** Called once by {@link ConsoleApp} (or a test) after the FXML is loaded. */
    public void attach(Stage stage, ConsoleServices with, Theme theme) {
        this.stage = stage;
        this.settings = with.settings();
        this.runner = with.runner();
        this.engines = with.engines();
        this.dialogs = with.dialogs().ownedBy(stage);
        this.theme = theme;
        darkItem.setSelected(theme == Theme.DARK);
        var scene = root.getScene();
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), this::onRefresh);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if ("/".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                filterField.requestFocus();
                e.consume();
            }
        });
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && filterField.isFocused()) {
                filterField.clear();
                graph.requestFocus();
            }
        });
        restoreLayout();
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

    private ActionContext ctx() {
        return new ActionContext(runner, dialogs, this::log);
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
        actions.run(new OpenFileAction(ctx(), path, opened -> {
            opening--;
            CreateDatabaseRequest body = opened.body();
            List<Problem> problems = opened.problems();
            Sources.FileSource source = new Sources.FileSource(path.toAbsolutePath(), body);
            TreeItem<Object> item = new TreeItem<>(source.label());
            Sources.DatabaseRef ref = new Sources.DatabaseRef(source, source.databaseId(), "offline");
            TreeItem<Object> dbItem = new TreeItem<>(ref);
            item.getChildren().add(dbItem);
            item.setExpanded(true);
            filesItem.getChildren().removeIf(i -> i.getValue().equals(source.label()));
            filesItem.getChildren().add(item);
            log(source.label() + ": opened, " + (problems.isEmpty() ? "valid" : problems.size() + " problem(s)"));
            problems.stream().limit(20).forEach(p -> log(source.label() + ": " + p));
            remember("files", path.toAbsolutePath().toString());
            sourcesTree.getSelectionModel().select(dbItem);
        }, () -> opening--));
    }

    /** Adds a live control plane to the sources and lists its databases. */
    public void addControlPlane(ControlPlane cp) {
        Sources.LiveSource source = new Sources.LiveSource("live-" + ++liveSourcesAdded, cp);
        TreeItem<Object> item = new TreeItem<>(source);
        item.setExpanded(true);
        liveItem.getChildren().add(item);
        runner.run(cp::databases, dbs -> {
            for (Database d : dbs) {
                item.getChildren().add(new TreeItem<>(new Sources.DatabaseRef(source, d.id(), d.state())));
            }
            log(cp.displayName() + ": " + dbs.size() + " database(s)");
            // A control plane found at start-up never takes the screen from a file being opened.
            if (!item.getChildren().isEmpty() && current == null && opening == 0) {
                sourcesTree.getSelectionModel().select(item.getChildren().get(0));
            }
        }, error -> {
            log(cp.displayName() + ": " + message(error));
            setConnection(cp.displayName() + ": unreachable", false);
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
            poller = pollers.computeIfAbsent(key, k -> newPoller(live, ref.databaseId(), k));
            if (!pauseButton.isSelected() && poller.getState() == javafx.concurrent.Worker.State.READY) {
                poller.start();
            }
        }
        Platform.runLater(graph::resetView);
    }

    /** The keys of the pollers running in this window, for tests. */
    public java.util.Set<Sources.PollerKey> pollerKeys() {
        return java.util.Set.copyOf(pollers.keySet());
    }

    private DatabasePoller newPoller(Sources.LiveSource live, String databaseId, Sources.PollerKey pollerKey) {
        String key = pollerKey.toString();
        DatabasePoller p = new DatabasePoller(live.controlPlane(), databaseId, runner.background(),
                javafx.util.Duration.seconds(intervalSpinner.getValue()));
        p.setOnSucceeded(e -> onPolled(key, p, live, p.getValue()));
        p.setOnFailed(e -> vm.pollFailed(key, live.label(), p.getException()));
        return p;
    }

    private void onPolled(String key, DatabasePoller from, Sources.LiveSource live, Database db) {
        if (db == null) {
            return;
        }
        Topology t = TopologyBuilder.live(db, List.of());
        List<StateChange> failed = vm.polled(key, live.label(), t);
        if (from == poller) {
            graph.show(t);
            detailsController.viewModel().refresh(t);
            refreshLogs();
        }
        notifyFailed(failed);
        updateTreeState(live, db);
    }

    /** Keeps the database's state word in the sources tree current ("catalog (available)"). */
    private void updateTreeState(Sources.LiveSource live, Database db) {
        for (TreeItem<Object> item : liveItem.getChildren()) {
            if (item.getValue() != live) {
                continue;
            }
            for (TreeItem<Object> child : item.getChildren()) {
                if (child.getValue() instanceof Sources.DatabaseRef r && r.databaseId().equals(db.id())
                        && !java.util.Objects.equals(r.state(), db.state())) {
                    Sources.DatabaseRef updated = new Sources.DatabaseRef(live, db.id(), db.state());
                    child.setValue(updated);
                    if (current == r) {
                        current = updated;
                    }
                }
            }
        }
    }

    /**
     * A popup per failed instance, or one for them all when a poll brings more than three: a
     * hundred popups would hide the picture they are about.
     */
    private void notifyFailed(List<StateChange> failed) {
        if (failed.isEmpty() || stage == null || !stage.isShowing()) {
            return;
        }
        try {
            if (failed.size() > 3) {
                Notifications.create().owner(stage).title(failed.size() + " instances failed")
                        .text(String.join(", ", failed.stream().limit(6).map(c -> c.serviceId() + " on " + c.hostId()).toList())
                                + (failed.size() > 6 ? " and " + (failed.size() - 6) + " more" : "") + ". The event log has each error.")
                        .hideAfter(javafx.util.Duration.seconds(8)).showError();
                return;
            }
            for (StateChange c : failed) {
                Notifications.create().owner(stage).title("Instance failed")
                        .text(c.serviceId() + " on " + c.hostId() + " failed" + (c.error() != null ? ":\n" + c.error() : ""))
                        .hideAfter(javafx.util.Duration.seconds(8)).showError();
            }
        } catch (RuntimeException e) {
            // A notification is a courtesy; the event log already has the change.
        }
    }

    private void stopPollers() {
        pollers.values().forEach(DatabasePoller::cancel);
        pollers.clear();
        poller = null;
    }

    /** The selected instance's container output, followed with the poll unless paused. */
    private void refreshLogs() {
        if (logsInstance == null || logsPause.isSelected() || current == null
                || !(current.source() instanceof Sources.LiveSource live)
                || !(live.controlPlane() instanceof trellis.engine.InstanceLogs logs)) {
            return;
        }
        String db = current.databaseId();
        String instance = logsInstance;
        runner.run(() -> logs.logs(db, instance, 200), lines -> {
            logsLabel.setText(instance + " — last " + lines.size() + " lines");
            logLines.setAll(lines);
        }, error -> logsLabel.setText(instance + ": " + message(error)));
    }

    /** Brings the Logs tab of the dock to the front. */
    public void showLogs() {
        logsTab.getTabPane().getSelectionModel().select(logsTab);
    }

    /** The log lines shown (before the filter), for tests. */
    public List<String> logLines() {
        return List.copyOf(logLines);
    }

    // ---------------------------------------------------------------- details

    private void showDetails(TopologyView.Selection selection) {
        detailsController.viewModel().show(selection, shown());
        if (selection instanceof TopologyView.Selection.OfInstance si) {
            logsInstance = si.instance().instanceId();
            refreshLogs();
        }
    }

    // ---------------------------------------------------------------- status

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

    private void setConnection(String text, boolean ok) {
        vm.setConnection(text, ok);
    }

    private Topology shown() {
        return vm.shown();
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
                        remember("controlPlanes", url);
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
        dialogs.choosePngTarget(graph.topology().databaseId() + ".png").map(Path::toFile).ifPresent(f -> {
            // The snapshot needs the FX thread; encoding and writing the file do not.
            actions.run(new ExportPictureAction(ctx(), graph.snapshotPicture(), f.toPath()));
        });
    }

    @FXML
    private void onDeploy() {
        if (current == null || !(current.source() instanceof Sources.FileSource file)) {
            alert("Nothing to deploy", "Open a spec file and select its database first (File > Open).");
            return;
        }
        Optional<ControlPlane> target = trellis.ui.model.Deployment.target(liveSources());
        if (target.isEmpty()) {
            alert("No engine to deploy to", engines.describeUnavailable());
            return;
        }
        actions.run(new DeployAction(ctx(), file, target.get(), null, task -> showDeployed(file, target.get())));
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

    /** Host ids and node names of the database shown, for the dialogs' choices. */
    private List<String> shownHosts() {
        return shown() == null ? List.of() : shown().hosts().stream().map(trellis.topology.HostPlacement::hostId).toList();
    }

    private List<String> shownNodes() {
        return shown() == null ? List.of() : shown().hosts().stream().flatMap(h -> h.nodes().stream())
                .map(trellis.topology.NodePlacement::nodeName).distinct().toList();
    }

    @FXML
    private void onBindHost() {
        localEngine().ifPresent(engine -> {
            List<String> hosts = shownHosts();
            // the first host's current engine, else this machine's
            String endpoint = engine.hostBindings().getOrDefault(hosts.isEmpty() ? "" : hosts.get(0),
                    engines.defaultDockerHostOrSocket());
            dialogs.askHost(hosts, endpoint).ifPresent(r -> bindHost(engine, r));
        });
    }

    /** Binds a host off the FX thread (a new engine is reached over the network) and says what answered. */
    public void bindHost(LocalEngineAdmin engine, HostDialog.Request r) {
        actions.run(new BindHostAction(ctx(), engine, r));
    }

    @FXML
    private void onNode() {
        localEngine().ifPresent(engine -> dialogs.askNode(shownNodes()).ifPresent(r -> applyNode(engine, r)));
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
        int n = shown() == null ? 0 : shown().instances().size();
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
        if (current == null || !(current.source() instanceof Sources.LiveSource live) || shown() == null) {
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
     * Sends the database's full spec without one service. A spec from a GET lacks its secrets, so
     * they are put back from a spec file of the same database opened in this console; when they
     * cannot be, nothing is sent and the person is told which secrets are missing.
     */
    public void removeService(ControlPlane cp, String databaseId, String serviceId) {
        // the open files are the tree's: read on the FX thread, handed to the work as plain values
        actions.run(new RemoveServiceAction(ctx(), cp, databaseId, serviceId, openFileSpecs(databaseId)));
    }

    /** The specs of the spec files open for this database, in the tree's order. FX thread only. */
    private List<trellis.spec.DatabaseSpec> openFileSpecs(String databaseId) {
        List<trellis.spec.DatabaseSpec> out = new ArrayList<>();
        for (TreeItem<Object> f : filesItem.getChildren()) {
            for (TreeItem<Object> d : f.getChildren()) {
                if (d.getValue() instanceof Sources.DatabaseRef r && r.source() instanceof Sources.FileSource fs
                        && databaseId.equals(fs.databaseId())) {
                    out.add(fs.body().spec());
                }
            }
        }
        return out;
    }

    /** The live sources in the tree, in the order they were added. */
    public List<Sources.LiveSource> liveSourceList() {
        List<Sources.LiveSource> out = new ArrayList<>();
        for (TreeItem<Object> item : liveItem.getChildren()) {
            if (item.getValue() instanceof Sources.LiveSource live) {
                out.add(live);
            }
        }
        return out;
    }

    /** The source in the tree that wraps this control plane, or null. */
    public Sources.LiveSource liveSourceOf(ControlPlane cp) {
        for (TreeItem<Object> item : liveItem.getChildren()) {
            if (item.getValue() instanceof Sources.LiveSource live && live.controlPlane() == cp) {
                return live;
            }
        }
        return null;
    }

    private List<ControlPlane> liveSources() {
        List<ControlPlane> out = new ArrayList<>();
        for (TreeItem<Object> item : liveItem.getChildren()) {
            if (item.getValue() instanceof Sources.LiveSource live) {
                out.add(live.controlPlane());
            }
        }
        return out;
    }

    /** Sends the file's spec to a control plane (create or full update) and shows it live there. */
    public void deploy(Sources.FileSource file, ControlPlane cp, boolean exists) {
        actions.run(new DeployAction(ctx(), file, cp, exists, task -> showDeployed(file, cp)));
    }

    /** Selects the deployed database under its control plane, adding it to the tree when it is new there. */
    private void showDeployed(Sources.FileSource file, ControlPlane cp) {
        for (TreeItem<Object> item : liveItem.getChildren()) {
            if (item.getValue() instanceof Sources.LiveSource live && live.controlPlane() == cp) {
                TreeItem<Object> db = item.getChildren().stream()
                        .filter(c -> c.getValue() instanceof Sources.DatabaseRef r && r.databaseId().equals(file.databaseId()))
                        .findFirst().orElseGet(() -> {
                            TreeItem<Object> n = new TreeItem<>(new Sources.DatabaseRef(live, file.databaseId(), "creating"));
                            item.getChildren().add(n);
                            return n;
                        });
                sourcesTree.getSelectionModel().select(db);
            }
        }
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

    private void remember(String key, String value) {
        List<String> list = settings.list(key);
        list.remove(value);
        list.add(0, value);
        settings.putList(key, list.subList(0, Math.min(10, list.size())));
    }

    private void restoreLayout() {
        double[] main = {settings.get("split.left", 0.16), settings.get("split.right", 0.78)};
        mainSplit.setDividerPositions(main);
        verticalSplit.setDividerPositions(settings.get("split.dock", 0.78));
        int interval = (int) settings.get("interval", 2);
        intervalSpinner.getValueFactory().setValue(Math.max(1, Math.min(60, interval)));
    }

    /** Saves window and split positions; called when the window closes. */
    public void saveLayout() {
        if (stage != null) {
            settings.put("window.x", stage.getX());
            settings.put("window.y", stage.getY());
            settings.put("window.w", stage.getWidth());
            settings.put("window.h", stage.getHeight());
        }
        double[] d = mainSplit.getDividerPositions();
        if (d.length == 2) {
            settings.put("split.left", d[0]);
            settings.put("split.right", d[1]);
        }
        settings.put("split.dock", verticalSplit.getDividerPositions()[0]);
        settings.put("interval", intervalSpinner.getValue());
        settings.flush();
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
