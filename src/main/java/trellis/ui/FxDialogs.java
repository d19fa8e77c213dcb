package trellis.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The console's dialogs as JavaFX shows them, each owned by the main window. */
public final class FxDialogs implements Dialogs {
    private final Window owner;

    public FxDialogs() {
        this(null);
    }

    private FxDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public Dialogs ownedBy(Window window) {
        return new FxDialogs(window);
    }

    @Override
    public void error(String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.setHeaderText(header);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.show();
    }

    @Override
    public void about(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        a.setTitle(title);
        a.setHeaderText(title);
        a.setResizable(true);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.show();
    }

    @Override
    public boolean confirm(String header, String text) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.setHeaderText(header);
        confirm.setContentText(text);
        if (owner != null) {
            confirm.initOwner(owner);
        }
        return confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public Optional<String> askText(String title, String header, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.setTitle(title);
        d.setHeaderText(header);
        if (owner != null) {
            d.initOwner(owner);
        }
        return d.showAndWait();
    }

    @Override
    public Optional<Path> chooseSpecFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a database spec");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON specs", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(fc.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSpecTarget(String initialName) {
        return saveTarget("New spec file", initialName, new FileChooser.ExtensionFilter("Spec files (JSON)", "*.json"));
    }

    @Override
    public Optional<Path> choosePngTarget(String initialName) {
        return saveTarget("Export picture", initialName, new FileChooser.ExtensionFilter("PNG image", "*.png"));
    }

    private Optional<Path> saveTarget(String title, String initialName, FileChooser.ExtensionFilter filter) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(initialName);
        fc.getExtensionFilters().add(filter);
        return Optional.ofNullable(fc.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public void showFiles(String title, List<trellis.engine.InstanceFileView.ShownFile> files) {
        javafx.scene.control.ListView<String> list = new javafx.scene.control.ListView<>();
        list.setId("instance-files-list");
        javafx.scene.control.TextArea content = new javafx.scene.control.TextArea();
        content.setId("instance-file-content");
        content.setEditable(false);
        content.getStyleClass().add("file-content");
        list.getItems().setAll(files.stream().map(trellis.engine.InstanceFileView.ShownFile::path).toList());
        list.getSelectionModel().selectedIndexProperty().addListener((o, was, now) ->
                content.setText(now.intValue() < 0 ? "" : files.get(now.intValue()).content()));
        list.getSelectionModel().selectFirst();
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(list, content);
        split.setDividerPositions(0.3);
        javafx.scene.control.Label note = new javafx.scene.control.Label(
                "What the container is given, as the engine writes it now. Secrets read ********.");
        note.getStyleClass().add("muted");
        javafx.scene.layout.VBox root = new javafx.scene.layout.VBox(note, split);
        root.getStyleClass().add("instance-files");
        javafx.scene.layout.VBox.setVgrow(split, javafx.scene.layout.Priority.ALWAYS);
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.setTitle(title);
        javafx.scene.Scene scene = new javafx.scene.Scene(root, FILES_WIDTH, FILES_HEIGHT);
        if (owner != null) {
            stage.initOwner(owner);
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }

    /** The files window's first size: wide enough for a config line, tall enough for a page of it. */
    private static final double FILES_WIDTH = 960;
    private static final double FILES_HEIGHT = 600;

    @Override
    public Optional<HostDialog.Request> askHost(List<String> hosts, String endpoint) {
        return HostDialog.ask(owner, hosts, endpoint);
    }

    @Override
    public Optional<NodeDialog.Request> askNode(List<String> nodes) {
        return NodeDialog.ask(owner, nodes);
    }

    @Override
    public Optional<java.util.Map<String, trellis.engine.NodeChoice>> askDeployNodes(String databaseId, List<String> nodes) {
        return DeployNodesDialog.ask(owner, databaseId, nodes);
    }

    @Override
    public Optional<trellis.engine.ConnectionProfile> askProfile(trellis.engine.ConnectionProfile initial,
            List<trellis.engine.ConnectionProfile> saved, TaskRunner runner,
            java.util.function.Function<trellis.engine.ConnectionProfile, trellis.engine.ControlPlane> open) {
        return ConnectDialog.ask(owner, initial, saved, runner, open);
    }
}
