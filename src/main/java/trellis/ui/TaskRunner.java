package trellis.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * All background work of the console goes through one runner: the work runs off the FX thread,
 * its result or error comes back on it. Tests can hand in a runner whose executor runs in place.
 */
public final class TaskRunner {
    private final Executor background;
    private final Executor fx;

    public TaskRunner(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /** Daemon threads, so a stuck call never keeps the application alive after its window closed. */
    public static TaskRunner standard() {
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "trellis-io");
            t.setDaemon(true);
            return t;
        });
        return new TaskRunner(pool, Platform::runLater);
    }

    /** Runs the work and its continuation in place, on the caller's thread: for tests, which then need not wait. */
    public static TaskRunner sameThread() {
        return new TaskRunner(Runnable::run, Runnable::run);
    }

    public Executor background() {
        return background;
    }

    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        background.execute(() -> {
            try {
                T value = work.call();
                fx.execute(() -> onDone.accept(value));
            } catch (Throwable t) {
                fx.execute(() -> onError.accept(t));
            }
        });
    }
}
