package trellis.ui.tasks;

import java.util.function.LongSupplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;

/**
 * The Tasks tab's controller; view {@code fxml/TasksDock.fxml}, state {@link TasksModel}. Made by
 * {@link TasksTab} on the tab's first selection. Each row says the task's kind, database, state
 * and elapsed time, with a progress bar while its images pull; the right side is the selected
 * task's log as it arrives, and Cancel where the source can stop a task.
 */
public final class TasksDock {
    @FXML private SplitPane tasksPane;
    @FXML private ListView<TaskEntry> tasksList;
    @FXML private Label taskHeading;
    @FXML private Button cancelButton;
    @FXML private ListView<String> taskLog;

    private TasksModel model;
    private LongSupplier clock;
    private final ObservableList<TaskEntry> rows = FXCollections.observableArrayList();
    private final Label noneSelected = new Label("Select a task to see its log.");
    private final Label noEntries = new Label("No log entries for this task yet.");

    SplitPane view() {
        return tasksPane;
    }

    void bind(TasksModel model, LongSupplier clock) {
        this.model = model;
        this.clock = clock;
        rows.setAll(model.entries());
        tasksList.setItems(rows);
        tasksList.setCellFactory(v -> new Row());
        tasksList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showSelected());
        tasksList.setPlaceholder(new Label("No tasks yet: a deploy or a removal opens one here."));
        taskLog.setPlaceholder(noneSelected);
        model.addChangeListener(this::changed);
        if (!rows.isEmpty()) {
            tasksList.getSelectionModel().select(0);
        }
        showSelected();
    }

    /** Selects an entry (Show task). */
    void select(TaskEntry e) {
        tasksList.getSelectionModel().select(e);
        tasksList.scrollTo(e);
    }

    /** The elapsed times move on. */
    void tick() {
        if (model.anyRunning()) {
            tasksList.refresh();
        }
    }

    private void changed(TaskEntry e) {
        if (!rows.contains(e)) {
            rows.add(Math.max(0, Math.min(rows.size(), model.entries().indexOf(e))), e);
            if (tasksList.getSelectionModel().getSelectedItem() == null || rows.size() == 1) {
                tasksList.getSelectionModel().select(e);
            }
        } else {
            tasksList.refresh();
        }
        if (e == tasksList.getSelectionModel().getSelectedItem()) {
            showSelected();
        }
    }

    private void showSelected() {
        TaskEntry e = tasksList.getSelectionModel().getSelectedItem();
        model.load(e);
        cancelButton.setDisable(!model.canCancel(e));
        // a selected task with no entries yet must not read as if nothing were selected
        taskLog.setPlaceholder(e == null ? noneSelected : noEntries);
        if (e == null) {
            taskHeading.setText("");
            taskLog.getItems().clear();
            return;
        }
        taskHeading.setText(e.heading());
        taskHeading.pseudoClassStateChanged(FAILED, "failed".equals(e.state()));
        var lines = e.lines();
        var shown = taskLog.getItems();
        boolean sameTask = e.taskId().equals(taskLog.getUserData());
        if (!sameTask || shown.size() > lines.size()) {
            taskLog.setUserData(e.taskId());
            shown.setAll(lines);
        } else if (shown.size() < lines.size()) {
            shown.addAll(lines.subList(shown.size(), lines.size()));
        }
        if (!shown.isEmpty()) {
            // after the layout the new lines bring, or the list scrolls to where the end was
            int last = shown.size() - 1;
            javafx.application.Platform.runLater(() -> taskLog.scrollTo(last));
        }
    }

    @FXML
    private void onCancel() {
        model.cancel(tasksList.getSelectionModel().getSelectedItem());
        cancelButton.setDisable(true);
    }

    private static final javafx.css.PseudoClass FAILED = javafx.css.PseudoClass.getPseudoClass("failed");

    /** A row: the summary line, and a progress bar while images pull. */
    private final class Row extends ListCell<TaskEntry> {
        private final Label text = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final VBox box = new VBox(2, text, bar);

        Row() {
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.getStyleClass().add("task-progress");
            text.getStyleClass().add("task-summary");
        }

        @Override
        protected void updateItem(TaskEntry e, boolean empty) {
            super.updateItem(e, empty);
            for (String s : new String[]{"completed", "failed", "canceled"}) {
                text.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(s), !empty && e != null && s.equals(e.state()));
            }
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            text.setText(e.summary(clock.getAsLong()));
            boolean pulling = e.pulling();
            bar.setVisible(pulling);
            bar.setManaged(pulling);
            bar.setProgress(e.pullFraction() > 0 ? e.pullFraction() : ProgressBar.INDETERMINATE_PROGRESS);
            setText(null);
            setGraphic(box);
        }
    }
}
