package trellis.engine.local;

import java.util.concurrent.CompletableFuture;

/**
 * A running task's cancel: asked for once by a person ({@link LocalEngine#cancelTask}), seen by the
 * task's work between its steps ({@link #check}) and, during a pull, by the pull itself, which
 * closes its stream to the engine ({@link #asked}) so the engine stops pulling.
 */
final class TaskCancel {
    private final CompletableFuture<Void> asked = new CompletableFuture<>();

    /** Thrown by the work of a canceled task where it stops. */
    static final class Canceled extends RuntimeException {
        Canceled(String where) {
            super("canceled " + where);
        }
    }

    void cancel() {
        asked.complete(null);
    }

    boolean canceled() {
        return asked.isDone();
    }

    /** Completes when the cancel is asked for. */
    CompletableFuture<Void> asked() {
        return asked;
    }

    /** Stops the work here when the task was canceled: {@code where} goes to the task log ("before creating anything"). */
    void check(String where) {
        if (canceled()) {
            throw new Canceled(where);
        }
    }

    /** A cancel nobody can ask for: work that runs outside a task. */
    static TaskCancel none() {
        return new TaskCancel();
    }
}
