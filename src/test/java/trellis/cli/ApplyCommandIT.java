package trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trellis.TestFiles;
import trellis.engine.http.Prism;
import trellis.spec.Json;

/** {@code trellis apply} against a server that enforces the Control Plane contract (Prism). */
class ApplyCommandIT {
    static Prism prism;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        prism = Prism.mock();
    }

    @AfterAll
    static void stop() throws Exception {
        if (prism != null) {
            assertThat(prism.requestViolations()).as("every request Trellis sent fits the contract").isEmpty();
            prism.close();
        }
    }

    @Test
    void updatesAnExistingDatabaseShowingThePlanAndFollowingTheTask() {
        // Prism answers every GET with the contract's example database "storefront" (no services).
        CliTest.Run r = CliTest.run("apply", "--server", prism.url(), "--yes", TestFiles.example("co-located.json").toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("Update database 'storefront'", "+ add service 'api' (postgrest 14.5) as app on host-1",
                "+ GRANT web_anon TO app", "Task ", ": completed");
        assertThat(r.all()).doesNotContain("change-me");
    }

    @Test
    void aDryRunSendsNothing() {
        CliTest.Run r = CliTest.run("apply", "--server", prism.url(), "--dry-run", TestFiles.example("co-located.json").toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("Dry run: nothing sent.").doesNotContain("Task ");
    }

    @Test
    void aSpecWithoutItsSecretsIsRefusedBeforeAnythingIsSent() throws Exception {
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(TestFiles.example("co-located.json").toFile());
        tree.at("/spec/database_users").forEach(u -> ((ObjectNode) u).remove("password"));
        Path stripped = dir.resolve("stripped.json");
        Files.writeString(stripped, Json.write(tree));
        CliTest.Run r = CliTest.run("apply", "--server", prism.url(), "--yes", stripped.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("secrets would be lost", "database_users[1].password (user 'app')");

        CliTest.Run again = CliTest.run("apply", "--server", prism.url(), "--yes", "--secrets",
                TestFiles.example("co-located.json").toString(), stripped.toString());
        assertThat(again.exit()).as(again.all()).isZero();
    }

    @Test
    void anInvalidSpecIsRefusedWithItsPath() throws Exception {
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(TestFiles.example("co-located.json").toFile());
        ((ObjectNode) tree.at("/spec/services/0")).put("connect_as", "ghost");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Json.write(tree));
        CliTest.Run r = CliTest.run("apply", "--server", prism.url(), "--yes", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("spec.services[0].connect_as", "Not applied");
    }

    @Test
    void anUnreachableServerExitsTwoInOneLine() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliTest.Run r = CliTest.run("apply", "--server", "http://127.0.0.1:" + port, "--yes", TestFiles.example("co-located.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("cannot reach");
    }
}
