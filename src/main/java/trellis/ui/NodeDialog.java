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
 * View: {@code fxml/NodeDialog.fxml}.
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

    @FXML
    private void initialize() {
        for (var f : List.of(hostField, portField, databaseField, userField, passwordField, passwordEnvField, containerHostField,
                provisionCheck)) {
            f.disableProperty().bind(attachRadio.selectedProperty().not());
        }
    }

    /** Shows the dialog; {@code nodes} are the node names of the selected database's spec. */
    public static Optional<Request> ask(Window owner, List<String> nodes) {
        FormDialog<NodeDialog, Request> d = new FormDialog<>("NodeDialog.fxml", "Database node",
                "A PostgreSQL server for a database node of the local engine", "Apply",
                NodeDialog::problem, NodeDialog::request, owner);
        NodeDialog c = d.controller;
        c.nodeBox.getItems().setAll(nodes);
        if (!nodes.isEmpty()) {
            c.nodeBox.getSelectionModel().select(0);
        }
        d.watch(c.nodeBox.getEditor().textProperty(), c.nodeBox.valueProperty(), c.attachRadio.selectedProperty(),
                c.hostField.textProperty(), c.portField.textProperty(), c.databaseField.textProperty(), c.userField.textProperty(),
                c.passwordField.textProperty(), c.passwordEnvField.textProperty());
        return d.dialog.showAndWait();
    }

    private String nodeName() {
        return FormDialog.text(nodeBox);
    }

    private Optional<String> problem() {
        return problem(nodeName(), !attachRadio.isSelected(), hostField.getText(), portField.getText(), databaseField.getText(),
                userField.getText(), !passwordField.getText().isEmpty(), passwordEnvField.getText(), System::getenv);
    }

    private Request request() {
        Mode mode = attachRadio.isSelected() ? Mode.ATTACH : startRadio.isSelected() ? Mode.EMBEDDED : Mode.CONTAINER;
        return new Request(nodeName(), mode, hostField.getText().strip(),
                mode != Mode.ATTACH ? 0 : Integer.parseInt(portField.getText().strip()), databaseField.getText().strip(),
                userField.getText().strip(), passwordField.getText().toCharArray(), blankToNull(passwordEnvField.getText()),
                blankToNull(containerHostField.getText()), provisionCheck.isSelected());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
