package trellis.ui;

import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Engine &gt; Bind host…: places a host id on a Docker engine endpoint. View: {@code fxml/HostDialog.fxml}. */
public final class HostDialog {
    public record Request(String hostId, String endpoint) {
    }

    @FXML private ComboBox<String> hostBox;
    @FXML private TextField endpointField;

    /** Shows the dialog; {@code hosts} are the host ids the specs name, {@code endpoint} the default engine's. */
    public static Optional<Request> ask(Window owner, List<String> hosts, String endpoint) {
        FormDialog<HostDialog, Request> d = new FormDialog<>("HostDialog.fxml", "Bind host", "Run a host's instances on a Docker engine",
                "Bind", HostDialog::problem, c -> new Request(c.hostId(), c.endpointField.getText().strip()), owner);
        HostDialog c = d.controller;
        c.hostBox.getItems().setAll(hosts);
        if (!hosts.isEmpty()) {
            c.hostBox.getSelectionModel().select(0);
        }
        c.endpointField.setText(endpoint);
        d.watch(c.hostBox.getEditor().textProperty(), c.hostBox.valueProperty(), c.endpointField.textProperty());
        return d.dialog.showAndWait();
    }

    private String hostId() {
        return FormDialog.text(hostBox);
    }

    private Optional<String> problem() {
        return problem(hostId(), endpointField.getText());
    }

    /** The first thing wrong, naming the field and the way out; empty when it can be bound. */
    static Optional<String> problem(String hostId, String endpoint) {
        if (hostId == null || hostId.isBlank()) {
            return Optional.of("Host id: enter a host id of the spec (such as host-1).");
        }
        if (!hostId.strip().matches("[a-zA-Z0-9]([a-zA-Z0-9-_]*[a-zA-Z0-9])?")) {
            return Optional.of("Host id: '" + hostId.strip() + "' is not a host id; use letters, digits, '-' and '_' (such as host-1).");
        }
        String e = endpoint == null ? "" : endpoint.strip();
        if (!e.matches("(unix|tcp|ssh|npipe)://.+")) {
            return Optional.of("Docker engine: '" + e + "' is not an engine address; use unix:///var/run/docker.sock, "
                    + "tcp://host:2376 or ssh://user@host.");
        }
        return Optional.empty();
    }
}
