package trellis.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.util.Duration;

/**
 * The pollers of one window, one per live database shown in it, each kept under its source's id
 * and the database id, so that each keeps its event log going when another database is shown.
 */
final class Pollers {
    private final Map<Sources.PollerKey, DatabasePoller> pollers = new LinkedHashMap<>();

    /** The database's poller, made the first time it is asked for. */
    DatabasePoller of(Sources.PollerKey key, Function<Sources.PollerKey, DatabasePoller> make) {
        return pollers.computeIfAbsent(key, make);
    }

    void setPeriod(int seconds) {
        pollers.values().forEach(p -> p.setPeriod(Duration.seconds(seconds)));
    }

    /** Cancels every poller, or has each poll now; false when there is none. */
    boolean pause(boolean paused) {
        if (pollers.isEmpty()) {
            return false;
        }
        pollers.values().forEach(paused ? DatabasePoller::cancel : DatabasePoller::pollNow);
        return true;
    }

    Set<Sources.PollerKey> keys() {
        return Set.copyOf(pollers.keySet());
    }

    /** Cancels and forgets the pollers of one source. */
    void stopSource(String sourceId) {
        pollers.entrySet().removeIf(e -> {
            boolean of = e.getKey().sourceId().equals(sourceId);
            if (of) {
                e.getValue().cancel();
            }
            return of;
        });
    }

    void stop() {
        pollers.values().forEach(DatabasePoller::cancel);
        pollers.clear();
    }
}
