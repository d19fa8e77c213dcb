package trellis.ui;

import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Bind host form without its controls: the host id and endpoint typed, and the first problem
 * with them ("" when it can be bound), kept current as they change.
 */
public final class HostDialogModel {
    private final StringProperty hostId = new SimpleStringProperty(this, "hostId", "");
    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public HostDialogModel() {
        hostId.addListener(o -> check());
        endpoint.addListener(o -> check());
        check();
    }

    public StringProperty hostIdProperty() {
        return hostId;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    /** The first thing wrong, naming the field and the way out; "" when the host can be bound. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public Optional<String> problem() {
        return problem.get().isEmpty() ? Optional.empty() : Optional.of(problem.get());
    }

    /** What the form asks for; only when {@link #problem()} is empty. */
    public HostDialog.Request request() {
        return new HostDialog.Request(hostId.get().strip(), endpoint.get().strip());
    }

    private void check() {
        problem.set(problem(hostId.get(), endpoint.get()).orElse(""));
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
