package trellis.ui.action;

import java.util.function.Consumer;
import trellis.engine.ControlPlane;
import trellis.spec.Task;
import trellis.ui.Dialogs;
import trellis.ui.MainWindowViewModel;
import trellis.ui.TaskRunner;

/**
 * What an action works with: the one task runner, the dialogs, the event log, and where a task
 * an action started is followed (the Tasks tab). Made by the main window from what the
 * composition root gave it.
 */
public record ActionContext(TaskRunner runner, Dialogs dialogs, Consumer<String> log, StartedTasks tasks) {
    /** Told of each task an operation started on a control plane, with what the person asked for. */
    @FunctionalInterface
    public interface StartedTasks {
        void started(ControlPlane source, Task task, String what);
    }

    /** A context whose started tasks are followed nowhere. */
    public ActionContext(TaskRunner runner, Dialogs dialogs, Consumer<String> log) {
        this(runner, dialogs, log, (cp, task, what) -> { });
    }

    /** The same context, its tasks followed by {@code tasks}. */
    public ActionContext withTasks(StartedTasks tasks) {
        return new ActionContext(runner, dialogs, log, tasks);
    }

    public void started(ControlPlane source, Task task, String what) {
        tasks.started(source, task, what);
    }

    public void log(String line) {
        log.accept(line);
    }

    /** An error dialog, and its first line in the event log. */
    public void alert(String header, String text) {
        dialogs.error(header, text);
        log(header + ": " + text.lines().findFirst().orElse(""));
    }

    public static String message(Throwable t) {
        return MainWindowViewModel.message(t);
    }
}
