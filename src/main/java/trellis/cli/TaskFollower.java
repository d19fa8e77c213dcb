package trellis.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.spec.Task;
import trellis.spec.TaskLog;
import trellis.spec.TaskLogEntry;

/**
 * Follows a task to its end as the Control Plane's own client does: the log after the last entry
 * seen, then the task's status, every 500 ms. Prints each entry as it comes (unless quiet).
 */
final class TaskFollower {
    static final Set<String> DONE = Set.of("completed", "failed", "canceled", "unknown");
    static final Duration EVERY = Duration.ofMillis(500);

    /** How it ended: the exit code, the task as last seen and every log entry read. */
    record Outcome(int exit, Task task, List<TaskLogEntry> log) {
    }

    private TaskFollower() {
    }

    static boolean done(String status) {
        return status != null && DONE.contains(status.toLowerCase(Locale.ROOT));
    }

    /** 0 when the task completed; 1 when it failed, was canceled, is unknown or still runs at the deadline; 2 when the server stopped answering. */
    static Outcome follow(ControlPlane cp, String databaseId, Task task, Duration timeout, PrintWriter out, PrintWriter err, boolean quiet)
            throws InterruptedException {
        String id = task.taskId();
        if (!quiet) {
            out.println("Task " + id + ": " + task.status());
            out.flush();
        }
        List<TaskLogEntry> log = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        String after = null;
        Task last = task;
        while (true) {
            try {
                // the status first, then the log: every entry written before the task ended is read before the last line
                last = cp.task(databaseId, id);
                TaskLog page = cp.taskLog(databaseId, id, after);
                for (TaskLogEntry e : page.entries() == null ? List.<TaskLogEntry>of() : page.entries()) {
                    log.add(e);
                    if (!quiet) {
                        out.println("  " + (e.timestamp() != null ? e.timestamp() + "  " : "") + e.message());
                    }
                }
                if (page.lastEntryId() != null) {
                    after = page.lastEntryId();
                }
                if (done(last.status())) {
                    if (!quiet) {
                        out.println("Task " + id + ": " + last.status() + (last.error() != null ? ": " + last.error() : ""));
                    }
                    out.flush();
                    return new Outcome("completed".equalsIgnoreCase(last.status()) ? 0 : 1, last, log);
                }
            } catch (ControlPlaneException e) {
                err.println("following task " + id + ": " + e.getMessage());
                err.flush();
                return new Outcome(e.unreachable() ? 2 : 1, last, log);
            }
            out.flush();
            if (System.nanoTime() > deadline) {
                err.println("task " + id + " is still " + last.status() + " after " + timeout.toSeconds()
                        + " s; follow it with: trellis tasks " + databaseId + " --follow " + id);
                err.flush();
                return new Outcome(1, last, log);
            }
            Thread.sleep(EVERY.toMillis());
        }
    }
}
