package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trellis.engine.http.ApiServer;
import trellis.engine.http.Prism;
import trellis.engine.http.RestControlPlane;
import trellis.spec.Database;
import trellis.spec.Json;

/** What {@code trellis serve} runs, with Prism in proxy mode in front checking every exchange against the contract. */
class ServeLocalEngineIT {
    DockerClient docker;
    LocalEngine engine;
    ApiServer server;
    Prism prism;

    @AfterEach
    void stop() throws Exception {
        if (prism != null) {
            prism.close();
        }
        if (server != null) {
            server.close();
        }
        if (docker != null) {
            LocalEngineTesting.removeContainers(docker, "servetest");
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theRestApiOfTheLocalEngineKeepsTheContract() throws Exception {
        docker = LocalEngineTesting.requireDocker();
        engine = new LocalEngine(docker, LocalEngineTesting.standInSettings());
        String token = trellis.engine.http.ServeToken.generate();
        server = new ApiServer(engine, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token).start();
        prism = Prism.proxy("http://127.0.0.1:" + server.port());
        RestControlPlane client = new RestControlPlane(URI.create(prism.url()), token);

        var task = client.createDatabase(LocalEngineTesting.example("separate-host.json", "servetest"));
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        Database db = client.database("servetest");
        while (System.nanoTime() < deadline && (db.serviceInstances() == null || db.serviceInstances().isEmpty()
                || !"running".equals(db.serviceInstances().get(0).state()))) {
            Thread.sleep(300);
            db = client.database("servetest");
        }
        assertThat(db.serviceInstances()).singleElement().satisfies(i -> {
            assertThat(i.state()).isEqualTo("running");
            assertThat(i.serviceInstanceId()).isEqualTo("servetest-mcp-host-3");
        });
        assertThat(client.task("servetest", task.taskId()).status()).isEqualTo("completed");
        assertThat(client.taskLog("servetest", task.taskId(), null).entries()).isNotEmpty();
        assertThat(client.hosts()).extracting(h -> h.id()).contains("host-3");
        assertThat(Json.write(db)).doesNotContain("sk-ant-example", "change-me");
        client.deleteDatabase("servetest");
        assertThat(prism.log()).as("no contract violation in either direction").doesNotContain("Violation");
    }
}
