package trellis.engine.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The lifecycle rules of the Control Plane's monitor, kept apart from Docker so they can be
 * tested with a clock of one's own: creating → running once healthy; creating → failed when not
 * healthy within the create timeout; running → failed when unhealthy, exited, or when no status
 * was seen for the no-status timeout; failed → running on recovery; deleting while removed.
 *
 * <p>What Docker says of a container arrives as an {@link Observation}, from the events stream,
 * a periodic sweep, or a poll of the API; each one moves the instance's record by these rules and
 * every move is handed to the listeners (the state store records them as events).
 */
public final class LifecycleMonitor {
    enum Seen {
        /** Running, no health verdict yet (Docker: health "starting"). */
        STARTING,
        HEALTHY,
        UNHEALTHY,
        /** The container is not running (exited, dead, created but never started). */
        STOPPED,
        /** Being removed by the engine. */
        REMOVING,
        /** Docker gave no status: its engine does not answer. */
        NO_STATUS,
        /** Docker answers, and there is no such container. */
        MISSING
    }

    /** @param error for STOPPED / UNHEALTHY / NO_STATUS / MISSING: why, in words a person can act on */
    record Observation(Seen seen, String error) {
    }

    /** One move of an instance: {@code from} is null when the instance first appears, {@code to} null when it is gone. */
    public record Transition(Instant at, String databaseId, String instanceId, String from, String to, String error) {
    }

    /** What the monitor knows of one instance. */
    static final class InstanceRecord {
        final String databaseId;
        final String instanceId;
        final Instant createdAt;
        volatile String state;
        volatile String error;
        volatile String health = "unknown";
        volatile Instant updatedAt;
        volatile Instant lastStatusAt;
        volatile Instant lastHealthAt;
        /** The container last seen for it (null until Docker showed one), and what was seen of it. */
        volatile String containerId;
        volatile Seen lastSeen;

        InstanceRecord(String databaseId, String instanceId, Instant createdAt, Instant now) {
            this.databaseId = databaseId;
            this.instanceId = instanceId;
            this.createdAt = createdAt;
            this.state = "creating";
            this.updatedAt = now;
            this.lastStatusAt = now;
        }
    }

    private final Duration createTimeout;
    private final Duration noStatusTimeout;
    private final Map<String, InstanceRecord> records = new ConcurrentHashMap<>();
    private final List<Consumer<Transition>> listeners = new CopyOnWriteArrayList<>();

    LifecycleMonitor(Duration createTimeout, Duration noStatusTimeout) {
        this.createTimeout = createTimeout;
        this.noStatusTimeout = noStatusTimeout;
    }

    void addListener(Consumer<Transition> listener) {
        listeners.add(listener);
    }

    InstanceRecord record(String instanceId) {
        return records.get(instanceId);
    }

    List<InstanceRecord> records(String databaseId) {
        List<InstanceRecord> out = new ArrayList<>();
        for (InstanceRecord r : records.values()) {
            if (r.databaseId.equals(databaseId)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Moves an instance by what was seen at {@code now}. {@code containerCreated} dates a record
     * seen for the first time (the create timeout counts from it); null means now.
     */
    InstanceRecord observe(String databaseId, String instanceId, Observation o, Instant containerCreated, Instant now) {
        Transition moved = null;
        InstanceRecord r;
        synchronized (this) {
            r = records.get(instanceId);
            if (r == null) {
                r = new InstanceRecord(databaseId, instanceId, containerCreated == null ? now : containerCreated, now);
                records.put(instanceId, r);
                moved = new Transition(now, databaseId, instanceId, null, r.state, null);
            }
            String before = r.state;
            String next = before;
            String error = r.error;
            switch (o.seen()) {
                case REMOVING -> {
                    next = "deleting";
                    error = null;
                    r.lastStatusAt = now;
                }
                case HEALTHY -> {
                    next = "running";
                    error = null;
                    r.health = "healthy";
                    r.lastStatusAt = now;
                    r.lastHealthAt = now;
                }
                case UNHEALTHY -> {
                    next = "failed";
                    error = o.error();
                    r.health = "unhealthy";
                    r.lastStatusAt = now;
                }
                case STOPPED -> {
                    next = "failed";
                    error = o.error();
                    r.health = "unknown";
                    r.lastStatusAt = now;
                }
                case MISSING -> {
                    next = "failed";
                    error = o.error();
                    r.health = "unknown";
                    r.lastStatusAt = now;
                }
                case STARTING -> {
                    r.lastStatusAt = now;
                    r.health = "unknown";
                    if ("creating".equals(before) && Duration.between(r.createdAt, now).compareTo(createTimeout) > 0) {
                        next = "failed";
                        error = "not healthy within " + createTimeout.toSeconds() + " s of being created";
                    } else if ("deleting".equals(before)) {
                        next = "creating";
                        error = null;
                    }
                }
                case NO_STATUS -> {
                    if (!"failed".equals(before) && !"deleting".equals(before)
                            && Duration.between(r.lastStatusAt, now).compareTo(noStatusTimeout) > 0) {
                        next = "failed";
                        error = "no status for " + noStatusTimeout.toSeconds() + " s: " + o.error();
                        r.health = "unknown";
                    }
                }
                default -> throw new IllegalStateException(o.seen().toString());
            }
            r.lastSeen = o.seen();
            boolean changed = !next.equals(before) || (error != null && !error.equals(r.error) && "failed".equals(next));
            r.state = next;
            r.error = "failed".equals(next) ? error : null;
            if (changed) {
                r.updatedAt = now;
                if (!next.equals(before)) {
                    moved = new Transition(now, databaseId, instanceId, moved == null ? before : null, next, r.error);
                }
            }
        }
        if (moved != null) {
            for (Consumer<Transition> l : listeners) {
                l.accept(moved);
            }
        }
        return r;
    }

    /** The instance is gone (removed, or no longer in the spec). */
    void forget(String instanceId, Instant now) {
        InstanceRecord r = records.remove(instanceId);
        if (r != null) {
            Transition t = new Transition(now, r.databaseId, instanceId, r.state, null, null);
            for (Consumer<Transition> l : listeners) {
                l.accept(t);
            }
        }
    }
}
