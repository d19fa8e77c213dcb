package trellis.ui;

import java.util.concurrent.Executor;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.util.Duration;
import trellis.engine.ControlPlane;
import trellis.spec.Database;

/**
 * Polls one database of a control plane. A {@link ScheduledService} runs one task at a time, so
 * two polls are never in flight for one database; after a failure it waits 2, 4, 8 ... 30 s.
 */
public final class DatabasePoller extends ScheduledService<Database> {
    public static final Duration MAX_BACKOFF = Duration.seconds(30);
    private final ControlPlane controlPlane;
    private final String databaseId;
    /**
     * Held for the length of one call. Cancelling a task (pause, refresh) interrupts its thread,
     * but a blocking socket read may not notice; the next task then waits here instead of
     * sending a second request for the same database.
     */
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(1);

    public DatabasePoller(ControlPlane controlPlane, String databaseId, Executor executor, Duration interval) {
        this.controlPlane = controlPlane;
        this.databaseId = databaseId;
        setExecutor(executor);
        setPeriod(interval);
        setDelay(Duration.ZERO);
        setRestartOnFailure(true);
        setMaximumFailureCount(Integer.MAX_VALUE);
        setBackoffStrategy(s -> backoff(s.getCurrentFailureCount()));
        setMaximumCumulativePeriod(MAX_BACKOFF);
    }

    /** 2, 4, 8, 16, 30, 30 ... seconds after the 1st, 2nd, 3rd ... failure in a row. */
    public static Duration backoff(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        double s = Math.min(MAX_BACKOFF.toSeconds(), Math.pow(2, Math.min(failures, 5)));
        return Duration.seconds(s);
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
