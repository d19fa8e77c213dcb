package trellis.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.engine.PullProgress;
import trellis.spec.Cluster;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.Host;
import trellis.spec.Task;
import trellis.spec.TaskLog;
import trellis.spec.TaskLogEntry;
import trellis.spec.UpdateDatabaseRequest;
import trellis.ui.TaskRunner;

/** The Tasks tab's model without a toolkit: following a task to its end, its log, its pulls, failures and cancel. */
class TasksModelTest {
    /** A fake source (this test's only): a task whose state and log the test sets; it notes each call. */
    static final class FakeSource implements ControlPlane {
        final List<String> calls = new ArrayList<>();
        String status = "pending";
        String error;
        final List<String> log = new ArrayList<>();
        ControlPlaneException down;
        boolean cancels;

        static Task taskIn(String status, String error) {
            return new Task("t-1", null, "database", "shop", "shop", null, null, null, "create", status, error, null, null, null);
        }

        @Override
        public Task task(String databaseId, String taskId) throws ControlPlaneException {
            calls.add("task " + databaseId + "/" + taskId);
            if (down != null) {
                throw down;
            }
            return taskIn(status, error);
        }

        @Override
        public TaskLog taskLog(String databaseId, String taskId, String after) {
            calls.add("log " + databaseId + "/" + taskId + " after " + after);
            int from = after == null ? 0 : Integer.parseInt(after) + 1;
            List<TaskLogEntry> entries = new ArrayList<>();
            for (int i = from; i < log.size(); i++) {
                entries.add(new TaskLogEntry("2026-12-03T16:20:0" + i + "Z", log.get(i), null, null));
            }
            return new TaskLog("database", "shop", "shop", taskId, status, log.isEmpty() ? after : Integer.toString(log.size() - 1), entries, null);
        }

        @Override
        public boolean canCancelTasks() {
            return cancels;
        }

        @Override
        public Task cancelTask(String databaseId, String taskId) {
            calls.add("cancel " + databaseId + "/" + taskId);
            status = "canceled";
            return taskIn(status, null);
        }

        @Override public String displayName() { return "Fake"; }
        @Override public Cluster cluster() { throw new UnsupportedOperationException(); }
        @Override public List<Host> hosts() { throw new UnsupportedOperationException(); }
        @Override public List<Database> databases() { throw new UnsupportedOperationException(); }
        @Override public Database database(String id) { throw new UnsupportedOperationException(); }
        @Override public Task createDatabase(CreateDatabaseRequest r) { throw new UnsupportedOperationException(); }
        @Override public Task updateDatabase(String id, UpdateDatabaseRequest r) { throw new UnsupportedOperationException(); }
        @Override public Task deleteDatabase(String id) { throw new UnsupportedOperationException(); }
    }

    final FakeSource source = new FakeSource();
    final AtomicLong now = new AtomicLong(1_000_000);
    final TasksModel model = new TasksModel(TaskRunner.sameThread(), now::get);
    final List<String> failed = new ArrayList<>();

    TasksModelTest() {
        model.addFailureListener(e -> failed.add(TasksTab.failureText(e)));
    }

    @Test
    void followsATaskFromPendingToCompletedWithItsLogLinesInOrder() {
        TaskEntry e = model.follow(source, FakeSource.taskIn("pending", null), "Deploy 'shop' to Fake");
        assertThat(e.summary(now.get())).isEqualTo("create  shop  pending  0:00");

        source.status = "running";
        source.log.addAll(List.of("pulling ghcr.io/pgedge/postgrest:14.5", "creating api on host-1"));
        now.addAndGet(7_000);
        model.poll();
        assertThat(e.summary(now.get())).isEqualTo("create  shop  running  0:07");
        assertThat(e.lines()).containsExactly("16:20:00  pulling ghcr.io/pgedge/postgrest:14.5", "16:20:01  creating api on host-1");

        source.status = "completed";
        source.log.add("api on host-1 is running");
        now.addAndGet(5_000);
        model.poll();
        now.addAndGet(60_000);
        model.poll();
        assertThat(e.summary(now.get())).as("the clock stops at the end").isEqualTo("create  shop  completed  0:12");
        assertThat(e.lines()).containsExactly("16:20:00  pulling ghcr.io/pgedge/postgrest:14.5", "16:20:01  creating api on host-1",
                "16:20:02  api on host-1 is running");
        assertThat(source.calls).containsExactly("task shop/t-1", "log shop/t-1 after null",
                "task shop/t-1", "log shop/t-1 after 1");
        assertThat(model.anyRunning()).isFalse();
        assertThat(failed).isEmpty();
    }

    @Test
    void oneRequestInFlightPerTask() {
        List<Runnable> queued = new ArrayList<>();
        TasksModel held = new TasksModel(new TaskRunner(queued::add, Runnable::run), now::get);
        held.follow(source, FakeSource.taskIn("running", null), "Deploy");
        held.poll();
        held.poll();
        held.poll();
        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        held.poll();
        assertThat(queued).hasSize(1);
    }

    @Test
    void aFailedTaskIsToldOnceWithItsReason() {
        TaskEntry e = model.follow(source, FakeSource.taskIn("running", null), "Deploy 'shop' to Fake");
        source.status = "failed";
        source.error = "image ghcr.io/pgedge/postgrest:14.5 could not be pulled: manifest unknown";
        model.poll();
        model.poll();
        assertThat(failed).containsExactly("create of shop failed:\nimage ghcr.io/pgedge/postgrest:14.5 could not be pulled: manifest unknown");
        assertThat(e.heading()).isEqualTo("Deploy 'shop' to Fake — task t-1: failed: "
                + "image ghcr.io/pgedge/postgrest:14.5 could not be pulled: manifest unknown");
    }

    @Test
    void aSourceThatDoesNotAnswerIsSaidAndTheTaskStillFollowed() {
        TaskEntry e = model.follow(source, FakeSource.taskIn("running", null), "Deploy 'shop' to Fake");
        source.down = new ControlPlaneException("cannot reach http://127.0.0.1:3000: Connection refused", null);
        model.poll();
        assertThat(e.heading()).isEqualTo("Deploy 'shop' to Fake — task t-1: running (last look: cannot reach http://127.0.0.1:3000: Connection refused)");
        source.down = null;
        source.status = "completed";
        model.poll();
        assertThat(e.heading()).isEqualTo("Deploy 'shop' to Fake — task t-1: completed");
    }

    @Test
    void cancelOnlyWhereTheSourceCanAndTheTaskRuns() {
        TaskEntry e = model.follow(source, FakeSource.taskIn("running", null), "Deploy");
        assertThat(model.canCancel(e)).isFalse();
        source.cancels = true;
        assertThat(model.canCancel(e)).isTrue();
        model.cancel(e);
        assertThat(e.state()).isEqualTo("canceled");
        assertThat(model.canCancel(e)).isFalse();
        model.cancel(e);
        assertThat(source.calls).containsExactly("cancel shop/t-1");
    }

    @Test
    void pullsShowAsOneFractionOverTheImagesAndOnlyTheLatestReportCounts() {
        TaskEntry e = model.follow(source, FakeSource.taskIn("running", null), "Deploy");
        PullCoalescer c = new PullCoalescer();
        c.offer(source, new PullProgress("a:1", 10, 100));
        c.offer(source, new PullProgress("a:1", 40, 100));
        c.offer(source, new PullProgress("b:2", 10, 300));
        var drained = c.drain();
        assertThat(drained).extracting(r -> r.progress().doneBytes()).containsExactlyInAnyOrder(40L, 10L);
        assertThat(c.drain()).isEmpty();
        drained.forEach(r -> e.pull(r.progress()));
        assertThat(e.pulling()).isTrue();
        assertThat(e.summary(now.get())).isEqualTo("create  shop  running  0:00  pulling 2 images 13 %");
        e.pull(new PullProgress("a:1", 100, 100, true));
        e.pull(new PullProgress("b:2", 300, 300, true));
        assertThat(e.pulling()).isFalse();
        assertThat(e.summary(now.get())).isEqualTo("create  shop  running  0:00");
    }

    @Test
    void theClockReadsMinutesAndHours() {
        assertThat(List.of(TaskEntry.clock(0), TaskEntry.clock(61_000), TaskEntry.clock(3_723_000)))
                .containsExactly("0:00", "1:01", "1:02:03");
    }
}
