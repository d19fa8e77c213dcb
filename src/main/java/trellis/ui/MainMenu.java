package trellis.ui;

import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import trellis.ui.action.ActionContext;
import trellis.ui.action.ActionManager;
import trellis.ui.action.NewFromTemplateAction;
import trellis.ui.model.Templates;

/**
 * The main window's menu bar (view {@code fxml/MainMenu.fxml}, included by the main window's):
 * turns each menu item into a call on the window's {@link ConsoleCommands}, its
 * {@link ActionManager} or the window itself. A feature adds its menu items here and in the FXML,
 * with ids that tests and assistive tools find them by.
 */
public final class MainMenu {
    @FXML private MenuBar menuBar;
    @FXML private CheckMenuItem darkItem;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;

    private MainWindow window;
    private ConsoleCommands commands;
    private ActionManager actions;
    private Supplier<ActionContext> ctx;
    private ConsoleServices services;
    private Dialogs dialogs;
    private Stage stage;
    private Theme theme = Theme.LIGHT;
    private ServiceWizardCommands serviceWizard;
    private EditorCommands editor;
    private UnsavedEdits unsaved;

    /** Keeps the window's action manager; Undo and Redo are bound to it once the items are loaded. */
    void bindActions(ActionManager actions) {
        this.actions = actions;
    }

    /**
     * Loads the menus' items (MainMenuItems.fxml) in the event after the scene's first layout pass, so
     * the first frame parses and makes none of them; the loaded menus replace the titles shown, and
     * the menu bar's skin puts their accelerators into the scene.
     */
    void loadItemsAfterFirstFrame(javafx.scene.Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            javafx.application.Platform.runLater(this::loadItems);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** The menus with their items; loaded once (a test may ask before the first frame). */
    void loadItems() {
        if (undoItem != null) {
            return;
        }
        javafx.fxml.FXMLLoader loader = new javafx.fxml.FXMLLoader(MainMenu.class.getResource("/trellis/fxml/MainMenuItems.fxml"));
        loader.setController(this);
        MenuBar full;
        try {
            full = loader.load();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("MainMenuItems.fxml is part of the build", e);
        }
        var menus = java.util.List.copyOf(full.getMenus());
        full.getMenus().clear();
        menuBar.getMenus().setAll(menus);
        darkItem.setSelected(theme == Theme.DARK);
        undoItem.textProperty().bind(actions.undoTextProperty());
        undoItem.disableProperty().bind(actions.canUndoProperty().not());
        redoItem.textProperty().bind(actions.redoTextProperty());
        redoItem.disableProperty().bind(actions.canRedoProperty().not());
    }

    /** Called once the window has what the composition root made. */
    void attach(MainWindow window, ConsoleCommands commands, Supplier<ActionContext> ctx, ConsoleServices services,
                Dialogs dialogs, Stage stage, Theme theme) {
        this.window = window;
        this.commands = commands;
        this.ctx = ctx;
        this.services = services;
        this.dialogs = dialogs;
        this.stage = stage;
        this.theme = theme;
        if (darkItem != null) {
            darkItem.setSelected(theme == Theme.DARK);
        }
        loadItemsAfterFirstFrame(stage.getScene());
        this.serviceWizard = new ServiceWizardCommands(window, actions, () -> stage, () -> this.theme, window::log,
                commands.files()::draft, commands);
        window.graph().setOnHostMenu(serviceWizard::addService);
        this.unsaved = UnsavedEdits.install(stage, commands.files(), serviceWizard);
        this.editor = new EditorCommands(window.graph(), actions, commands.files(), ctx, window::currentDatabase, () -> stage,
                (javafx.scene.control.Hyperlink) window.root().lookup("#draft-review-link"),
                EditorCommands.storeFor(services.settings()),
                () -> window.poller() == null ? null : window.poller().getLastValue(),
                new DraftReview(commands::context, () -> stage, () -> this.theme, commands::openFileSpecs));
        window.graph().setEditGestures(editor);
        Palette.install(window.graph(), () -> stage, window::log, (type, host) -> serviceWizard.addService(host, type));
    }

    /** The database shown changed or was redrawn: the editor's marks and status bar link follow it. */
    void shown(Sources.DatabaseRef ref) {
        if (editor != null) {
            editor.shown(ref);
        }
    }

    /** What to draw for a poll of the database shown: its live draft's placement over what runs, or the poll's picture. */
    trellis.topology.Topology picture(Sources.DatabaseRef ref, trellis.spec.Database polled, trellis.topology.Topology fromPoll) {
        return editor == null ? fromPoll : editor.picture(ref, polled, fromPoll);
    }

    public MenuBar menuBar() {
        return menuBar;
    }

    // ---------------------------------------------------------------- File

    @FXML
    private void onOpen() {
        dialogs.chooseSpecFile().ifPresent(window::openFile);
    }

    @FXML
    private void onNewFromTemplate(ActionEvent e) {
        var template = Templates.named((String) ((MenuItem) e.getSource()).getUserData());
        actions.run(new NewFromTemplateAction(ctx.get(), template, window::openFile));
    }

    @FXML
    private void onConnect() {
        window.remoteSources().connect();
    }

    @FXML
    private void onDeploy() {
        commands.deploy();
    }

    @FXML
    private void onRemoveService() {
        commands.removeService();
    }

    @FXML
    private void onRemoveDatabase() {
        commands.removeDatabase();
    }

    @FXML
    private void onSave() {
        commands.files().save(false);
    }

    @FXML
    private void onSaveAs() {
        commands.files().save(true);
    }

    @FXML
    private void onDatabaseUsers() {
        commands.files().databaseUsers();
    }

    @FXML
    private void onExport() {
        commands.export();
    }

    @FXML
    private void onQuit() {
        if (unsaved != null) {
            unsaved.close();
        }
    }

    // ---------------------------------------------------------------- Edit

    @FXML
    private void onUndo() {
        actions.undo();
    }

    @FXML
    private void onRedo() {
        actions.redo();
    }

    @FXML
    private void onAddService() {
        serviceWizard.addService(null);
    }

    @FXML
    private void onEditService() {
        serviceWizard.editService();
    }

    // ---------------------------------------------------------------- Engine

    @FXML
    private void onBindHost() {
        commands.bindHost();
    }

    @FXML
    private void onNode() {
        commands.node();
    }

    @FXML
    private void onImages() {
        if (EngineImagesDialog.edit(stage, services.settings(), services.engines())) {
            window.log("Engine images saved; the local engine runs them from its next start.");
        }
    }

    // ---------------------------------------------------------------- View

    @FXML
    private void onRefresh() {
        window.onRefresh();
    }

    @FXML
    private void onFocusFilter() {
        window.focusFilter();
    }

    @FXML
    private void onFit() {
        window.graph().fit();
    }

    @FXML
    private void onZoomIn() {
        window.graph().zoomIn();
    }

    @FXML
    private void onZoomOut() {
        window.graph().zoomOut();
    }

    @FXML
    private void onToggleTheme() {
        theme = darkItem.isSelected() ? Theme.DARK : Theme.LIGHT;
        theme.apply(window.root().getScene());
        services.settings().put("theme", theme.name());
    }

    // ---------------------------------------------------------------- Help

    @FXML
    private void onAbout() {
        // the contract's version is read from the 1.2 MB contract in the jar: not on the FX thread
        services.runner().run(AboutModel::current, about -> dialogs.about(about.title(), about.text()),
                error -> window.log("About Trellis: " + MainWindowViewModel.message(error)));
    }
}
