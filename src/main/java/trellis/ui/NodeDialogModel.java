package trellis.ui;

import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Database node form without its controls: how the node comes to be, the connection typed,
 * and the first problem with them ("" when it can be applied), kept current as they change. The
 * typed password is not held here: only whether there is one; it goes from the password field
 * straight into the request.
 */
public final class NodeDialogModel {
    private final StringProperty node = new SimpleStringProperty(this, "node", "");
    private final ObjectProperty<NodeDialog.Mode> mode = new SimpleObjectProperty<>(this, "mode", NodeDialog.Mode.ATTACH);
    private final StringProperty host = new SimpleStringProperty(this, "host", "127.0.0.1");
    private final StringProperty port = new SimpleStringProperty(this, "port", "5432");
    private final StringProperty database = new SimpleStringProperty(this, "database", "postgres");
    private final StringProperty user = new SimpleStringProperty(this, "user", "postgres");
    private final BooleanProperty passwordTyped = new SimpleBooleanProperty(this, "passwordTyped");
    private final StringProperty passwordEnv = new SimpleStringProperty(this, "passwordEnv", "");
    private final StringProperty containerHost = new SimpleStringProperty(this, "containerHost", "");
    private final BooleanProperty provision = new SimpleBooleanProperty(this, "provision");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final UnaryOperator<String> env;

    /** {@code env} answers whether a password variable is set (the process environment, in the console). */
    public NodeDialogModel(UnaryOperator<String> env) {
        this.env = env;
        for (Observable o : new Observable[]{node, mode, host, port, database, user, passwordTyped, passwordEnv}) {
            o.addListener(x -> check());
        }
        check();
    }

    public StringProperty nodeProperty() {
        return node;
    }

    public ObjectProperty<NodeDialog.Mode> modeProperty() {
        return mode;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public BooleanProperty passwordTypedProperty() {
        return passwordTyped;
    }

    public StringProperty passwordEnvProperty() {
        return passwordEnv;
    }

    public StringProperty containerHostProperty() {
        return containerHost;
    }

    public BooleanProperty provisionProperty() {
        return provision;
    }

    /** The first thing wrong, naming the field and the way out; "" when the node can be applied. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public Optional<String> problem() {
        return problem.get().isEmpty() ? Optional.empty() : Optional.of(problem.get());
    }

    /** What the form asks for, with the password typed; only when {@link #problem()} is empty. */
    public NodeDialog.Request request(char[] password) {
        NodeDialog.Mode m = mode.get();
        return new NodeDialog.Request(node.get().strip(), m, host.get().strip(),
                m != NodeDialog.Mode.ATTACH ? 0 : Integer.parseInt(port.get().strip()), database.get().strip(),
                user.get().strip(), password, blankToNull(passwordEnv.get()), blankToNull(containerHost.get()), provision.get());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void check() {
        problem.set(NodeDialog.problem(node.get(), mode.get() != NodeDialog.Mode.ATTACH, host.get(), port.get(), database.get(),
                user.get(), passwordTyped.get(), passwordEnv.get(), env).orElse(""));
    }
}
