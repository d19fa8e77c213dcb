package trellis.ui;

import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import trellis.engine.InstanceLogs;

/**
 * The Logs tab of the dock: the selected instance's container output, filtered as typed and
 * followed with the poll unless paused. Its content goes in on its first selection, so that it
 * costs the first frame nothing.
 */
final class LogsDock {
    private final Tab tab;
    private final Label label;
    private final ToggleButton pause;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private String instance;

    LogsDock(Tab tab, BorderPane content, Label label, TextField filter, ToggleButton pause, ListView<String> view) {
        this.tab = tab;
        this.label = label;
        this.pause = pause;
        var filtered = new FilteredList<>(lines, l -> true);
        filter.textProperty().addListener((o, a, b) -> filtered.setPredicate(
                l -> b == null || b.isBlank() || l.toLowerCase(Locale.ROOT).contains(b.toLowerCase(Locale.ROOT))));
        view.setItems(filtered);
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected() && tab.getContent() == null) {
                tab.setContent(content);
            }
        });
    }

    /** Follows this instance from now on. */
    void follow(String instanceId) {
        instance = instanceId;
    }

    /** Fetches the followed instance's last lines from the database on screen, when its source keeps logs. */
    void refresh(TaskRunner runner, Sources.DatabaseRef current) {
        if (instance == null || pause.isSelected() || current == null
                || !(current.source() instanceof Sources.LiveSource live)
                || !(live.controlPlane() instanceof InstanceLogs logs)) {
            return;
        }
        String db = current.databaseId();
        String followed = instance;
        runner.run(() -> logs.logs(db, followed, 200), got -> {
            label.setText(followed + " — last " + got.size() + " lines");
            lines.setAll(got);
        }, error -> label.setText(followed + ": " + MainWindowViewModel.message(error)));
    }

    void show() {
        tab.getTabPane().getSelectionModel().select(tab);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
