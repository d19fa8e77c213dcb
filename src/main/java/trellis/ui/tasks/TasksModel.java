package trellis.ui.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import trellis.engine.ControlPlane;
import trellis.engine.LocalEngineAdmin;
import trellis.spec.Task;
import trellis.spec.TaskLog;
import trellis.ui.MainWindowViewModel;
import trellis.ui.TaskRunner;

/**
 * The tasks the console started, newest first, each followed until it ends: every {@link #poll}
 * asks its source for the task and for the log entries after the last one seen, through the
 * {@link TaskRunner} (never on the FX thread), with at most one request in flight per task. The
 * same for every source, since it is the {@link ControlPlane} port's task log; a local engine's
 * image pulls come in besides, through {@link #drainPulls}. No JavaFX: methods other than the
 * pull listener are called on the FX thread (or a test's).
 */
public final class TasksModel {
    private final TaskRunner runner;
    private final LongSupplier clock;
    private final List<TaskEntry> entries = new ArrayList<>();
    private final Set<TaskEntry> inFlight = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<ControlPlane, Boolean> listening = new IdentityHashMap<>();
    private final PullCoalescer pulls = new PullCoalescer();
    private final List<Consumer<TaskEntry>> onChange = new CopyOnWriteArrayList<>();
    private final List<Consumer<TaskEntry>> onFailed = new CopyOnWriteArrayList<>();

    public TasksModel(TaskRunner runner, LongSupplier clockMillis) {
        this.runner = runner;
        this.clock = clockMillis;
    }

    /** Told of each entry that was added or changed. */
    public void addChangeListener(Consumer<TaskEntry> l) {
        onChange.add(l);
    }

    /** Told once of each task that ends failed. */
    public void addFailureListener(Consumer<TaskEntry> l) {
        onFailed.add(l);
    }

    public List<TaskEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** Whether a task is still being followed. */
    public boolean anyRunning() {
        return entries.stream().anyMatch(e -> !e.ended());
    }

    /** Opens an entry for a task a console operation started; the next polls follow it. */
    public TaskEntry follow(ControlPlane source, Task task, String what) {
        TaskEntry e = new TaskEntry(source, task, what, clock.getAsLong());
        entries.add(0, e);
        if (source instanceof LocalEngineAdmin admin && listening.put(source, Boolean.TRUE) == null) {
            admin.addPullListener(p -> pulls.offer(source, p));
        }
        changed(e);
        if ("failed".equals(e.state())) {
            onFailed.forEach(l -> l.accept(e));
        }
        return e;
    }

    /**
     * Takes a database's task history (newest first): a task not listed yet is added below the
     * ones this console started, in the history's order; one already listed is left to its follower.
     */
    public void addPast(ControlPlane source, List<Task> history) {
        int at = entries.size();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).past()) {
                at = i;
                break;
            }
        }
        for (Task t : history) {
            boolean known = entries.stream().anyMatch(e -> e.source() == source && e.taskId().equals(t.taskId()));
            if (!known && t.taskId() != null) {
                TaskEntry e = TaskEntry.past(source, t, clock.getAsLong());
                entries.add(at++, e);
                changed(e);
            }
        }
    }

    /** A past task that has ended is followed by no poll: its whole log is fetched once, when it is selected. */
    public void load(TaskEntry e) {
        if (e == null || !e.askLog()) {
            return;
        }
        runner.run(() -> e.source().taskLog(e.databaseId(), e.taskId(), null), log -> {
            e.append(log);
            changed(e);
        }, error -> {
            e.pollFailed(MainWindowViewModel.message(error));
            changed(e);
        });
    }

    private record Answer(Task task, TaskLog log) {
    }

    /** Asks each running task's source how it is, one request per task at a time. */
    public void poll() {
        for (TaskEntry e : List.copyOf(entries)) {
            if (e.ended() || !inFlight.add(e)) {
                continue;
            }
            String after = e.lastEntryId();
            ControlPlane cp = e.source();
            runner.run(() -> {
                // the task first: when it has ended, the log fetched after it has every line
                Task t = cp.task(e.databaseId(), e.taskId());
                return new Answer(t, cp.taskLog(e.databaseId(), e.taskId(), after));
            }, a -> {
                inFlight.remove(e);
                e.append(a.log());
                boolean ended = e.update(a.task(), clock.getAsLong());
                changed(e);
                if (ended && "failed".equals(e.state())) {
                    onFailed.forEach(l -> l.accept(e));
                }
            }, error -> {
                inFlight.remove(e);
                e.pollFailed(MainWindowViewModel.message(error));
                changed(e);
            });
        }
    }

    /** Hands the latest pull reports to the running tasks of their engine. */
    public void drainPulls() {
        for (PullCoalescer.Report r : pulls.drain()) {
            for (TaskEntry e : entries) {
                if (e.source() == r.source() && !e.ended()) {
                    e.pull(r.progress());
                    changed(e);
                }
            }
        }
    }

    /** Whether the entry's task can be asked to stop now. */
    public boolean canCancel(TaskEntry e) {
        return e != null && !e.ended() && e.source().canCancelTasks();
    }

    /** Asks the source to stop the task; the answer (or why not) shows in the entry. */
    public void cancel(TaskEntry e) {
        if (!canCancel(e)) {
            return;
        }
        runner.run(() -> e.source().cancelTask(e.databaseId(), e.taskId()), t -> {
            e.update(t, clock.getAsLong());
            changed(e);
        }, error -> {
            e.pollFailed("cancel refused: " + MainWindowViewModel.message(error));
            changed(e);
        });
    }

    private void changed(TaskEntry e) {
        onChange.forEach(l -> l.accept(e));
    }
}
