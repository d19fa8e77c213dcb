package trellis.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The lifecycle rules of the Control Plane's monitor, as pure functions of what was known of an
 * instance, what was seen of it and the time: creating → running once healthy; creating → failed
 * when not healthy within the create timeout; running → failed when unhealthy, exited, missing, or
 * when no status was seen for the no-status timeout; failed → running on recovery; deleting while
 * removed. No Docker here: an engine turns what its runtime says into a {@link Seen}.
 */
public final class LifecycleRules {
    /** What the runtime said of an instance's container. */
    public enum Seen {
        /** Running, no health verdict yet (Docker: health "starting"), or made and not yet started. */
        STARTING,
        HEALTHY,
        UNHEALTHY,
        /** The container is not running (exited, dead, created but never started). */
        STOPPED,
        /** Being removed by the engine. */
        REMOVING,
        /** The runtime gave no status: its engine does not answer. */
        NO_STATUS,
        /** The runtime answers, and there is no such container. */
        MISSING
    }

    /** The health the API reports of an instance. */
    public enum Health {
        UNKNOWN, HEALTHY, UNHEALTHY;

        /** The API's word: {@code unknown}, {@code healthy}, {@code unhealthy}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param error for STOPPED / UNHEALTHY / NO_STATUS / MISSING: why, in words a person can act on */
    public record Observation(Seen seen, String error) {
        public Observation {
            Objects.requireNonNull(seen, "seen");
        }
    }

    /** What was known of an instance before an observation. */
    public record Known(LifecycleState state, String error, Health health, Instant createdAt, Instant lastStatusAt) {
    }

    /**
     * What is known after it.
     *
     * @param statusSeen the runtime gave a status now (the no-status clock starts again)
     * @param healthSeen a passing health check was seen now
     */
    public record Next(LifecycleState state, String error, Health health, boolean statusSeen, boolean healthSeen) {
        /** A move worth a new update time: another state, or another reason to be failed. */
        public boolean changedFrom(Known before) {
            return state != before.state()
                    || (error != null && !error.equals(before.error()) && state == LifecycleState.FAILED);
        }
    }

    /** The state a new instance starts in. */
    public static final LifecycleState INITIAL = LifecycleState.CREATING;

    private final Duration createTimeout;
    private final Duration noStatusTimeout;

    /**
     * @param createTimeout   creating becomes failed when not healthy within this (Control Plane: 5 min)
     * @param noStatusTimeout running becomes failed when no status was seen for this long (Control Plane: 30 s)
     */
    public LifecycleRules(Duration createTimeout, Duration noStatusTimeout) {
        this.createTimeout = Objects.requireNonNull(createTimeout);
        this.noStatusTimeout = Objects.requireNonNull(noStatusTimeout);
    }

    /** Where an instance goes on an observation made at {@code now}. */
    public Next next(Known k, Observation o, Instant now) {
        LifecycleState before = k.state();
        return switch (o.seen()) {
            case REMOVING -> new Next(LifecycleState.DELETING, null, k.health(), true, false);
            case HEALTHY -> new Next(LifecycleState.RUNNING, null, Health.HEALTHY, true, true);
            case UNHEALTHY -> failed(o.error(), Health.UNHEALTHY, true);
            case STOPPED, MISSING -> failed(o.error(), Health.UNKNOWN, true);
            case STARTING -> {
                if (before == LifecycleState.CREATING && Duration.between(k.createdAt(), now).compareTo(createTimeout) > 0) {
                    yield failed("not healthy within " + createTimeout.toSeconds() + " s of being created", Health.UNKNOWN, true);
                }
                if (before == LifecycleState.DELETING) {
                    yield new Next(LifecycleState.CREATING, null, Health.UNKNOWN, true, false);
                }
                yield new Next(before, errorIfFailed(before, k.error()), Health.UNKNOWN, true, false);
            }
            case NO_STATUS -> {
                if (before != LifecycleState.FAILED && before != LifecycleState.DELETING
                        && Duration.between(k.lastStatusAt(), now).compareTo(noStatusTimeout) > 0) {
                    yield failed("no status for " + noStatusTimeout.toSeconds() + " s: " + o.error(), Health.UNKNOWN, false);
                }
                yield new Next(before, errorIfFailed(before, k.error()), k.health(), false, false);
            }
        };
    }

    private static Next failed(String error, Health health, boolean statusSeen) {
        return new Next(LifecycleState.FAILED, error, health, statusSeen, false);
    }

    private static String errorIfFailed(LifecycleState state, String error) {
        return state == LifecycleState.FAILED ? error : null;
    }
}
