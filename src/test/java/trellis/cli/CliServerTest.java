package trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import trellis.TestFiles;
import trellis.spec.Json;

/** The CLI on a Control Plane that keeps state (a real JDK HttpServer): every line it prints, and its exit codes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CliServerTest {
    @TempDir
    Path dir;
    StatefulControlPlane cp;

    @BeforeEach
    void start() throws Exception {
        cp = new StatefulControlPlane();
    }

    @AfterEach
    void stop() {
        cp.close();
    }

    CliTest.Run run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server";
        all[args.length + 1] = cp.url();
        return CliTest.run(all);
    }

    static String[] lines(String s) {
        return s.split("\\R");
    }

    /** co-located.json with one more service, a copy of 'api' named {@code id} on host-1. */
    Path withService(String id) throws Exception {
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(TestFiles.example("co-located.json").toFile());
        ObjectNode copy = ((ObjectNode) tree.at("/spec/services/0").deepCopy()).put("service_id", id).put("port", 3200);
        ((com.fasterxml.jackson.databind.node.ArrayNode) tree.at("/spec/services")).add(copy);
        Path p = dir.resolve(id + ".json");
        Files.writeString(p, Json.write(tree));
        return p;
    }

    @Test
    void databasesListsIdStateInstancesAndUpdate() {
        CliTest.Run r = run("databases");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(lines(r.out())).containsExactly(
                "DATABASE    STATE      INSTANCES  UPDATED",
                "storefront  available  1          2026-12-03T10:05:00Z");
    }

    @Test
    void databasesAsJsonParses() throws Exception {
        CliTest.Run r = run("databases", "--json");
        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode doc = Json.parse(r.out());
        assertThat(doc.at("/databases/0/id").asText()).isEqualTo("storefront");
    }

    @Test
    void statusShowsInstancesAndServiceInstancesWithStateHealthHostAndPorts() {
        CliTest.Run r = run("status", "storefront");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(lines(r.out())).containsExactly(
                "Database 'storefront': available (updated 2026-12-03T10:05:00Z)",
                "  INSTANCE                NODE  HOST    STATE      HEALTH   PORTS",
                "  storefront-n1-689qacsi  n1    host-1  available  running  5432",
                "  SERVICE INSTANCE       SERVICE  HOST    STATE     HEALTH   PORTS",
                "  storefront-api-host-1  api      host-1  creating  unknown  3100->8080");
    }

    @Test
    void statusWatchRedrawsWithTheNewStates() {
        CliTest.Run r = run("status", "storefront", "--watch", "--watch-count", "2", "--interval", "100");
        assertThat(r.exit()).as(r.all()).isZero();
        String[] l = lines(r.out());
        assertThat(l).hasSize(12);
        assertThat(l[0]).matches("Every 0\\.1 s on Control Plane at 127\\.0\\.0\\.1:\\d+, Ctrl\\+C stops; \\d\\d:\\d\\d:\\d\\d");
        assertThat(l[5]).isEqualTo("  storefront-api-host-1  api      host-1  creating  unknown  3100->8080");
        assertThat(l[6]).matches("Every 0\\.1 s on .*");
        assertThat(l[11]).isEqualTo("  storefront-api-host-1  api      host-1  running  healthy  3100->8080");
    }

    @Test
    void aDatabaseThatIsNotThereIsGone() {
        CliTest.Run r = run("status", "nope");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(lines(r.err())).containsExactly(
                "status: database 'nope' is gone: the Control Plane does not know it (deleted, or never created)");
    }

    @Test
    void applyShowsThePlanSendsTheFullSpecAndFollowsTheTaskToItsEnd() throws Exception {
        CliTest.Run r = run("apply", "--yes", withService("api2").toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(lines(r.out())).containsExactly(
                "Update database 'storefront' on Control Plane at 127.0.0.1:" + cp.server.getAddress().getPort() + ":",
                "  + add service 'api2' (postgrest 14.5) as app on host-1",
                "  + add instance of 'api2' on host-1",
                "  + ALTER ROLE app NOINHERIT  -- for 'api2', on every primary",
                "  + GRANT CONNECT ON DATABASE storefront TO app  -- for 'api2', on every primary",
                "  + GRANT web_anon TO app  -- for 'api2', on every primary",
                "Task task-1: pending",
                "  2026-12-03T10:00:01Z  task started",
                "  2026-12-03T10:00:02Z  updating service instances",
                "  2026-12-03T10:00:03Z  task completed",
                "Task task-1: completed");
        assertThat(cp.received).hasSize(1);
        assertThat(cp.received.get(0).at("/spec/database_users/1/password").asText()).isEqualTo("change-me-app");
    }

    @Test
    void aFailingTaskExitsOneWithItsError() throws Exception {
        CliTest.Run r = run("apply", "--yes", withService("broken").toString());
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        String[] l = lines(r.out());
        assertThat(l[l.length - 1]).isEqualTo(
                "Task task-1: failed: service instance storefront-broken-host-1 did not become healthy within 5 minutes");
        assertThat(l[l.length - 2]).isEqualTo("  2026-12-03T10:00:03Z  service instance storefront-broken-host-1 did not become healthy");
    }

    @Test
    void aBusyDatabaseIsSaidInWordsAndTheWriteIsSentOnce() throws Exception {
        cp.busy = true;
        CliTest.Run r = run("apply", "--yes", withService("api2").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(lines(r.err())).containsExactly(
                "apply: not applied: database 'storefront' is busy with another task; try again when it ends");
        assertThat(cp.requests).containsExactly("GET /v1/databases/storefront", "POST /v1/databases/storefront");
    }

    @Test
    void deleteServiceWithoutTheSecretsSendsNothing() {
        CliTest.Run r = run("delete-service", "storefront", "api", "--yes");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(lines(r.out())).containsExactly(
                "Not sent: an update replaces the whole spec, and the server does not send these secrets back:",
                "  database_users[0].password (user 'admin')",
                "  database_users[1].password (user 'app')",
                "Pass the database's spec file with --secrets FILE.");
        assertThat(cp.requests).containsExactly("GET /v1/databases/storefront");
    }

    @Test
    void deleteServiceSendsTheFullSpecWithoutItAndSaysTheUserStays() {
        CliTest.Run r = run("delete-service", "storefront", "api", "--yes", "--secrets", TestFiles.example("co-located.json").toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(lines(r.out())).containsExactly(
                "The database user 'app' (connect_as of 'api') stays: only the service is removed.",
                "Update database 'storefront' on Control Plane at 127.0.0.1:" + cp.server.getAddress().getPort() + ":",
                "  - remove service 'api': its 1 instance is deleted; user 'app' and its grants stay",
                "Task task-1: pending",
                "  2026-12-03T10:00:01Z  task started",
                "  2026-12-03T10:00:02Z  updating service instances",
                "  2026-12-03T10:00:03Z  task completed",
                "Task task-1: completed");
        JsonNode sent = cp.received.get(0).get("spec");
        assertThat(sent.get("services")).isEmpty();
        assertThat(sent.at("/database_users/0/password").asText()).isEqualTo("change-me-admin");
        assertThat(sent.at("/nodes/0/name").asText()).isEqualTo("n1");
    }

    @Test
    void deleteServiceOfAnUnknownServiceNamesTheOnesThereAre() {
        CliTest.Run r = run("delete-service", "storefront", "mcp", "--yes");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(lines(r.err())).containsExactly("delete-service: database 'storefront' has no service 'mcp'; its services: api");
    }

    @Test
    void tasksListsTheHistoryAndFollowsOne() throws Exception {
        assertThat(run("apply", "--yes", withService("api2").toString()).exit()).isZero();
        CliTest.Run list = run("tasks", "storefront");
        assertThat(list.exit()).as(list.all()).isZero();
        assertThat(lines(list.out())).containsExactly(
                "TASK    TYPE    STATUS     CREATED               COMPLETED",
                "task-1  update  completed  2026-12-03T10:00:00Z  2026-12-03T10:00:03Z");
        CliTest.Run follow = run("tasks", "storefront", "--follow", "task-1");
        assertThat(follow.exit()).isZero();
        assertThat(lines(follow.out())).containsExactly(
                "Task task-1: completed",
                "  2026-12-03T10:00:01Z  task started",
                "  2026-12-03T10:00:02Z  updating service instances",
                "  2026-12-03T10:00:03Z  task completed",
                "Task task-1: completed");
        CliTest.Run json = run("tasks", "storefront", "--follow", "task-1", "--json");
        assertThat(Json.parse(json.out()).at("/log/2/message").asText()).isEqualTo("task completed");
    }

    @Test
    void followingATaskThatIsNotThere() {
        CliTest.Run r = run("tasks", "storefront", "--follow", "task-9");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(lines(r.err())).containsExactly(
                "tasks: task 'task-9' of database 'storefront' is gone: the Control Plane does not know it (deleted, or never created)");
    }

    @Test
    void nothingListeningExitsTwoInOneLine() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliTest.Run r = CliTest.run("databases", "--server", "http://127.0.0.1:" + port);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(lines(r.err())).containsExactly("databases: cannot reach http://127.0.0.1:" + port
                + ": nothing answers there (connection refused); is the Control Plane running, and is the URL right?");
    }

    @Test
    void halfTheTlsOptionsIsSaidBeforeAnythingIsSent() {
        CliTest.Run r = run("databases", "--client-cert", "c.pem");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(lines(r.err())).containsExactly(
                "databases: --client-cert and --client-key go together; --client-key is missing");
        assertThat(cp.requests).isEmpty();
    }
}
