package trellis.ui.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Pos;
import javafx.scene.control.Tab;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;
import trellis.engine.ControlPlane;
import trellis.spec.Task;
import trellis.ui.TaskRunner;

/**
 * The dock's Tasks tab: every operation the console starts opens an entry here ({@link #follow}),
 * followed every 500 ms until it ends; image pulls are taken every 100 ms. A task that fails raises
 * a notification with its reason and a Show task button. The view ({@link TasksDock}) is loaded
 * on the tab's first selection, so that it costs the first frame nothing. FX thread only.
 */
public final class TasksTab {
    private final Tab tab;
    private final TasksModel model;
    private final Supplier<Window> owner;
    private final Timeline ticks;
    private final TaskRunner runner;
    private final Timeline historyTicks;
    private TasksDock dock;
    private int tick;
    /** The live database shown, whose history is listed; null when none is. */
    private ControlPlane historySource;
    private String historyDatabase;
    private boolean historyInFlight;

    public TasksTab(Tab tab, TaskRunner runner, Supplier<Window> owner) {
        this.tab = tab;
        this.owner = owner;
        this.runner = runner;
        this.model = new TasksModel(runner, System::currentTimeMillis);
        model.addFailureListener(this::notifyFailed);
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected()) {
                load();
            }
        });
        ticks = new Timeline(new KeyFrame(Duration.millis(100), e -> tick()));
        ticks.setCycleCount(Timeline.INDEFINITE);
        historyTicks = new Timeline(new KeyFrame(Duration.seconds(HISTORY_SECONDS), e -> refreshHistory()));
        historyTicks.setCycleCount(Timeline.INDEFINITE);
    }

    /** How often the shown database's task history is asked for again. */
    static final double HISTORY_SECONDS = 3;

    /**
     * A live database is shown (null, null: none is): its task history (GET tasks, newest first)
     * is listed beside the console's own tasks now and every few seconds, one request at a time.
     */
    public void showDatabase(ControlPlane source, String databaseId) {
        historySource = source;
        historyDatabase = databaseId;
        if (source == null) {
            historyTicks.stop();
            return;
        }
        refreshHistory();
        historyTicks.play();
    }

    private void refreshHistory() {
        ControlPlane cp = historySource;
        String db = historyDatabase;
        if (cp == null || historyInFlight) {
            return;
        }
        historyInFlight = true;
        runner.run(() -> cp.tasks(db), history -> {
            historyInFlight = false;
            model.addPast(cp, history);
            if (model.anyRunning()) {
                ticks.play();
            }
        }, error -> historyInFlight = false); // the poller's banner says when the source cannot be reached
    }

    public TasksModel model() {
        return model;
    }

    /** Opens an entry for a task an operation started and follows it to its end. */
    public TaskEntry follow(ControlPlane source, Task task, String what) {
        TaskEntry e = model.follow(source, task, what);
        if (!e.ended()) {
            ticks.play();
        }
        return e;
    }

    /** Brings the Tasks tab to the front with the entry selected. */
    public void show(TaskEntry e) {
        if (tab.getTabPane() != null) {
            tab.getTabPane().getSelectionModel().select(tab);
        }
        load().select(e);
    }

    public void stop() {
        ticks.stop();
        historyTicks.stop();
    }

    private void tick() {
        tick++;
        model.drainPulls();
        if (tick % 5 == 0) {
            model.poll();
        }
        if (tick % 10 == 0 && dock != null) {
            dock.tick();
        }
        if (!model.anyRunning()) {
            model.drainPulls();
            if (dock != null) {
                dock.tick();
            }
            ticks.stop();
        }
    }

    private TasksDock load() {
        if (dock == null) {
            FXMLLoader loader = new FXMLLoader(TasksTab.class.getResource("/trellis/fxml/TasksDock.fxml"));
            try {
                loader.load();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            dock = loader.getController();
            dock.bind(model, System::currentTimeMillis);
            tab.setContent(dock.view());
        }
        return dock;
    }

    /** "Task failed: update of catalog", its reason, and a button to show the task. */
    static String failureText(TaskEntry e) {
        return e.kind() + " of " + e.databaseId() + " failed" + (e.error() != null ? ":\n" + e.error() : "");
    }

    private void notifyFailed(TaskEntry e) {
        Window w = owner.get();
        if (w == null || !w.isShowing()) {
            return;
        }
        try {
            // top right: an instance's failure pops up bottom right, and a failed task often brings one
            Notifications.create().owner(w).position(Pos.TOP_RIGHT).title("Task failed: " + e.what())
                    .text(failureText(e))
                    .action(new Action("Show task", a -> show(e)))
                    .hideAfter(Duration.seconds(15)).showError();
        } catch (RuntimeException ex) {
            // A notification is a courtesy; the Tasks tab has the task and its reason.
        }
    }
}
