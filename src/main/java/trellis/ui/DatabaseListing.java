package trellis.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import trellis.spec.Database;

/**
 * Lists the databases of a source just added. A listing that fails (a dropped connection, a
 * server still starting) is asked for again with the pollers' backoff, 2, 4, 8 ... 30 s
 * ({@link Backoff}), until it answers or the source is closed: before, the source stayed
 * "unreachable" with no database until the person connected again. One listing at a time per
 * source; the waits are FX timers, the calls go through the {@link TaskRunner}. FX thread only.
 */
final class DatabaseListing {
    /** A listing that failed, and how long until it is asked for again. */
    record Failure(Throwable error, int failuresInARow, java.time.Duration retryIn) {
    }

    private final TaskRunner runner;
    private final java.util.function.Supplier<Backoff> backoffs;
    /** The wait before the next try, per source still being listed. */
    private final Map<Sources.LiveSource, PauseTransition> waiting = new HashMap<>();

    DatabaseListing(TaskRunner runner) {
        this(runner, Backoff::new);
    }

    /** With another schedule (tests run the same one in milliseconds). */
    DatabaseListing(TaskRunner runner, java.util.function.Supplier<Backoff> backoffs) {
        this.runner = runner;
        this.backoffs = backoffs;
    }

    /**
     * Lists the source's databases: {@code listed} once it answers, {@code failed} after each try
     * that did not, with the wait before the next.
     */
    void list(Sources.LiveSource source, Consumer<List<Database>> listed, BiConsumer<Sources.LiveSource, Failure> failed) {
        stop(source);
        attempt(source, backoffs.get(), listed, failed);
    }

    private void attempt(Sources.LiveSource source, Backoff backoff, Consumer<List<Database>> listed,
                         BiConsumer<Sources.LiveSource, Failure> failed) {
        PauseTransition wait = new PauseTransition();
        // present while the call runs too, so that closing the source meanwhile drops its answer
        waiting.put(source, wait);
        runner.run(source.controlPlane()::databases, dbs -> {
            if (waiting.remove(source, wait)) {
                listed.accept(dbs);
            }
        }, error -> {
            if (waiting.get(source) != wait) {
                return;
            }
            java.time.Duration delay = backoff.failed();
            wait.setDuration(Duration.millis(delay.toMillis()));
            wait.setOnFinished(e -> {
                if (waiting.get(source) == wait) {
                    attempt(source, backoff, listed, failed);
                }
            });
            wait.play();
            failed.accept(source, new Failure(error, backoff.failuresInARow(), delay));
        });
    }

    /** True while the source's listing has not answered yet (a call running or a wait before the next). */
    boolean pending(Sources.LiveSource source) {
        return waiting.containsKey(source);
    }

    /** No more tries for this source (it was closed). */
    void stop(Sources.LiveSource source) {
        PauseTransition wait = waiting.remove(source);
        if (wait != null) {
            wait.stop();
        }
    }

    /** No more tries for any source (the window closes). */
    void stopAll() {
        waiting.values().forEach(PauseTransition::stop);
        waiting.clear();
    }
}
