package trellis.ui.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trellis.engine.ControlPlane;
import trellis.engine.PullProgress;
import trellis.spec.Task;
import trellis.spec.TaskLog;
import trellis.spec.TaskLogEntry;

/**
 * One task the console started, as the Tasks tab shows it: its kind, database, state, elapsed
 * time, the pulls of its images and its log lines. No JavaFX: the follower updates it, the dock
 * reads it. Times are the console's own clock (millis), so a server's clock never skews them.
 */
public final class TaskEntry {
    /** The states after which a task changes no more. */
    public static boolean terminal(String state) {
        return "completed".equals(state) || "failed".equals(state) || "canceled".equals(state);
    }

    private final ControlPlane source;
    private final String databaseId;
    private final String taskId;
    private final String kind;
    private final String what;
    private final long startedMillis;
    private long endedMillis = -1;
    private String state;
    private String error;
    private String lastEntryId;
    /** Why the last poll did not answer, shown until one does; null when it did. */
    private String pollProblem;
    /** From the database's task history rather than started by this console. */
    private boolean past;
    /** Whether the log of an ended past task was asked for (once, when it is first selected). */
    private boolean logAsked;
    private final List<String> lines = new ArrayList<>();
    private final Map<String, PullProgress> pulls = new LinkedHashMap<>();

    /**
     * @param what what the person asked for, e.g. "Deploy 'shop' to Local engine"
     */
    public TaskEntry(ControlPlane source, Task task, String what, long nowMillis) {
        this.source = source;
        this.databaseId = task.databaseId() != null ? task.databaseId() : task.entityId();
        this.taskId = task.taskId();
        this.kind = task.type() == null ? "task" : task.type();
        this.what = what;
        this.startedMillis = nowMillis;
        update(task, nowMillis);
    }

    /** A task from the database's history (GET tasks): not started here, and marked so in the list. */
    public static TaskEntry past(ControlPlane source, Task task, long nowMillis) {
        String db = task.databaseId() != null ? task.databaseId() : task.entityId();
        TaskEntry e = new TaskEntry(source, task, "Task history of '" + db + "' on " + source.displayName(), nowMillis);
        e.past = true;
        return e;
    }

    public boolean past() {
        return past;
    }

    /** True the first time it is asked for an ended past task: its log is then fetched once. */
    boolean askLog() {
        boolean first = past && ended() && !logAsked;
        logAsked = true;
        return first;
    }

    public ControlPlane source() {
        return source;
    }

    public String databaseId() {
        return databaseId;
    }

    public String taskId() {
        return taskId;
    }

    /** The task's type: create, update, delete … */
    public String kind() {
        return kind;
    }

    public String what() {
        return what;
    }

    public String state() {
        return state;
    }

    /** The task's error when it failed, else null. */
    public String error() {
        return error;
    }

    public String lastEntryId() {
        return lastEntryId;
    }

    public boolean ended() {
        return terminal(state);
    }

    public String pollProblem() {
        return pollProblem;
    }

    public List<String> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** Takes the task's state as the source reports it; answers whether it just ended. */
    public boolean update(Task task, long nowMillis) {
        boolean was = ended();
        if (was) {
            return false;
        }
        state = task.status() == null ? "unknown" : task.status();
        error = task.error() == null || task.error().isBlank() ? null : task.error();
        pollProblem = null;
        if (ended()) {
            endedMillis = nowMillis;
            return true;
        }
        return false;
    }

    /** Appends the entries after the last one seen. */
    public void append(TaskLog log) {
        pollProblem = null;
        if (log.entries() != null) {
            for (TaskLogEntry e : log.entries()) {
                lines.add(line(e));
            }
        }
        if (log.lastEntryId() != null && !log.lastEntryId().isBlank()) {
            lastEntryId = log.lastEntryId();
        }
    }

    /** "16:20:03  pulling image …": the time of day of the entry, when it has one, and its message. */
    static String line(TaskLogEntry e) {
        String t = e.timestamp();
        String time = t != null && t.length() >= 19 && t.charAt(10) == 'T' ? t.substring(11, 19) : null;
        String message = e.message() == null ? "" : e.message();
        return time == null ? message : time + "  " + message;
    }

    public void pollFailed(String why) {
        pollProblem = why;
    }

    /** A pull of one of the source's images, while this task runs. */
    public void pull(PullProgress p) {
        if (!ended()) {
            pulls.put(p.image(), p);
        }
    }

    public Map<String, PullProgress> pulls() {
        return Collections.unmodifiableMap(pulls);
    }

    /** Whether an image is being pulled for it now: the progress bar shows while one is. */
    public boolean pulling() {
        return !ended() && pulls.values().stream().anyMatch(p -> !p.done());
    }

    /** Bytes done of bytes known, over its images' pulls; 0 when nothing is known yet. */
    public double pullFraction() {
        long done = 0;
        long total = 0;
        for (PullProgress p : pulls.values()) {
            done += p.doneBytes();
            total += p.totalBytes();
        }
        return total <= 0 ? 0 : Math.min(1.0, (double) done / total);
    }

    public long elapsedMillis(long nowMillis) {
        return Math.max(0, (endedMillis >= 0 ? endedMillis : nowMillis) - startedMillis);
    }

    /** "0:07", "12:30", "1:02:03". */
    public static String clock(long millis) {
        long s = millis / 1000;
        long h = s / 3600;
        long m = (s / 60) % 60;
        long sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }

    /** The list's line: "create  shop  running  0:07", with what is being pulled while it is. */
    public String summary(long nowMillis) {
        if (past) {
            // not started here: the console's clock knows nothing of how long it took
            return kind + "  " + databaseId + "  " + state + "  (history)";
        }
        String s = kind + "  " + databaseId + "  " + state + "  " + clock(elapsedMillis(nowMillis));
        if (pulling()) {
            long images = pulls.values().stream().filter(p -> !p.done()).count();
            s += "  pulling " + images + " image" + (images == 1 ? "" : "s") + " " + Math.round(pullFraction() * 100) + " %";
        }
        return s;
    }

    /** The log pane's heading: what was asked (which names the source), the task, and how it ended. */
    public String heading() {
        String s = what + " — task " + taskId + ": " + state;
        if (error != null) {
            s += ": " + error;
        } else if (pollProblem != null) {
            s += " (last look: " + pollProblem + ")";
        }
        return s;
    }
}
