package trellis.ui;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.spec.Cluster;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.Host;
import trellis.spec.Task;
import trellis.spec.TaskLog;
import trellis.spec.UpdateDatabaseRequest;

/**
 * A control plane whose answers a test scripts step by step: the poller's view of the world is
 * whatever {@link #answer(Database)} last set, or an outage after {@link #unreachable()}.
 */
final class ScriptedControlPlane implements ControlPlane {
    private volatile Database database;
    private volatile boolean down;
    final AtomicInteger polls = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    /** How long each answer takes; the wait ignores interrupts, as a blocking socket read does. */
    volatile long delayMillis;

    ScriptedControlPlane(Database first) {
        this.database = first;
    }

    void answer(Database next) {
        database = next;
        down = false;
    }

    void unreachable() {
        down = true;
    }

    @Override
    public String displayName() {
        return "Scripted control plane";
    }

    @Override
    public Cluster cluster() {
        return new Cluster("test", null, List.of(), null);
    }

    @Override
    public List<Host> hosts() {
        return List.of();
    }

    @Override
    public List<Database> databases() throws ControlPlaneException {
        if (down) {
            throw new ControlPlaneException("cannot reach the scripted control plane", new java.net.ConnectException("refused"));
        }
        return List.of(database);
    }

    @Override
    public Database database(String databaseId) throws ControlPlaneException {
        polls.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            long until = System.nanoTime() + delayMillis * 1_000_000;
            boolean interrupted = false;
            while (System.nanoTime() < until) {
                try {
                    Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (down) {
                throw new ControlPlaneException("cannot reach the scripted control plane", new java.net.ConnectException("refused"));
            }
            return database;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public Task createDatabase(CreateDatabaseRequest request) {
        throw new UnsupportedOperationException("not scripted");
    }

    /** The updates sent, in order. */
    final List<UpdateDatabaseRequest> updates = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Task updateDatabase(String databaseId, UpdateDatabaseRequest request) {
        updates.add(request);
        return new Task("task-" + updates.size(), null, "database", databaseId, databaseId, null, null, null, "update",
                "pending", null, null, null, null);
    }

    @Override
    public Task deleteDatabase(String databaseId) {
        throw new UnsupportedOperationException("not scripted");
    }

    @Override
    public Task task(String databaseId, String taskId) {
        throw new UnsupportedOperationException("not scripted");
    }

    @Override
    public TaskLog taskLog(String databaseId, String taskId, String afterEntryId) {
        throw new UnsupportedOperationException("not scripted");
    }
}
