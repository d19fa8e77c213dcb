package trellis.ui;

import java.time.Duration;

/**
 * How long a poller waits after failures in a row: 2, 4, 8, 16, 30, 30 ... s. A success starts
 * the count again, so a single failure after a long good run costs one short wait, not the
 * maximum. Plain state, no JavaFX: the poller asks it for the delay it then waits, and the banner
 * shows that same delay, so the two cannot disagree.
 */
public final class Backoff {
    public static final Duration FIRST = Duration.ofSeconds(2);
    public static final Duration MAX = Duration.ofSeconds(30);

    private final Duration first;
    private final Duration max;
    private int failuresInARow;

    public Backoff() {
        this(FIRST, MAX);
    }

    /** @param first the wait after one failure; each further failure in a row doubles it, up to max */
    public Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, got " + first + " and " + max);
        }
        this.first = first;
        this.max = max;
    }

    /** One more failure in a row; returns the wait before the next try. */
    public Duration failed() {
        failuresInARow++;
        return delay();
    }

    /** A success: the next failure waits the first delay again. */
    public void succeeded() {
        failuresInARow = 0;
    }

    public int failuresInARow() {
        return failuresInARow;
    }

    /** The wait after the failures so far (zero with none). */
    public Duration delay() {
        return after(failuresInARow, first, max);
    }

    /** The wait after {@code failures} failures in a row with the console's 2 s ... 30 s. */
    public static Duration after(int failures) {
        return after(failures, FIRST, MAX);
    }

    private static Duration after(int failures, Duration first, Duration max) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        // Doubling stops once past max, so a long outage cannot overflow the shift.
        Duration d = first;
        for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
