package trellis.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import trellis.engine.ConnectionProfile;
import trellis.engine.ControlPlane;
import trellis.ui.model.ConnectionCheck;

/**
 * File &gt; Connect to Control Plane…: a connection profile's editor (view
 * {@code fxml/ConnectDialog.fxml}). Test connection asks the server, off the FX thread, for its
 * version and cluster; the profile is saved and connected only once a test of exactly these
 * values succeeded.
 */
public final class ConnectDialog {
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    @FXML private ComboBox<ConnectionProfile> savedBox;
    @FXML private TextField nameField;
    @FXML private TextField urlField;
    @FXML private TextField caField;
    @FXML private TextField certField;
    @FXML private TextField keyField;
    @FXML private Spinner<Integer> connectTimeout;
    @FXML private Spinner<Integer> requestTimeout;
    @FXML private Button testButton;
    @FXML private Label testResult;
    /** The profile whose test last succeeded; null until one did. */
    private final ObjectProperty<ConnectionProfile> tested = new SimpleObjectProperty<>();
    private final ObjectProperty<ConnectionProfile> profile = new SimpleObjectProperty<>();
    private TaskRunner runner;
    private Function<ConnectionProfile, ControlPlane> open;

    @FXML
    private void initialize() {
        for (TextField f : List.of(nameField, urlField, caField, certField, keyField)) {
            f.textProperty().addListener(o -> update());
        }
        connectTimeout.valueProperty().addListener(o -> update());
        requestTimeout.valueProperty().addListener(o -> update());
        savedBox.setCellFactory(l -> new ProfileCell());
        savedBox.setButtonCell(new ProfileCell());
        savedBox.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                fill(b);
            }
        });
        update();
    }

    private static final class ProfileCell extends ListCell<ConnectionProfile> {
        @Override
        protected void updateItem(ConnectionProfile p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : p.name() + "  (" + p.url() + ")");
        }
    }

    private void fill(ConnectionProfile p) {
        nameField.setText(nz(p.name()));
        urlField.setText(nz(p.url()));
        caField.setText(nz(p.caCert()));
        certField.setText(nz(p.clientCert()));
        keyField.setText(nz(p.clientKey()));
        connectTimeout.getValueFactory().setValue((int) p.connectTimeout().toSeconds());
        requestTimeout.getValueFactory().setValue((int) p.requestTimeout().toSeconds());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void update() {
        profile.set(new ConnectionProfile(nameField.getText(), urlField.getText(), caField.getText(), certField.getText(),
                keyField.getText(), connectTimeout.getValue(), requestTimeout.getValue()));
        if (tested.get() != null && !tested.get().equals(profile.get())) {
            tested.set(null);
            show("Changed since the test: test the connection again.", null);
        }
    }

    /** The first thing wrong with the form, or that it is untested; empty when it can be saved. */
    private Optional<String> problem() {
        Optional<String> p = profile.get().problem();
        if (p.isPresent()) {
            return p;
        }
        return tested.get() == null ? Optional.of("Test the connection: the profile is saved once the server answered.") : Optional.empty();
    }

    @FXML
    private void onTest() {
        ConnectionProfile p = profile.get();
        Optional<String> wrong = p.problem();
        if (wrong.isPresent()) {
            show("Not tested: " + wrong.get(), FAILED);
            return;
        }
        testButton.setDisable(true);
        show("Testing " + p.url() + "…", null);
        runner.run(() -> {
            try (ControlPlane cp = open.apply(p)) {
                return ConnectionCheck.run(cp);
            }
        }, check -> {
            testButton.setDisable(false);
            if (p.equals(profile.get())) {
                tested.set(p);
                show(check.describe(), OK);
            }
        }, error -> {
            testButton.setDisable(false);
            if (p.equals(profile.get())) {
                tested.set(null);
                show(ConnectionCheck.describeFailure(error), FAILED);
            }
        });
    }

    private void show(String text, PseudoClass state) {
        testResult.setText(text);
        testResult.pseudoClassStateChanged(OK, state == OK);
        testResult.pseudoClassStateChanged(FAILED, state == FAILED);
    }

    @FXML
    private void onBrowseCa() {
        browse(caField, "CA certificate (PEM)");
    }

    @FXML
    private void onBrowseCert() {
        browse(certField, "Client certificate (PEM)");
    }

    @FXML
    private void onBrowseKey() {
        browse(keyField, "Client key (PEM)");
    }

    private void browse(TextField field, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PEM files", "*.pem", "*.crt", "*.key"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (!field.getText().isBlank() && Path.of(field.getText()).getParent() != null) {
            File dir = Path.of(field.getText()).getParent().toFile();
            if (dir.isDirectory()) {
                chooser.setInitialDirectory(dir);
            }
        }
        File f = chooser.showOpenDialog(field.getScene().getWindow());
        if (f != null) {
            field.setText(f.getAbsolutePath());
        }
    }

    /**
     * Shows the editor, filled with {@code initial} (or empty for a new profile), offering the
     * {@code saved} profiles; gives the profile once it was tested and saved, empty when cancelled.
     */
    public static Optional<ConnectionProfile> ask(Window owner, ConnectionProfile initial, List<ConnectionProfile> saved,
                                                  TaskRunner runner, Function<ConnectionProfile, ControlPlane> open) {
        FormDialog<ConnectDialog, ConnectionProfile> d = new FormDialog<>("ConnectDialog.fxml", "Connect to a Control Plane",
                initial == null ? "A connection profile: the address, and the PEM files of its mutual TLS"
                        : "Edit the connection profile '" + initial.name() + "'",
                "Save and connect", ConnectDialog::problem, c -> c.profile.get(), owner);
        ConnectDialog c = d.controller;
        c.runner = runner;
        c.open = open;
        c.savedBox.getItems().setAll(saved);
        if (initial != null) {
            c.fill(initial);
        }
        d.watch(c.profile, c.tested);
        return d.dialog.showAndWait();
    }
}
