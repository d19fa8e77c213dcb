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

    public String databaseId() {
        return databaseId;
    }

    @Override
    protected Task<Database> createTask() {
        return new Task<>() {
            @Override
            protected Database call() throws Exception {
                return controlPlane.database(databaseId);
            }
        };
    }
}
