package trellis.engine.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import trellis.topology.LifecycleRules;
import trellis.topology.LifecycleRules.Health;
import trellis.topology.LifecycleRules.Observation;
import trellis.topology.LifecycleRules.Seen;
import trellis.topology.LifecycleState;

/**
 * Each instance's record, moved by the pure {@link LifecycleRules}: what Docker says of a container
 * arrives as an {@link Observation}, from the events stream, a periodic sweep, or a poll of the API;
 * each one moves the instance's record and every move is handed to the listeners (the task journal
 * records them as events).
 */
public final class LifecycleMonitor {
    /**
     * One move of an instance, in the API's words: {@code from} is null when the instance first
     * appears, {@code to} null when it is gone.
     */
    public record Transition(Instant at, String databaseId, String instanceId, String from, String to, String error) {
        static Transition of(Instant at, String databaseId, String instanceId, LifecycleState from, LifecycleState to,
                             String error) {
            return new Transition(at, databaseId, instanceId, from == null ? null : from.word(), to == null ? null : to.word(), error);
        }

        /** {@link #to} as a state; null when the instance is gone. */
        public LifecycleState toState() {
            return to == null ? null : LifecycleState.fromApi(to);
        }
    }

    /** What the monitor knows of one instance. */
    static final class InstanceRecord {
        final String databaseId;
        final String instanceId;
        final Instant createdAt;
        volatile LifecycleState state = LifecycleRules.INITIAL;
        volatile String error;
        volatile Health health = Health.UNKNOWN;
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
            this.updatedAt = now;
            this.lastStatusAt = now;
        }

        /** The same failure seen again: its reason is kept rather than looked up once more. */
        boolean failedWith(String container, Seen seen) {
            return container.equals(containerId) && state == LifecycleState.FAILED && error != null && lastSeen == seen;
        }
    }

    private final LifecycleRules rules;
    private final Map<String, InstanceRecord> records = new ConcurrentHashMap<>();
    private final List<Consumer<Transition>> listeners = new CopyOnWriteArrayList<>();

    LifecycleMonitor(Duration createTimeout, Duration noStatusTimeout) {
        this.rules = new LifecycleRules(createTimeout, noStatusTimeout);
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
            boolean appeared = r == null;
            if (appeared) {
                r = new InstanceRecord(databaseId, instanceId, containerCreated == null ? now : containerCreated, now);
                records.put(instanceId, r);
                moved = Transition.of(now, databaseId, instanceId, null, r.state, null);
            }
            LifecycleRules.Known before = new LifecycleRules.Known(r.state, r.error, r.health, r.createdAt, r.lastStatusAt);
            LifecycleRules.Next next = rules.next(before, o, now);
            r.lastSeen = o.seen();
            r.state = next.state();
            r.error = next.error();
            r.health = next.health();
            if (next.statusSeen()) {
                r.lastStatusAt = now;
            }
            if (next.healthSeen()) {
                r.lastHealthAt = now;
            }
            if (next.changedFrom(before)) {
                r.updatedAt = now;
                if (next.state() != before.state()) {
                    moved = Transition.of(now, databaseId, instanceId, appeared ? null : before.state(), next.state(), r.error);
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
            Transition t = Transition.of(now, r.databaseId, instanceId, r.state, null, null);
            for (Consumer<Transition> l : listeners) {
                l.accept(t);
            }
        }
    }
}
