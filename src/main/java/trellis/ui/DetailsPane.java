package trellis.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The details pane's controller: binds {@code DetailsPane.fxml} to a {@link DetailsViewModel}. */
public final class DetailsPane {
    @FXML private VBox root;
    @FXML private Label title;
    @FXML private Label hint;
    @FXML private GridPane grid;
    @FXML private Label errorTitle;
    @FXML private Label error;
    @FXML private VBox actions;
    @FXML private Button copyUrl;
    @FXML private Button copyConnection;
    @FXML private Button showFiles;
    private Runnable onShowFiles;
    private boolean filesAvailable = true;
    @FXML private Label url;
    @FXML private Label connection;
    @FXML private Label specTitle;
    @FXML private Label spec;
    private final DetailsViewModel vm = new DetailsViewModel();

    @FXML
    private void initialize() {
        title.textProperty().bind(vm.titleProperty());
        bindText(hint, vm.hintProperty());
        bindText(error, vm.errorProperty());
        showWith(errorTitle, vm.errorProperty());
        bindText(spec, vm.specProperty());
        showWith(specTitle, vm.specProperty());
        var instance = Bindings.createBooleanBinding(
                () -> vm.selection() instanceof trellis.ui.graph.TopologyView.Selection.OfInstance, vm.titleProperty());
        instance.addListener((o, was, is) -> {
            if (is && copyUrl == null) {
                loadActions();
            }
        });
        actions.visibleProperty().bind(instance);
        actions.managedProperty().bind(instance);
        vm.rows().addListener((ListChangeListener<DetailsViewModel.Row>) c -> fillGrid());
        fillGrid();
    }

    /** The instance actions (DetailsActions.fxml), made on the first instance selection: the first frame shows none. */
    private void loadActions() {
        FXMLLoader loader = new FXMLLoader(DetailsPane.class.getResource("/trellis/fxml/DetailsActions.fxml"));
        loader.setRoot(actions);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("DetailsActions.fxml is part of the build", e);
        }
        AddressWrap.bind(url, vm.serviceUrlProperty());
        showWith(url, vm.serviceUrlProperty());
        AddressWrap.bind(connection, vm.connectionStringProperty());
        showWith(connection, vm.connectionStringProperty());
        copyUrl.disableProperty().bind(vm.serviceUrlProperty().isNull());
        copyConnection.disableProperty().bind(vm.connectionStringProperty().isNull());
        setFilesAvailable(filesAvailable);
    }

    public DetailsViewModel viewModel() {
        return vm;
    }

    public Node root() {
        return root;
    }

    /** A label that shows its text, and takes no room when there is none. */
    private static void bindText(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        showWith(label, text);
    }

    private static void showWith(Node node, ObservableStringValue text) {
        var present = Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isBlank(), text);
        node.visibleProperty().bind(present);
        node.managedProperty().bind(present);
    }

    private void fillGrid() {
        grid.getChildren().clear();
        int r = 0;
        for (DetailsViewModel.Row row : vm.rows()) {
            Label k = new Label(row.key());
            k.getStyleClass().add("key");
            Label v = new Label(row.value());
            v.getStyleClass().add("value");
            v.setWrapText(true);
            GridPane.setValignment(k, VPos.TOP);
            grid.addRow(r++, k, v);
        }
    }

    /**
     * What Show files… does for the selected instance; without one (no source that can show
     * files) the button is not shown.
     */
    public void setOnShowFiles(Runnable action) {
        this.onShowFiles = action;
    }

    /** Shows Show files… only where the selected instance's source can show its files. */
    public void setFilesAvailable(boolean available) {
        filesAvailable = available;
        if (showFiles == null) {
            return;
        }
        showFiles.setVisible(available);
        showFiles.setManaged(available);
    }

    @FXML
    private void onShowFiles() {
        if (onShowFiles != null) {
            onShowFiles.run();
        }
    }

    @FXML
    private void onCopyUrl() {
        copy(vm.serviceUrlProperty().get());
    }

    @FXML
    private void onCopyConnection() {
        copy(vm.connectionStringProperty().get());
    }

    private static void copy(String text) {
        if (text == null) {
            return;
        }
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
