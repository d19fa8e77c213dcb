package trellis.ui.review;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import trellis.spec.DatabaseSpec;
import trellis.spec.DatabaseUser;
import trellis.ui.action.ActionManager;
import trellis.ui.action.EditSpecAction;
import trellis.ui.model.DatabaseUsers;
import trellis.ui.model.SpecDraft;

/**
 * Edit > Database users…: the users of a spec draft; add one, change its roles, attributes and
 * password, remove one no service connects as (else the reason is said). Every change is an
 * {@link EditSpecAction} through the window's {@link ActionManager}, so Ctrl+Z takes it back.
 * Controls: {@code #users-list}, {@code #user-name}, {@code #user-password}, {@code #user-db-owner},
 * {@code #user-attr-<ATTRIBUTE>}, {@code #user-roles}, {@code #user-new}, {@code #user-save},
 * {@code #user-remove}, {@code #user-message} (problems and reasons).
 */
public final class DatabaseUsersDialog {
    static final List<String> ATTRIBUTES = List.of("LOGIN", "SUPERUSER", "CREATEDB", "CREATEROLE", "REPLICATION", "BYPASSRLS");

    final Dialog<Void> dialog = new Dialog<>();
    private final SpecDraft draft;
    private final ActionManager actions;
    private final ListView<DatabaseUser> list = new ListView<>();
    private final TextField name = new TextField();
    private final PasswordField password = new PasswordField();
    private final CheckBox owner = new CheckBox("Database owner (db_owner)");
    private final List<CheckBox> attributes = ATTRIBUTES.stream().map(CheckBox::new).toList();
    private final TextField roles = new TextField();
    private final Button save = new Button("Add user");
    private final Button remove = new Button("Remove user");
    private final Label message = new Label();
    private String editing;

    public DatabaseUsersDialog(SpecDraft draft, ActionManager actions, Window owner) {
        this.draft = draft;
        this.actions = actions;
        dialog.setTitle("Database users");
        dialog.setHeaderText("The database's users. A service's connect_as must be one of them.");
        list.setId("users-list");
        list.setPrefSize(260, 260);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DatabaseUser u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : describe(draft.spec(), u));
            }
        });
        name.setId("user-name");
        password.setId("user-password");
        this.owner.setId("user-db-owner");
        this.owner.setMnemonicParsing(false);
        attributes.forEach(c -> c.setId("user-attr-" + c.getText()));
        roles.setId("user-roles");
        roles.setPromptText("e.g. pgedge_application, reporting");
        save.setId("user-save");
        remove.setId("user-remove");
        message.setId("user-message");
        message.getStyleClass().add("form-message");
        message.setWrapText(true);
        message.setPrefWidth(420);
        Button fresh = new Button("New user");
        fresh.setId("user-new");
        fresh.setOnAction(e -> show(null));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Username"), name);
        form.addRow(1, new Label("Password"), password);
        form.addRow(2, new Label(""), this.owner);
        FlowPane attrs = new FlowPane(8, 4);
        attrs.getChildren().addAll(attributes);
        attrs.setPrefWrapLength(300);
        form.addRow(3, new Label("Attributes"), attrs);
        form.addRow(4, new Label("Roles"), roles);
        VBox right = new VBox(8, form, new HBox(8, save, remove), message);
        right.getStyleClass().add("form");
        HBox content = new HBox(12, new VBox(6, list, fresh), right);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        list.getSelectionModel().selectedItemProperty().addListener((o, was, u) -> {
            if (u != null) {
                show(u.username());
            }
        });
        name.textProperty().addListener(o -> check());
        password.textProperty().addListener(o -> check());
        save.setOnAction(e -> onSave());
        remove.setOnAction(e -> onRemove());
        draft.onChange(s -> refresh());
        refresh();
        show(null);
        ReviewDialogs.own(dialog, owner);
    }

    public void showAndWait() {
        dialog.showAndWait();
    }

    static String describe(DatabaseSpec spec, DatabaseUser u) {
        StringBuilder b = new StringBuilder(u.username());
        if (Boolean.TRUE.equals(u.dbOwner())) {
            b.append(" (owner)");
        }
        List<String> by = DatabaseUsers.connectedBy(spec, u.username());
        if (!by.isEmpty()) {
            b.append(" — used by ").append(String.join(", ", by));
        }
        return b.toString();
    }

    private void refresh() {
        String keep = editing;
        list.setItems(FXCollections.observableArrayList(DatabaseUsers.of(draft.spec())));
        if (keep != null && DatabaseUsers.named(draft.spec(), keep).isPresent()) {
            show(keep);
        } else {
            show(null);
        }
    }

    /** Fills the form with a user (null: a new one). */
    private void show(String username) {
        editing = username;
        Optional<DatabaseUser> u = username == null ? Optional.empty() : DatabaseUsers.named(draft.spec(), username);
        name.setText(u.map(DatabaseUser::username).orElse(""));
        password.clear();
        password.setPromptText(u.isPresent() ? (u.get().password() != null ? "unchanged" : "not known here; type to set") : "");
        owner.setSelected(u.map(x -> Boolean.TRUE.equals(x.dbOwner())).orElse(false));
        List<String> attrs = u.map(DatabaseUser::attributes).orElse(username == null ? List.of("LOGIN") : List.of());
        attributes.forEach(c -> c.setSelected(attrs != null && attrs.contains(c.getText())));
        roles.setText(u.map(DatabaseUser::roles).map(r -> String.join(", ", r)).orElse(""));
        save.setText(username == null ? "Add user" : "Save changes");
        if (username == null) {
            list.getSelectionModel().clearSelection();
        }
        check();
    }

    private void check() {
        Optional<String> problem = DatabaseUsers.problem(draft.spec(), editing, name.getText().strip(), password.getText());
        Optional<String> why = editing == null ? Optional.empty() : DatabaseUsers.whyNotRemovable(draft.spec(), editing);
        save.setDisable(problem.isPresent());
        remove.setDisable(editing == null || why.isPresent());
        message.setText(problem.or(() -> why).orElse(""));
    }

    private void onSave() {
        String original = editing;
        String user = name.getText().strip();
        String pw = password.getText();
        boolean isOwner = owner.isSelected();
        List<String> attrs = attributes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList();
        List<String> roleList = Arrays.stream(roles.getText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String what = original == null ? "Add database user '" + user + "'"
                : pw.isEmpty() ? "Change database user '" + user + "'" : "Change database user '" + user + "' and its password";
        editing = user;
        actions.run(new EditSpecAction(draft, what, s -> DatabaseUsers.withUser(s, original, user, pw, isOwner, attrs, roleList)));
        show(user);
        list.getSelectionModel().select(DatabaseUsers.named(draft.spec(), user).orElse(null));
    }

    private void onRemove() {
        String user = editing;
        editing = null;
        actions.run(new EditSpecAction(draft, "Remove database user '" + user + "'", s -> DatabaseUsers.withoutUser(s, user)));
    }
}
