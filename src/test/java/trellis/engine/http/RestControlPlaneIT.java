package trellis.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import trellis.TestFiles;
import trellis.engine.ControlPlaneException;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.Json;
import trellis.spec.Task;
import trellis.spec.UpdateDatabaseRequest;

/** The REST client against a real HTTP server that enforces the contract (Prism). */
class RestControlPlaneIT {
    static Prism prism;
    static RestControlPlane cp;

    @BeforeAll
    static void start() throws Exception {
        prism = Prism.mock();
        cp = new RestControlPlane(URI.create(prism.url()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (prism != null) {
            assertThat(prism.requestViolations()).as("only the deliberately bad request broke the contract")
                    .allMatch(l -> l.contains("required property 'spec'"));
            prism.close();
        }
    }

    @Test
    void readsTheClusterHostsAndDatabases() throws Exception {
        assertThat(cp.cluster().id()).isNotBlank();
        assertThat(cp.hosts()).isNotEmpty().allSatisfy(h -> assertThat(h.id()).isNotBlank());
        assertThat(cp.databases()).isNotEmpty().allSatisfy(d -> assertThat(d.id()).isNotBlank());
    }

    @Test
    void readsADatabaseWithItsSpecAndInstances() throws Exception {
        Database db = cp.database("storefront");
        assertThat(db.spec()).as("spec of %s", db).isNotNull();
        assertThat(db.spec().nodes()).isNotEmpty();
        assertThat(db.instances()).isNotEmpty().allSatisfy(i -> assertThat(i.hostId()).isNotBlank());
    }

    @Test
    void createAndUpdateSendBodiesTheContractAccepts() throws Exception {
        for (var file : TestFiles.examples()) {
            CreateDatabaseRequest req = Json.MAPPER.readValue(file.toFile(), CreateDatabaseRequest.class);
            Task created = cp.createDatabase(req);
            assertThat(created.taskId()).isNotBlank();
            Task updated = cp.updateDatabase(req.id(), new UpdateDatabaseRequest(null, req.spec(), null));
            assertThat(updated.status()).isNotBlank();
        }
    }

    @Test
    void followsATaskAndItsLog() throws Exception {
        Task t = cp.task("storefront", "0191f1b0-0000-7000-8000-000000000001");
        assertThat(t.status()).isNotBlank();
        assertThat(cp.taskLog("storefront", t.taskId(), null).entries()).isNotNull();
    }

    @Test
    void aRequestTheContractRefusesComesBackAsAnErrorWithItsName() {
        var bad = new CreateDatabaseRequest("x", null, null, null);
        assertThatThrownBy(() -> cp.createDatabase(bad))
                .isInstanceOfSatisfying(ControlPlaneException.class, e -> {
                    assertThat(e.status()).isBetween(400, 499);
                    assertThat(e.unreachable()).isFalse();
                });
    }

    @Test
    void aClosedPortIsUnreachableNotAHang() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var closed = new RestControlPlane(URI.create("http://127.0.0.1:" + port), null, Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThatThrownBy(closed::cluster).isInstanceOfSatisfying(ControlPlaneException.class,
                e -> assertThat(e.unreachable()).isTrue());
    }
}
