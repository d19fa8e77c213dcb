package trellis.ui;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import trellis.engine.InstanceLogs;

/**
 * The Logs dock's state: the followed instance's last lines, what the dock says of them, the
 * filter typed and whether following is paused. Kept whether or not the dock's view was ever
 * loaded ({@link LogsDock} binds to it when it is).
 */
final class LogsModel {
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final FilteredList<String> shown = new FilteredList<>(lines, l -> true);
    private final StringProperty status = new SimpleStringProperty("Select an instance of the local engine to see its container's output.");
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private String instance;

    LogsModel() {
        filter.addListener((o, a, b) -> shown.setPredicate(
                l -> b == null || b.isBlank() || l.toLowerCase(Locale.ROOT).contains(b.toLowerCase(Locale.ROOT))));
    }

    ObservableList<String> shown() {
        return shown;
    }

    StringProperty statusProperty() {
        return status;
    }

    StringProperty filterProperty() {
        return filter;
    }

    BooleanProperty pausedProperty() {
        return paused;
    }

    /** Follows this instance from now on. */
    void follow(String instanceId) {
        instance = instanceId;
    }

    /** Fetches the followed instance's last lines from the database on screen, when its source keeps logs. */
    void refresh(TaskRunner runner, Sources.DatabaseRef current) {
        if (instance == null || paused.get() || current == null
                || !(current.source() instanceof Sources.LiveSource live)
                || !(live.controlPlane() instanceof InstanceLogs logs)) {
            return;
        }
        String db = current.databaseId();
        String followed = instance;
        runner.run(() -> logs.logs(db, followed, 200), got -> {
            status.set(followed + " — last " + got.size() + " lines");
            lines.setAll(got);
        }, error -> status.set(followed + ": " + MainWindowViewModel.message(error)));
    }

    /** The lines (before the filter). */
    List<String> lines() {
        return List.copyOf(lines);
    }
}
