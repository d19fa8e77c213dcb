package trellis.engine.local;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trellis.engine.ControlPlaneException;
import trellis.spec.DatabaseSpec;
import trellis.spec.Task;
import trellis.spec.TaskLog;
import trellis.spec.TaskLogEntry;

/**
 * Tasks, their logs and the instances' lifecycle events, written through to the {@link StateStore}
 * (always there: a file, or in memory for an engine that keeps nothing). Reads come from memory. A
 * halted engine records nothing more, as a killed process would not.
 */
final class TaskJournal {
    private static final Logger LOG = LoggerFactory.getLogger(TaskJournal.class);
    private static final String SCOPE = "database";

    private final StateStore store;
    private final BooleanSupplier halted;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final Map<String, List<TaskLogEntry>> logs = new ConcurrentHashMap<>();
    /** The cancel of each task not yet done. */
    private final Map<String, TaskCancel> cancels = new ConcurrentHashMap<>();

    TaskJournal(StateStore store, BooleanSupplier halted) {
        this.store = store;
        this.halted = halted;
    }

    StateStore store() {
        return store;
    }

    /** Loads the stored tasks and logs; returns the ones a crash or a kill interrupted. */
    List<Task> load() throws SQLException {
        for (Task t : store.tasks().values()) {
            tasks.put(t.taskId(), t);
            logs.put(t.taskId(), Collections.synchronizedList(new ArrayList<>(store.log(t.taskId()))));
        }
        List<Task> interrupted = new ArrayList<>();
        for (Task t : tasks.values()) {
            TaskStatus s = TaskStatus.of(t.status());
            if (s == TaskStatus.PENDING || s == TaskStatus.RUNNING) {
                interrupted.add(t);
            } else if (s == TaskStatus.CANCELING) {
                log(t, "canceled: the engine stopped while the task was being canceled");
                update(t, TaskStatus.CANCELED, null);
            }
        }
        return interrupted;
    }

    /** A pending task, known in memory only until {@link #accept} or {@link #add} records it. */
    Task create(String databaseId, TaskKind kind) {
        String id = UUID.randomUUID().toString();
        Task t = new Task(id, null, SCOPE, databaseId, databaseId, null, null, null, kind.word(), TaskStatus.PENDING.word(), null,
                Instant.now().toString(), null, null);
        tasks.put(id, t);
        logs.put(id, Collections.synchronizedList(new ArrayList<>()));
        return t;
    }

    /** Records a spec with the task that applies it, together or not at all. */
    void accept(String databaseId, DatabaseSpec spec, Instant createdAt, Task task) throws ControlPlaneException {
        try {
            store.accept(databaseId, spec, createdAt, task);
        } catch (SQLException e) {
            forget(task);
            throw unrecorded(e);
        }
    }

    void add(Task task) throws ControlPlaneException {
        try {
            store.addTask(task);
        } catch (SQLException e) {
            forget(task);
            throw unrecorded(e);
        }
    }

    private void forget(Task task) {
        tasks.remove(task.taskId());
        logs.remove(task.taskId());
    }

    private static ControlPlaneException unrecorded(SQLException e) {
        return new ControlPlaneException(500, "server_error", "the local engine could not record the change: " + e.getMessage());
    }

    synchronized void update(Task task, TaskStatus status, String error) {
        if (halted.getAsBoolean()) {
            return;
        }
        Task cur = tasks.get(task.taskId());
        if (status == TaskStatus.RUNNING && TaskStatus.of(cur.status()) == TaskStatus.CANCELING) {
            return; // canceled before its work began: the work sees the cancel at its first step
        }
        if (status.done()) {
            cancels.remove(task.taskId());
        }
        Task next = new Task(cur.taskId(), null, cur.scope(), cur.entityId(), cur.databaseId(), null, null,
                null, cur.type(), status.word(), error, cur.createdAt(), status.done() ? Instant.now().toString() : null, null);
        tasks.put(task.taskId(), next);
        try {
            store.updateTask(next);
        } catch (SQLException e) {
            LOG.warn("task {} not recorded: {}", task.taskId(), e.getMessage());
        }
    }

    void log(Task task, String message) {
        if (halted.getAsBoolean()) {
            return;
        }
        LOG.info("{} {}: {}", task.type(), task.databaseId(), message);
        List<TaskLogEntry> entries = logs.get(task.taskId());
        TaskLogEntry entry = new TaskLogEntry(Instant.now().toString(), message, null, null);
        int seq;
        synchronized (entries) {
            entries.add(entry);
            seq = entries.size() - 1;
        }
        try {
            store.log(task.taskId(), seq, entry);
        } catch (SQLException e) {
            LOG.warn("task log of {} not recorded: {}", task.taskId(), e.getMessage());
        }
    }

    /** The cancel a task's work looks at. */
    TaskCancel cancelOf(Task task) {
        return cancels.computeIfAbsent(task.taskId(), k -> new TaskCancel());
    }

    /**
     * Asks a pending or running task to stop: it is {@code canceling} until its work sees the
     * cancel, then {@code canceled}. A task that has ended cannot be.
     */
    synchronized Task cancel(String databaseId, String taskId) throws ControlPlaneException {
        Task t = task(databaseId, taskId);
        TaskStatus s = TaskStatus.of(t.status());
        if (s == null || s.done()) {
            throw new ControlPlaneException(409, "invalid_state", "task " + taskId + " has already ended (" + t.status()
                    + "); there is nothing to cancel");
        }
        if (s != TaskStatus.CANCELING) {
            log(t, "cancel asked for");
            update(t, TaskStatus.CANCELING, null);
            cancelOf(t).cancel();
        }
        return tasks.get(taskId);
    }

    /** A database's tasks, newest first. */
    List<Task> tasks(String databaseId) {
        return tasks.values().stream().filter(t -> databaseId.equals(t.databaseId()))
                .sorted(java.util.Comparator.comparing((Task t) -> Instant.parse(t.createdAt())).reversed())
                .toList();
    }

    Task task(String databaseId, String taskId) throws ControlPlaneException {
        Task t = tasks.get(taskId);
        if (t == null || !databaseId.equals(t.databaseId())) {
            throw new ControlPlaneException(404, "not_found", "no task found with the given ID");
        }
        return t;
    }

    TaskLog taskLog(String databaseId, String taskId, String afterEntryId) throws ControlPlaneException {
        Task t = task(databaseId, taskId);
        List<TaskLogEntry> all = logs.getOrDefault(taskId, List.of());
        int from = 0;
        if (afterEntryId != null) {
            try {
                from = Integer.parseInt(afterEntryId) + 1;
            } catch (NumberFormatException e) {
                LOG.debug("task log of {}: after '{}' is no entry id; from the first entry", taskId, afterEntryId);
            }
        }
        List<TaskLogEntry> entries;
        String last;
        synchronized (all) {
            entries = new ArrayList<>(all.subList(Math.min(from, all.size()), all.size()));
            last = all.isEmpty() ? null : String.valueOf(all.size() - 1);
        }
        return new TaskLog(SCOPE, databaseId, databaseId, taskId, t.status(), last, entries, null);
    }

    /** Records an instance's lifecycle move. */
    void event(LifecycleMonitor.Transition t) {
        if (halted.getAsBoolean()) {
            return;
        }
        try {
            store.event(t);
        } catch (SQLException e) {
            LOG.warn("event of {} not recorded: {}", t.instanceId(), e.getMessage());
        }
    }

    List<LifecycleMonitor.Transition> events(String databaseId, int limit) throws ControlPlaneException {
        try {
            return store.events(databaseId, limit);
        } catch (SQLException e) {
            throw new ControlPlaneException(500, "server_error", "the state store cannot be read: " + e.getMessage());
        }
    }
}
