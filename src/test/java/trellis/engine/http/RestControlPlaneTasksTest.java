package trellis.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trellis.engine.ControlPlaneException;
import trellis.spec.Task;

/** The Tasks tab's calls to a Control Plane, against a real HTTP server: list a database's tasks, cancel one. */
class RestControlPlaneTasksTest {
    final TaskServer server;
    final RestControlPlane cp;

    RestControlPlaneTasksTest() throws Exception {
        server = new TaskServer();
        cp = new RestControlPlane(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsADatabasesTasksNewestFirst() throws Exception {
        String create = server.addTask("shop", "create", "completed");
        String update = server.addTask("shop", "update", "running");
        server.addTask("other", "create", "running");

        assertThat(cp.tasks("shop")).extracting(Task::taskId, Task::type, Task::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(update, "update", "running"),
                        org.assertj.core.groups.Tuple.tuple(create, "create", "completed"));
        assertThat(server.requests).containsExactly("GET /v1/databases/shop/tasks?sort_order=desc");
    }

    @Test
    void cancelsARunningTaskAndSaysWhyAnEndedOneIsNot() throws Exception {
        assertThat(cp.canCancelTasks()).isTrue();
        String id = server.addTask("shop", "update", "running");

        Task canceled = cp.cancelTask("shop", id);
        assertThat(canceled.taskId()).isEqualTo(id);
        assertThat(canceled.status()).isEqualTo("canceled");
        assertThat(server.requests).containsExactly("GET /v1/databases/shop/tasks/" + id + "/cancel");

        assertThatThrownBy(() -> cp.cancelTask("shop", id)).isInstanceOfSatisfying(ControlPlaneException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("task " + id + " has already ended");
        });
    }
}
