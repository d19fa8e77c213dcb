package trellis.ui;

import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * Engine &gt; Bind host…: places a host id on a Docker engine endpoint. View:
 * {@code fxml/HostDialog.fxml}; the form's state and its checks: {@link HostDialogModel}.
 */
public final class HostDialog {
    public record Request(String hostId, String endpoint) {
    }

    @FXML private ComboBox<String> hostBox;
    @FXML private TextField endpointField;
    private final HostDialogModel model = new HostDialogModel();

    @FXML
    private void initialize() {
        endpointField.textProperty().bindBidirectional(model.endpointProperty());
        // an editable combo box: the text typed, else the item picked
        hostBox.getEditor().textProperty().addListener(o -> model.hostIdProperty().set(FormDialog.text(hostBox)));
        hostBox.valueProperty().addListener(o -> model.hostIdProperty().set(FormDialog.text(hostBox)));
    }

    /** Shows the dialog; {@code hosts} are the host ids the specs name, {@code endpoint} the default engine's. */
    public static Optional<Request> ask(Window owner, List<String> hosts, String endpoint) {
        FormDialog<HostDialog, Request> d = new FormDialog<>("HostDialog.fxml", "Bind host", "Run a host's instances on a Docker engine",
                "Bind", c -> c.model.problem(), c -> c.model.request(), owner);
        HostDialog c = d.controller;
        c.hostBox.getItems().setAll(hosts);
        if (!hosts.isEmpty()) {
            c.hostBox.getSelectionModel().select(0);
        }
        c.model.endpointProperty().set(endpoint);
        d.watch(c.model.problemProperty());
        return d.dialog.showAndWait();
    }

    /** The first thing wrong, naming the field and the way out; empty when it can be bound. */
    static Optional<String> problem(String hostId, String endpoint) {
        return HostDialogModel.problem(hostId, endpoint);
    }
}
