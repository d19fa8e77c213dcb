package trellis.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trellis.engine.ControlPlane;
import trellis.spec.Json;
import trellis.spec.Task;

@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = {"A database's tasks, newest first; with --follow ID, that task's log as it grows (every 500 ms,",
                "after the last entry, as the Control Plane's own client does) until the task ends."},
        footer = {ServerCommand.EXITS, "With --follow: 0 when the task completed, 1 when it failed or was canceled."})
final class TasksCommand extends ServerCommand {
    @Parameters(paramLabel = "DB", description = "the database id")
    String databaseId;

    @Option(names = "--follow", paramLabel = "TASK_ID", description = "follow this task to its end")
    String follow;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "how long to follow (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    int run(ControlPlane cp) throws Exception {
        if (follow != null) {
            Task task = cp.task(databaseId, follow);
            TaskFollower.Outcome o = TaskFollower.follow(cp, databaseId, task, Duration.ofSeconds(timeoutSeconds), out(), err(), json);
            if (json) {
                var doc = Json.MAPPER.createObjectNode();
                doc.set("task", Json.toTree(o.task()));
                doc.set("log", Json.toTree(o.log()));
                Output.json(out(), doc);
            }
            return o.exit();
        }
        List<Task> tasks = cp.tasks(databaseId);
        if (json) {
            Output.json(out(), Json.MAPPER.createObjectNode().set("tasks", Json.toTree(tasks)));
            return 0;
        }
        if (tasks.isEmpty()) {
            out().println("No tasks for database '" + databaseId + "'.");
            out().flush();
            return 0;
        }
        boolean errors = tasks.stream().anyMatch(t -> t.error() != null && !t.error().isBlank());
        List<String[]> rows = new ArrayList<>();
        rows.add(errors ? new String[] {"TASK", "TYPE", "STATUS", "CREATED", "COMPLETED", "ERROR"}
                : new String[] {"TASK", "TYPE", "STATUS", "CREATED", "COMPLETED"});
        for (Task t : tasks) {
            String[] row = {Table.or(t.taskId()), Table.or(t.type()), Table.or(t.status()), Table.or(t.createdAt()),
                    Table.or(t.completedAt()), t.error() == null ? "" : t.error()};
            rows.add(errors ? row : java.util.Arrays.copyOf(row, 5));
        }
        Table.print(out(), rows, "");
        out().flush();
        return 0;
    }
}
