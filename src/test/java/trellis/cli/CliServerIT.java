package trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import trellis.engine.http.Prism;
import trellis.spec.Json;
import trellis.spec.Task;

/**
 * The server commands against Prism serving the contract: every request they send is valid for it
 * (no Violation in Prism's log), and every answer Prism makes from the contract parses.
 */
class CliServerIT {
    static Prism prism;

    @BeforeAll
    static void start() throws Exception {
        prism = Prism.mock();
    }

    @AfterAll
    static void stop() throws Exception {
        if (prism != null) {
            assertThat(prism.requestViolations()).as("every request the CLI sent fits the contract").isEmpty();
            prism.close();
        }
    }

    static CliTest.Run run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--server";
        all[args.length + 1] = prism.url();
        CliTest.Run r = CliTest.run(all);
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.err()).isEmpty();
        return r;
    }

    @Test
    void databasesInTextAndJson() throws Exception {
        assertThat(run("databases").out().lines().findFirst()).hasValue("DATABASE    STATE      INSTANCES  UPDATED");
        JsonNode doc = Json.parse(run("databases", "--json").out());
        assertThat(doc.get("databases")).isNotEmpty();
        assertThat(run("databases").out()).contains("storefront");
    }

    @Test
    void statusOfTheExampleDatabase() throws Exception {
        CliTest.Run r = run("status", "storefront");
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("Database 'storefront': ");
        assertThat(r.out()).contains("  INSTANCE ", "storefront-n1-689qacsi");
        assertThat(Json.parse(run("status", "storefront", "--json").out()).get("id").asText()).isEqualTo("storefront");
    }

    @Test
    void tasksListsAndFollows() throws Exception {
        JsonNode tasks = Json.parse(run("tasks", "storefront", "--json").out()).get("tasks");
        assertThat(tasks).isNotEmpty();
        Task first = Json.convert(tasks.get(0), Task.class);
        assertThat(run("tasks", "storefront").out().lines().findFirst().orElseThrow()).startsWith("TASK ");
        CliTest.Run follow = run("tasks", "storefront", "--follow", first.taskId(), "--json");
        assertThat(Json.parse(follow.out()).at("/task/task_id").asText()).isNotBlank();
    }

    @Test
    void deleteServiceReadsTheDatabaseAndNamesWhatIsThere() {
        // The contract's example database has no services: nothing is sent after the GET.
        String[] args = {"delete-service", "storefront", "api", "--yes", "--server", prism.url()};
        CliTest.Run r = CliTest.run(args);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("delete-service: database 'storefront' has no service 'api'; it has no services");
    }
}
