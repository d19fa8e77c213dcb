package trellis.engine.local;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;

/**
 * Follows each engine's container events (only Trellis's, only the actions that change a state:
 * every health probe would otherwise arrive as an exec event) and asks for a refresh of the database
 * an event names; a periodic sweep refreshes every database, so time-outs fire without events, and
 * opens again the streams that ended. Refreshes run one at a time on the engine's clock, and a
 * burst of events for one database costs one look.
 */
final class ContainerWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerWatcher.class);
    private static final String[] STATE_EVENTS = {"create", "start", "restart", "health_status", "kill", "die", "stop", "oom",
            "destroy", "pause", "unpause"};

    /**
     * The events Docker sends before the list says so ("die" comes before the container is marked
     * exited): the container is inspected, which waits for the daemon, before the list. A start
     * or a health verdict is in the list when its event comes; inspecting those too made a burst of
     * 50 starts cost one inspect each, one after another, before the list that shows them healthy
     * (up to 14 s behind Docker's verdict on a loaded machine).
     */
    static final Set<String> LAGGING_EVENTS = Set.of("kill", "die", "stop", "oom", "restart", "pause", "unpause");

    private final EngineThreads threads;
    private final Predicate<String> known;
    private final Consumer<String> refresh;
    private final Supplier<List<String>> databases;
    private final Supplier<List<DockerClient>> engines;
    /** The events stream of each engine, by client; absent or closed means it must be opened again. */
    private final Map<DockerClient, Closeable> streams = Collections.synchronizedMap(new IdentityHashMap<>());
    /** Databases whose refresh an event already queued. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /**
     * Containers an event named, to inspect before the list: Docker reports "die" before the
     * container's list entry says it exited, and an inspect waits for the daemon to finish with it.
     */
    private final Map<String, DockerClient> syncFirst = new ConcurrentHashMap<>();

    /**
     * @param known     whether a database id is one of the engine's
     * @param refresh   looks at one database's containers and moves its instances
     * @param databases every database id, for the sweep
     * @param engines   every engine to follow
     */
    ContainerWatcher(EngineThreads threads, Predicate<String> known, Consumer<String> refresh,
                     Supplier<List<String>> databases, Supplier<List<DockerClient>> engines) {
        this.threads = threads;
        this.known = known;
        this.refresh = refresh;
        this.databases = databases;
        this.engines = engines;
    }

    /** Starts the sweep. */
    void start(Duration sweepInterval) {
        engines.get().forEach(this::watch);
        threads.every(sweepInterval, this::sweep);
    }

    /** Opens an engine's events stream unless it is open. */
    void watch(DockerClient engine) {
        if (threads.halted() || streams.containsKey(engine)) {
            return;
        }
        try {
            var callback = new ResultCallback.Adapter<Event>() {
                @Override
                public void onNext(Event ev) {
                    var actor = ev.getActor();
                    String db = actor == null || actor.getAttributes() == null ? null : actor.getAttributes().get(Labels.DATABASE);
                    if (known.test(db)) {
                        String action = ev.getAction() == null ? "" : ev.getAction();
                        if (LAGGING_EVENTS.contains(action) && actor.getId() != null) {
                            syncFirst.put(actor.getId(), engine);
                        }
                        refreshSoon(db);
                    }
                }

                @Override
                public void onError(Throwable t) {
                    streams.remove(engine);
                    // an engine that went away: one line, not docker-java's stack trace; the sweep opens it again
                    LOG.info("the events stream of a Docker engine ended ({}); the next sweep opens it again", t.getMessage());
                    closeQuietly(this);
                }

                @Override
                public void onComplete() {
                    streams.remove(engine);
                    super.onComplete();
                }
            };
            streams.put(engine, callback);
            engine.eventsCmd().withEventTypeFilter(EventType.CONTAINER).withLabelFilter(Labels.DATABASE)
                    .withEventFilter(STATE_EVENTS).exec(callback);
        } catch (RuntimeException e) {
            streams.remove(engine);
            LOG.debug("no events stream yet: {}", e.getMessage());
        }
    }

    private void refreshSoon(String databaseId) {
        if (queued.add(databaseId) && !threads.soon(() -> {
            queued.remove(databaseId);
            long t0 = System.nanoTime();
            int inspected = 0;
            for (String id : List.copyOf(syncFirst.keySet())) {
                DockerClient engine = syncFirst.remove(id);
                inspected++;
                try {
                    engine.inspectContainerCmd(id).exec();
                } catch (RuntimeException gone) {
                    LOG.debug("container {} is gone before its inspect ({}); the list will not show it", id, gone.getMessage());
                }
            }
            long t1 = System.nanoTime();
            refreshQuietly(databaseId);
            LOG.debug("refresh of {}: {} inspect(s) {} ms, look {} ms", databaseId, inspected, (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
        })) {
            queued.remove(databaseId);
        }
    }

    private void refreshQuietly(String databaseId) {
        if (threads.halted() || !known.test(databaseId)) {
            return;
        }
        try {
            refresh.accept(databaseId);
        } catch (RuntimeException e) {
            LOG.debug("refresh of {} failed", databaseId, e);
        }
    }

    /** Every database once, so time-outs fire without events; lost event streams are opened again. */
    private void sweep() {
        if (threads.halted()) {
            return;
        }
        engines.get().forEach(this::watch);
        for (String db : databases.get()) {
            refreshQuietly(db);
        }
    }

    /** Closes every stream. */
    void close() {
        List<Closeable> open;
        synchronized (streams) {
            open = new ArrayList<>(streams.values());
            streams.clear();
        }
        open.forEach(ContainerWatcher::closeQuietly);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("an events stream of an engine that went away did not close: {}", e.getMessage());
        }
    }
}
