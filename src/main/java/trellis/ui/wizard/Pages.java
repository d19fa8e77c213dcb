package trellis.ui.wizard;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import trellis.ui.wizard.ServiceWizardModel.PortMode;

/** The forms of the wizard's pages but the configuration (see {@link ConfigForms}); each sets the model as it is used. */
final class Pages {
    private Pages() {
    }

    static Node type(StepPane pane) {
        ServiceWizardModel m = pane.model;
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(14);
        for (ServiceTypes.ServiceType t : ServiceTypes.ALL) {
            RadioButton r = new RadioButton(t.title());
            r.setId("service-type-" + t.id());
            r.setToggleGroup(group);
            r.setSelected(t.id().equals(m.type()));
            r.setDisable(m.isEditing());
            r.getStyleClass().add("service-type");
            r.selectedProperty().addListener((o, a, on) -> {
                if (on) {
                    m.setType(t.id());
                    pane.refresh();
                }
            });
            Label sentence = StepPane.hint(t.sentence());
            sentence.setPadding(new Insets(0, 0, 0, 26));
            box.getChildren().add(new VBox(2, r, sentence));
        }
        if (m.isEditing()) {
            box.getChildren().add(StepPane.hint("A service keeps its type; to change it, remove the service and add another."));
        }
        return box;
    }

    static Node identity(StepPane pane) {
        ServiceWizardModel m = pane.model;
        GridPane g = StepPane.grid();
        TextField id = new TextField(m.serviceId());
        id.setId("service-id");
        id.setEditable(!m.isEditing());
        id.setPromptText("e.g. api");
        id.textProperty().addListener((o, a, b) -> {
            m.setServiceId(b);
            pane.refresh();
        });
        pane.row(g, "Service id", id, id, "service_id");
        ComboBox<String> version = new ComboBox<>();
        version.setId("service-version");
        version.setEditable(true);
        version.getItems().setAll(m.versions());
        version.setValue(m.version());
        version.setMaxWidth(Double.MAX_VALUE);
        version.getEditor().textProperty().addListener((o, a, b) -> {
            m.setVersion(b);
            pane.refresh();
        });
        version.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(version.getEditor().getText())) {
                version.getEditor().setText(b);
            }
        });
        pane.row(g, "Version", version, version, "version");
        int left = Math.max(0, 53 - m.databaseId().length());
        String rule = "Lower-case letters, digits and hyphens, starting and ending with a letter or digit; with the "
                + "database id '" + m.databaseId() + "' at most " + Math.min(36, left) + " characters. Versions: the "
                + "images Trellis knows, or latest.";
        return new VBox(10, g, StepPane.hint(m.isEditing() ? "The service id stays as it is. " + rule : rule));
    }

    static Node placement(StepPane pane) {
        ServiceWizardModel m = pane.model;
        VBox hosts = new VBox(6);
        hosts.setId("placement-hosts");
        for (Placement.HostChoice h : m.hosts()) {
            hosts.getChildren().add(hostBox(pane, h));
        }
        Label hint = new Label();
        hint.setId("placement-hint");
        hint.getStyleClass().add("wizard-pattern");
        hint.setWrapText(true);
        pane.onRefresh(() -> hint.setText(m.patternHint()));
        TextField other = new TextField();
        other.setId("new-host-id");
        other.setPromptText("another host id, e.g. host-3");
        Button add = new Button("Add host");
        add.setId("add-host");
        add.disableProperty().bind(other.textProperty().isEmpty());
        add.setOnAction(e -> {
            int before = m.hosts().size();
            m.addHost(other.getText());
            if (m.hosts().size() > before) {
                hosts.getChildren().add(hostBox(pane, m.hosts().get(before)));
                other.clear();
            }
            pane.refresh();
        });
        HBox.setHgrow(other, Priority.ALWAYS);
        Label error = pane.message("host_ids");
        return new VBox(10, StepPane.hint("One instance runs on each host you pick. Each host shows the database nodes it runs."),
                hosts, error, hint, new HBox(8, other, add));
    }

    private static Node hostBox(StepPane pane, Placement.HostChoice h) {
        CheckBox box = new CheckBox(h.hostId() + "  (" + h.detail() + ")");
        box.setId("place-" + h.hostId());
        box.setSelected(pane.model.isOnHost(h.hostId()));
        box.selectedProperty().addListener((o, a, on) -> {
            pane.model.setOnHost(h.hostId(), on);
            pane.refresh();
        });
        var reason = pane.model.reasonHostCannotTake(h.hostId());
        if (reason.isEmpty()) {
            return box;
        }
        // a host already chosen stays enabled, so that the person can take the service off it
        box.setDisable(!box.isSelected());
        box.selectedProperty().addListener((o, a, on) -> box.setDisable(!on));
        Label why = new Label(reason.get());
        why.setId("place-reason-" + h.hostId());
        why.getStyleClass().add("wizard-host-reason");
        why.setWrapText(true);
        return new VBox(2, box, why);
    }

    static Node connectAs(StepPane pane) {
        ServiceWizardModel m = pane.model;
        GridPane g = StepPane.grid();
        ComboBox<String> users = new ComboBox<>();
        users.setId("connect-as");
        users.getItems().setAll(m.usernames());
        users.setPromptText("pick a database user");
        if (!m.connectAs().isEmpty()) {
            users.setValue(m.connectAs());
        }
        users.setMaxWidth(Double.MAX_VALUE);
        users.valueProperty().addListener((o, a, b) -> {
            m.setConnectAs(b);
            pane.refresh();
        });
        pane.row(g, "Connect as", users, users, "connect_as");
        Button newUser = new Button("New database user…");
        newUser.setId("new-database-user");
        StepPane.extraRow(g, new Label(), newUser);

        GridPane form = StepPane.grid();
        form.getStyleClass().add("new-user-form");
        TextField name = new TextField();
        name.setId("new-user-name");
        PasswordField password = new PasswordField();
        password.setId("new-user-password");
        TextField roles = new TextField();
        roles.setId("new-user-roles");
        roles.setPromptText("none, or e.g. web_anon, readers");
        TextField attributes = new TextField("LOGIN");
        attributes.setId("new-user-attributes");
        attributes.setPromptText("e.g. LOGIN");
        pane.row(form, "Username", name, null, null);
        pane.row(form, "Password", password, null, null);
        pane.row(form, "Roles", roles, null, null);
        pane.row(form, "Attributes", attributes, null, null);
        Label message = new Label();
        message.setId("new-user-message");
        message.getStyleClass().add("field-error");
        Button add = new Button("Add user");
        add.setId("add-database-user");
        Runnable check = () -> {
            String problem = m.newUserProblem(name.getText(), password.getText());
            add.setDisable(problem != null);
            message.setText(name.getText().isEmpty() && password.getText().isEmpty() ? "" : problem == null ? "" : problem);
        };
        name.textProperty().addListener((o, a, b) -> check.run());
        password.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        StepPane.extraRow(form, new Label(), new HBox(8, add, message));
        form.setVisible(false);
        form.setManaged(false);
        newUser.setOnAction(e -> {
            form.setVisible(true);
            form.setManaged(true);
            name.requestFocus();
        });
        add.setOnAction(e -> {
            m.addUser(name.getText(), password.getText(), roles.getText(), attributes.getText());
            users.getItems().setAll(m.usernames());
            users.setValue(m.connectAs());
            name.clear();
            password.clear();
            form.setVisible(false);
            form.setManaged(false);
            pane.refresh();
        });
        Label usersError = pane.message("database_users");
        return new VBox(10, StepPane.hint("The service connects to the database as one of its database users, with that "
                + "user's password. A new user is added to the spec with the service."), g, form, usersError);
    }

    static Node resources(StepPane pane) {
        ServiceWizardModel m = pane.model;
        GridPane g = StepPane.grid();
        ToggleGroup mode = new ToggleGroup();
        RadioButton none = new RadioButton("Not published");
        none.setId("port-none");
        RadioButton docker = new RadioButton("Docker picks a free port");
        docker.setId("port-docker");
        RadioButton fixed = new RadioButton("This port:");
        fixed.setId("port-fixed");
        TextField port = new TextField(m.fixedPort());
        port.setId("service-port");
        port.setPromptText("1 to 65535");
        port.setPrefColumnCount(6);
        for (RadioButton r : new RadioButton[] {none, docker, fixed}) {
            r.setToggleGroup(mode);
        }
        (m.portMode() == PortMode.NONE ? none : m.portMode() == PortMode.FIXED ? fixed : docker).setSelected(true);
        port.disableProperty().bind(fixed.selectedProperty().not());
        Runnable setPort = () -> {
            m.setPort(none.isSelected() ? PortMode.NONE : fixed.isSelected() ? PortMode.FIXED : PortMode.DOCKER, port.getText());
            pane.refresh();
        };
        mode.selectedToggleProperty().addListener((o, a, b) -> setPort.run());
        port.textProperty().addListener((o, a, b) -> setPort.run());
        pane.row(g, "Port", new HBox(12, none, docker, new HBox(6, fixed, port)), port, "port");
        TextField cpus = new TextField(m.cpus());
        cpus.setId("service-cpus");
        cpus.setPromptText("no limit (default), e.g. 0.5 or 500m");
        cpus.textProperty().addListener((o, a, b) -> {
            m.setCpus(b);
            pane.refresh();
        });
        pane.row(g, "CPUs", cpus, cpus, "cpus");
        TextField memory = new TextField(m.memory());
        memory.setId("service-memory");
        memory.setPromptText("no limit (default), e.g. 512M or 1GiB");
        memory.textProperty().addListener((o, a, b) -> {
            m.setMemory(b);
            pane.refresh();
        });
        pane.row(g, "Memory", memory, memory, "memory");
        HBox nodes = new HBox(12);
        for (String n : m.nodeNames()) {
            CheckBox c = new CheckBox(n);
            c.setId("target-node-" + n);
            c.setSelected(m.targetNodes().contains(n));
            c.selectedProperty().addListener((o, a, on) -> {
                m.setTargetNode(n, on);
                pane.refresh();
            });
            nodes.getChildren().add(c);
        }
        pane.row(g, "Target nodes", nodes, null, "database_connection.target_nodes");
        ComboBox<String> tsa = new ComboBox<>();
        tsa.setId("target-session-attrs");
        tsa.getItems().setAll(ServiceWizardModel.SESSION_ATTRS.subList(1, ServiceWizardModel.SESSION_ATTRS.size()));
        tsa.setPromptText("the driver's default (any)");
        if (!m.targetSessionAttrs().isEmpty()) {
            tsa.setValue(m.targetSessionAttrs());
        }
        tsa.valueProperty().addListener((o, a, b) -> {
            m.setTargetSessionAttrs(b);
            pane.refresh();
        });
        tsa.setMaxWidth(Double.MAX_VALUE);
        pane.row(g, "Target session attrs", tsa, tsa, "database_connection.target_session_attrs");
        return new VBox(10, g, StepPane.hint("Without target nodes the service connects to every node of the database. "
                + "A published port must not collide with PostgreSQL, Patroni or another service on the same host."));
    }
}
