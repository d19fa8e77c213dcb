package trellis.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import trellis.engine.NodeChoice;
import trellis.ui.model.NodeChoices;
import trellis.ui.model.NodeChoices.Option;

/**
 * File &gt; Deploy to the local engine: per database node of the spec, start PostgreSQL here (the
 * default), attach to a server the person runs, or skip the node. Each node's choice is the
 * combo box {@code deploy-node-<name>}; its server fields show only when attaching. The decisions
 * and their checks are {@link NodeChoices}'; the typed passwords go from their fields straight
 * into the choices.
 */
final class DeployNodesDialog {
    private static final double LABEL_WIDTH = 90;
    private static final double FIELD_WIDTH = 150;
    private static final int PORT_COLUMNS = 6;
    private static final double MESSAGE_WIDTH = 520;
    /** How far a node's name sits down to be level with its choice's text. */
    private static final double NAME_TOP = 4;

    private final Map<String, Fields> rows = new LinkedHashMap<>();

    /** One node's controls. */
    private record Fields(ComboBox<Option> option, TextField host, TextField port, TextField database, TextField user,
                          PasswordField password, CheckBox provision, Node attachPane) {
    }

    private List<NodeChoices.Row> rows() {
        List<NodeChoices.Row> out = new ArrayList<>();
        rows.forEach((node, f) -> out.add(new NodeChoices.Row(node, f.option().getValue(), f.host().getText(), f.port().getText(),
                f.database().getText(), f.user().getText(), f.provision().isSelected())));
        return out;
    }

    static Optional<Map<String, NodeChoice>> ask(Window owner, String databaseId, List<String> nodes) {
        return new DeployNodesDialog().show(owner, databaseId, nodes);
    }

    private Optional<Map<String, NodeChoice>> show(Window owner, String databaseId, List<String> nodes) {
        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.setHgap(8);
        form.setVgap(8);
        form.getColumnConstraints().addAll(new ColumnConstraints(LABEL_WIDTH), new ColumnConstraints());
        form.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        Label intro = new Label("For each node, Trellis can start PostgreSQL on this machine, attach a server you run, "
                + "or skip the node (its services then reach no database).");
        intro.setWrapText(true);
        intro.setMaxWidth(MESSAGE_WIDTH);
        form.add(intro, 0, 0, 2, 1);
        int r = 1;
        for (String node : nodes) {
            Fields f = fields(node);
            rows.put(node, f);
            Label name = new Label("Node " + node);
            name.setLabelFor(f.option());
            // level with the choice, above the server fields that open under it
            GridPane.setValignment(name, VPos.TOP);
            name.setPadding(new Insets(NAME_TOP, 0, 0, 0));
            form.add(name, 0, r);
            form.add(new VBox(8, f.option(), f.attachPane()), 1, r++);
        }
        Label message = new Label();
        message.getStyleClass().add("form-message");
        message.setId("deploy-nodes-message");
        message.setWrapText(true);
        message.setMaxWidth(MESSAGE_WIDTH);
        form.add(message, 0, r, 2, 1);

        Dialog<Map<String, NodeChoice>> d = new Dialog<>();
        d.setTitle("Deploy");
        d.setHeaderText("Database nodes of '" + databaseId + "' on the local engine");
        d.getDialogPane().setContent(form);
        d.getDialogPane().getStyleClass().add("form-dialog");
        ButtonType ok = new ButtonType("Continue", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Node okButton = d.getDialogPane().lookupButton(ok);
        okButton.setId("deploy-nodes-ok");
        d.setResultConverter(b -> b == ok ? NodeChoices.choices(rows(), n -> rows.get(n).password().getText().toCharArray()) : null);
        if (owner != null) {
            d.initOwner(owner);
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        Runnable check = () -> {
            Optional<String> p = NodeChoices.problem(rows());
            message.setText(p.orElse(""));
            okButton.setDisable(p.isPresent());
        };
        for (Fields f : rows.values()) {
            f.option().valueProperty().addListener(o -> {
                boolean attach = f.option().getValue() == Option.ATTACH;
                f.attachPane().setVisible(attach);
                f.attachPane().setManaged(attach);
                check.run();
                if (d.getDialogPane().getScene() != null && d.getDialogPane().getScene().getWindow() != null) {
                    d.getDialogPane().getScene().getWindow().sizeToScene();
                }
            });
            for (TextField t : List.of(f.host(), f.port(), f.database(), f.user())) {
                t.textProperty().addListener(o -> check.run());
            }
        }
        check.run();
        Optional<Map<String, NodeChoice>> answer = d.showAndWait();
        for (Fields f : rows.values()) {
            f.password().clear();
        }
        return answer;
    }

    private static Fields fields(String node) {
        NodeChoices.Row start = NodeChoices.Row.start(node);
        String id = "deploy-node-" + node;
        ComboBox<Option> option = new ComboBox<>();
        option.getItems().setAll(Option.values());
        option.setValue(Option.START);
        option.setId(id);
        TextField host = field(id + "-host", start.host());
        TextField port = field(id + "-port", start.port());
        port.setPrefColumnCount(PORT_COLUMNS);
        TextField database = field(id + "-database", start.database());
        TextField user = field(id + "-user", start.user());
        PasswordField password = new PasswordField();
        password.setId(id + "-password");
        password.setPromptText("kept in memory for this session only");
        CheckBox provision = new CheckBox("Create the spec's database and users there");
        provision.setSelected(start.provision());
        provision.setId(id + "-provision");
        GridPane attach = new GridPane();
        attach.setHgap(8);
        attach.setVgap(6);
        attach.addRow(0, caption("Host", host), host, caption("Port", port), port);
        attach.addRow(1, caption("Database", database), database, caption("Admin user", user), user);
        attach.add(caption("Password", password), 0, 2);
        attach.add(password, 1, 2, 3, 1);
        attach.add(provision, 1, 3, 3, 1);
        attach.setVisible(false);
        attach.setManaged(false);
        return new Fields(option, host, port, database, user, password, provision, attach);
    }

    private static TextField field(String id, String text) {
        TextField t = new TextField(text);
        t.setId(id);
        t.setPrefWidth(FIELD_WIDTH);
        return t;
    }

    private static Label caption(String text, Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }
}
