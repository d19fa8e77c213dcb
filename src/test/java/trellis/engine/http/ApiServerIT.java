package trellis.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trellis.TestFiles;
import trellis.engine.ControlPlaneException;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;
import trellis.spec.UpdateDatabaseRequest;

/**
 * The server side of the API: Trellis's own REST client talks to it through Prism in proxy mode,
 * which checks every request and answer against the Control Plane's contract.
 */
class ApiServerIT {
    InMemoryControlPlane backend;
    ApiServer server;
    Prism prism;
    RestControlPlane client;
    final String token = ServeToken.generate();

    @BeforeEach
    void start() throws Exception {
        backend = new InMemoryControlPlane();
        server = new ApiServer(backend, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token).start();
        prism = Prism.proxy("http://127.0.0.1:" + server.port());
        client = new RestControlPlane(URI.create(prism.url()), token);
    }

    @AfterEach
    void stop() throws Exception {
        // Without Prism the test is skipped in start(), before there is one to close.
        if (prism != null) {
            prism.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCreateUpdateReadDeleteRoundTripBreaksNoContractRule() throws Exception {
        CreateDatabaseRequest req = Json.MAPPER.readValue(TestFiles.example("separate-host.json").toFile(), CreateDatabaseRequest.class);
        assertThat(client.createDatabase(req).status()).isEqualTo("completed");
        var db = client.database("inventory");
        assertThat(db.spec().services()).hasSize(1);
        assertThat(Json.write(db)).as("a GET never returns a secret").doesNotContain("change-me", "sk-ant");
        var task = client.updateDatabase("inventory", new UpdateDatabaseRequest(null, req.spec(), null));
        assertThat(client.task("inventory", task.taskId()).type()).isEqualTo("update");
        assertThat(client.taskLog("inventory", task.taskId(), null).entries()).isNotEmpty();
        assertThat(client.databases()).extracting(d -> d.id()).containsExactly("inventory");
        assertThat(client.hosts()).hasSize(3);
        assertThat(client.cluster().hosts()).hasSize(3);
        client.deleteDatabase("inventory");
        assertThat(client.databases()).isEmpty();
        assertThat(prism.log()).doesNotContain("Violation");
    }

    @Test
    void anInvalidSpecIsRefusedWithTheControlPlanesErrorName() throws Exception {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(TestFiles.example("co-located.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/spec/services/0")).put("connect_as", "nobody");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/databases"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(Json.write(tree))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.parse(r.body()).path("name").asText()).isEqualTo("invalid_input");
        assertThat(Json.parse(r.body()).path("message").asText()).contains("spec.services[0].connect_as");
        assertThat(backend.received).isEmpty();
    }

    @Test
    void anUnknownDatabaseIsNotFound() {
        assertThatThrownBy(() -> client.database("nope")).isInstanceOfSatisfying(ControlPlaneException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.name()).isEqualTo("not_found");
        });
    }
}
