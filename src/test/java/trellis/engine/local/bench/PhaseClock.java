package trellis.engine.local.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the time of a 50-container run goes, as Docker's own events date it: per container, when
 * it was created, started and first said healthy (the daemon's clock, the same machine's as the
 * bench's). {@link #summary} gives first / median / last of each phase from a start instant.
 */
final class PhaseClock implements Closeable {
    static final String CREATE = "create";
    static final String START = "start";
    static final String HEALTHY = "health_status: healthy";

    /** database label → container name → action → epoch nanos of its first occurrence. */
    private final Map<String, Map<String, Map<String, Long>>> seen = new ConcurrentHashMap<>();
    private final Closeable stream;

    PhaseClock(DockerClient docker) {
        stream = docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER).withLabelFilter("io.trellis.database")
                .withEventFilter(CREATE, START, "health_status")
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event ev) {
                        Map<String, String> a = ev.getActor() == null ? null : ev.getActor().getAttributes();
                        if (a == null || ev.getTimeNano() == null) {
                            return;
                        }
                        seen.computeIfAbsent(a.get("io.trellis.database"), k -> new ConcurrentHashMap<>())
                                .computeIfAbsent(a.get("name"), k -> new ConcurrentHashMap<>())
                                .putIfAbsent(ev.getAction(), ev.getTimeNano());
                    }
                });
    }

    /** Forgets what was seen of a database's containers, before it is run again. */
    void reset(String database) {
        seen.remove(database);
    }

    /** Epoch nanos now, on the clock Docker's events use. */
    static long now() {
        java.time.Instant i = java.time.Instant.now();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /** The last time a container of {@code database} reached {@code action}, epoch nanos; -1 when not every one did. */
    long last(String database, String action, int expected) {
        List<Long> t = times(database, action);
        return t.size() < expected ? -1 : t.get(t.size() - 1);
    }

    private List<Long> times(String database, String action) {
        List<Long> out = new ArrayList<>();
        for (Map<String, Long> c : seen.getOrDefault(database, Map.of()).values()) {
            Long at = c.get(action);
            if (at != null) {
                out.add(at);
            }
        }
        Collections.sort(out);
        return out;
    }

    /** "create 12/340/900 ms, start …, healthy …": first / median / last after {@code t0}, and per container start → healthy. */
    String summary(String database, long t0) {
        StringBuilder s = new StringBuilder(database + ":");
        for (String action : List.of(CREATE, START, HEALTHY)) {
            List<Long> t = times(database, action);
            if (t.isEmpty()) {
                s.append(" ").append(action).append(" none;");
                continue;
            }
            s.append(String.format(" %s %d/%d/%d ms (%d);", action.replace("health_status: ", ""), (t.get(0) - t0) / 1_000_000,
                    (t.get(t.size() / 2) - t0) / 1_000_000, (t.get(t.size() - 1) - t0) / 1_000_000, t.size()));
        }
        List<Long> startToHealthy = new ArrayList<>();
        for (Map<String, Long> c : seen.getOrDefault(database, Map.of()).values()) {
            if (c.containsKey(START) && c.containsKey(HEALTHY)) {
                startToHealthy.add((c.get(HEALTHY) - c.get(START)) / 1_000_000);
            }
        }
        Collections.sort(startToHealthy);
        if (!startToHealthy.isEmpty()) {
            s.append(String.format(" start→healthy per container %d/%d/%d ms", startToHealthy.get(0),
                    startToHealthy.get(startToHealthy.size() / 2), startToHealthy.get(startToHealthy.size() - 1)));
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
