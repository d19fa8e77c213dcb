package trellis.ui;

import java.util.concurrent.Executor;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.util.Duration;
import trellis.engine.ControlPlane;
import trellis.spec.Database;

/**
 * Polls one database of a control plane. A {@link ScheduledService} runs one task at a time, so
 * two polls are never in flight for one database; after failures in a row it waits 2, 4, 8 ... 30 s
 * ({@link Backoff}), and a success starts that count again.
 *
 * <p>The count is the poller's own: JavaFX's {@code getCurrentFailureCount()} is reset only by a
 * manual restart, never by a success, so a backoff computed from it grows for the console's whole
 * life (after five failures in all, every later hiccup cost the 30 s maximum). Each failure is
 * reported with the moment of the next try ({@link #setOnRetry}), which is what the banner shows.
 */
public final class DatabasePoller extends ScheduledService<Database> {
    /** A failed poll and when the next one starts: {@code delay} after the failed one started. */
    public record Retry(Throwable error, int failuresInARow, java.time.Duration delay, java.time.Instant at) {
    }

    private final ControlPlane controlPlane;
    private final String databaseId;
    private final Backoff backoff;
    private final java.time.Clock clock;
    private java.util.function.Consumer<Retry> onRetry = r -> {
    };
    /** When the running (or last) poll started: ScheduledService counts its period from there. */
    private java.time.Instant lastStart;
    /**
     * Held for the length of one call. Cancelling a task (pause, refresh) interrupts its thread,
     * but a blocking socket read may not notice; the next task then waits here instead of
     * sending a second request for the same database.
     */
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(1);

    public DatabasePoller(ControlPlane controlPlane, String databaseId, Executor executor, Duration interval) {
        this(controlPlane, databaseId, executor, interval, new Backoff(), java.time.Clock.systemUTC());
    }

    /** With another backoff (tests run the same schedule in milliseconds) and clock. */
    public DatabasePoller(ControlPlane controlPlane, String databaseId, Executor executor, Duration interval,
            Backoff backoff, java.time.Clock clock) {
        this.controlPlane = controlPlane;
        this.databaseId = databaseId;
        this.backoff = backoff;
        this.clock = clock;
        setExecutor(executor);
        setPeriod(interval);
        setDelay(Duration.ZERO);
        setRestartOnFailure(true);
        setMaximumFailureCount(Integer.MAX_VALUE);
        setBackoffStrategy(s -> Duration.millis(backoff.delay().toMillis()));
        setMaximumCumulativePeriod(Duration.INDEFINITE);
    }

    /** Called on the FX thread after each failed poll, with the error and when the next try starts. */
    public void setOnRetry(java.util.function.Consumer<Retry> onRetry) {
        this.onRetry = onRetry;
    }

    /** Failures since the last successful poll. */
    public int failuresInARow() {
        return backoff.failuresInARow();
    }

    @Override
    protected void running() {
        super.running();
        lastStart = clock.instant();
    }

    @Override
    protected void succeeded() {
        backoff.succeeded();
        super.succeeded();
    }

    @Override
    protected void failed() {
        Throwable error = getException();
        java.time.Duration delay = backoff.failed();
        java.time.Instant started = lastStart != null ? lastStart : clock.instant();
        // ScheduledService asks the backoff strategy (backoff.delay(), now this delay) and starts
        // the next poll that long after the failed one started.
        super.failed();
        onRetry.accept(new Retry(error, backoff.failuresInARow(), delay, started.plus(delay)));
    }

    /**
     * Polls now (Refresh, F5): restarts the schedule when it is waiting out its period or a
     * backoff, and does nothing while a poll is already running, whose answer is moments away.
     */
    public void pollNow() {
        if (getState() == State.RUNNING) {
            return;
        }
        // Not restart(): Service.restart cancels only the task, so the timer of a waiting period
        // would live on and fire a second chain of polls; ScheduledService.cancel stops it.
        cancel();
        reset();
        start();
    }

    public String databaseId() {
        return databaseId;
    }

    @Override
    protected Task<Database> createTask() {
        return new Task<>() {
            @Override
            protected Database call() throws Exception {
                inFlight.acquire();
                try {
                    return controlPlane.database(databaseId);
                } finally {
                    inFlight.release();
                }
            }
        };
    }
}
