package trellis.ui.action;

import java.util.function.Consumer;
import trellis.ui.Dialogs;
import trellis.ui.MainWindowViewModel;
import trellis.ui.TaskRunner;

/**
 * What an action works with: the one task runner, the dialogs, and the event log. Made by the
 * main window from what the composition root gave it.
 */
public record ActionContext(TaskRunner runner, Dialogs dialogs, Consumer<String> log) {
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
