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
    public Optional<HostDialog.Request> askHost(List<String> hosts, String endpoint) {
        return HostDialog.ask(owner, hosts, endpoint);
    }

    @Override
    public Optional<NodeDialog.Request> askNode(List<String> nodes) {
        return NodeDialog.ask(owner, nodes);
    }
}
