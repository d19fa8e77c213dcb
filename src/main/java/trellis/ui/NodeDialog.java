package trellis.ui;

import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * Engine &gt; Database node…: start a PostgreSQL server for a node of the spec, or attach one the
 * person runs (the password typed, kept in memory only, or read from an environment variable).
 * View: {@code fxml/NodeDialog.fxml}; the form's state and its checks: {@link NodeDialogModel}.
 */
public final class NodeDialog {
    /** What the person asked for. {@code password} is never logged (see {@link #toString}). */
    /** How the node's PostgreSQL comes to be. */
    public enum Mode { ATTACH, EMBEDDED, CONTAINER }

    public record Request(String node, Mode mode, String host, int port, String database, String user,
                          char[] password, String passwordEnv, String containerHost, boolean provision) {
        @Override
        public String toString() {
            return mode != Mode.ATTACH ? "start node " + node + " (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")" : "attach node " + node + " to " + user + "@" + host + ":" + port + "/" + database;
        }
    }

    @FXML private ComboBox<String> nodeBox;
    @FXML private RadioButton attachRadio;
    @FXML private RadioButton startRadio;
    @FXML private RadioButton containerRadio;
    @FXML private TextField hostField;
    @FXML private TextField portField;
    @FXML private TextField databaseField;
    @FXML private TextField userField;
    @FXML private PasswordField passwordField;
    @FXML private TextField passwordEnvField;
    @FXML private TextField containerHostField;
    @FXML private CheckBox provisionCheck;

    private final NodeDialogModel model = new NodeDialogModel(System::getenv);

    @FXML
    private void initialize() {
        for (var f : List.of(hostField, portField, databaseField, userField, passwordField, passwordEnvField, containerHostField,
                provisionCheck)) {
            f.disableProperty().bind(attachRadio.selectedProperty().not());
        }
        // an editable combo box: the text typed, else the item picked
        nodeBox.getEditor().textProperty().addListener(o -> model.nodeProperty().set(FormDialog.text(nodeBox)));
        nodeBox.valueProperty().addListener(o -> model.nodeProperty().set(FormDialog.text(nodeBox)));
        for (RadioButton r : List.of(attachRadio, startRadio, containerRadio)) {
            r.selectedProperty().addListener(o -> model.modeProperty().set(
                    attachRadio.isSelected() ? Mode.ATTACH : startRadio.isSelected() ? Mode.EMBEDDED : Mode.CONTAINER));
        }
        hostField.textProperty().bindBidirectional(model.hostProperty());
        portField.textProperty().bindBidirectional(model.portProperty());
        databaseField.textProperty().bindBidirectional(model.databaseProperty());
        userField.textProperty().bindBidirectional(model.userProperty());
        passwordEnvField.textProperty().bindBidirectional(model.passwordEnvProperty());
        containerHostField.textProperty().bindBidirectional(model.containerHostProperty());
        provisionCheck.selectedProperty().bindBidirectional(model.provisionProperty());
        model.passwordTypedProperty().bind(passwordField.textProperty().isNotEmpty());
    }

    /** Shows the dialog; {@code nodes} are the node names of the selected database's spec. */
    public static Optional<Request> ask(Window owner, List<String> nodes) {
        FormDialog<NodeDialog, Request> d = new FormDialog<>("NodeDialog.fxml", "Database node",
                "A PostgreSQL server for a database node of the local engine", "Apply",
                c -> c.model.problem(), c -> c.model.request(c.passwordField.getText().toCharArray()), owner);
        NodeDialog c = d.controller;
        c.nodeBox.getItems().setAll(nodes);
        if (!nodes.isEmpty()) {
            c.nodeBox.getSelectionModel().select(0);
        }
        d.watch(c.model.problemProperty());
        return d.dialog.showAndWait();
    }

    /** The first thing wrong with the form, in words that name the field and the way out; empty when it can be applied. */
    static Optional<String> problem(String node, boolean start, String host, String port, String database, String user,
                                    boolean hasPassword, String passwordEnv, java.util.function.UnaryOperator<String> env) {
        if (node == null || node.isBlank()) {
            return Optional.of("Node: enter the name of a database node of the spec (such as n1).");
        }
        if (start) {
            return Optional.empty();
        }
        if (host == null || host.isBlank()) {
            return Optional.of("Host: enter the address of the PostgreSQL server (such as 127.0.0.1).");
        }
        int p;
        try {
            p = Integer.parseInt(port == null ? "" : port.strip());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            return Optional.of("Port: '" + (port == null ? "" : port.strip()) + "' is not a port; enter a number from 1 to 65535.");
        }
        if (database == null || database.isBlank()) {
            return Optional.of("Database: enter the database to connect to (such as postgres).");
        }
        if (user == null || user.isBlank()) {
            return Optional.of("Admin user: enter a role that may create roles and grant (such as postgres).");
        }
        boolean hasEnv = passwordEnv != null && !passwordEnv.isBlank();
        if (hasPassword && hasEnv) {
            return Optional.of("Password: give the password or the name of a variable that holds it, not both.");
        }
        if (hasEnv && env.apply(passwordEnv.strip()) == null) {
            return Optional.of("Password variable: " + passwordEnv.strip() + " is not set in Trellis's environment; "
                    + "set it and start Trellis again, or type the password.");
        }
        return Optional.empty();
    }
}
