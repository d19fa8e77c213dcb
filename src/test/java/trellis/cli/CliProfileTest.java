package trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import trellis.engine.ConnectionProfile;
import trellis.engine.ConnectionProfiles;
import trellis.engine.http.ApiServer;
import trellis.engine.http.InMemoryControlPlane;
import trellis.engine.http.MutualTls;
import trellis.engine.http.ServeToken;
import trellis.engine.http.TestCerts;

/**
 * {@code --profile NAME}: the profile the console saved in profiles.json (beside the settings file)
 * reaches a real server with mutual TLS; an unknown name is said with the known ones; and
 * {@code --ca-cert} alone reaches a plain HTTPS server.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CliProfileTest {
    @TempDir
    Path dir;
    ApiServer server;
    Path tokenFile;
    TestCerts serverCa;
    TestCerts clientCa;
    Path serverCaFile;
    String savedSettings;

    @BeforeEach
    void start() throws Exception {
        savedSettings = System.getProperty("trellis.settings");
        System.setProperty("trellis.settings", dir.resolve("config/console.properties").toString());
        serverCa = new TestCerts("server CA");
        clientCa = new TestCerts("client CA");
        Path[] serverFiles = serverCa.server().write(dir, "server");
        Path clientCaFile = Files.writeString(dir.resolve("client-ca.pem"), TestCerts.pem(clientCa.ca().cert()));
        serverCaFile = Files.writeString(dir.resolve("server-ca.pem"), TestCerts.pem(serverCa.ca().cert()));
        String token = ServeToken.generate();
        tokenFile = Files.writeString(dir.resolve("serve.token"), token);
        server = new ApiServer(new InMemoryControlPlane(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ApiServer.Options.withToken(token).mutualTls(MutualTls.context(serverFiles[0], serverFiles[1], clientCaFile))).start();
    }

    @AfterEach
    void stop() {
        server.close();
        if (savedSettings == null) {
            System.clearProperty("trellis.settings");
        } else {
            System.setProperty("trellis.settings", savedSettings);
        }
    }

    ConnectionProfiles profiles() {
        return new ConnectionProfiles(dir.resolve("config/profiles.json"));
    }

    void saveProduction() throws Exception {
        Path[] alice = clientCa.client("alice").write(dir, "alice");
        profiles().save(new ConnectionProfile("production", "https://127.0.0.1:" + server.port(), serverCaFile.toString(),
                alice[0].toString(), alice[1].toString(), 3, 10), null);
        profiles().save(ConnectionProfile.ofUrl("http://127.0.0.1:1"), null);
    }

    @Test
    void aSavedProfileReachesTheServerWithItsCertificates() throws Exception {
        saveProduction();
        CliTest.Run r = CliTest.run("databases", "--profile", "production", "--token-file", tokenFile.toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out().split("\\R")).containsExactly("No databases on production.");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anUnknownProfileIsNamedWithTheKnownOnes() throws Exception {
        saveProduction();
        CliTest.Run r = CliTest.run("tasks", "storefront", "--profile", "staging");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().split("\\R")).containsExactly("tasks: no profile 'staging' in " + dir.resolve("config/profiles.json").toAbsolutePath()
                + "; the known profiles are: production, 127.0.0.1:1");
    }

    @Test
    void withoutAnyProfileTheWayToMakeOneIsSaid() {
        CliTest.Run r = CliTest.run("databases", "--profile", "production");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().split("\\R")).containsExactly("databases: no profile 'production' in "
                + dir.resolve("config/profiles.json").toAbsolutePath()
                + "; there are no profiles: save one in the console (File > Connect to Control Plane…)");
    }

    @Test
    void aProfileAndCertificateOptionsTogetherAreRefused() throws Exception {
        saveProduction();
        CliTest.Run r = CliTest.run("databases", "--profile", "production", "--ca-cert", serverCaFile.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().split("\\R")).containsExactly("databases: --profile production brings its own certificates; "
                + "give --profile or --ca-cert/--client-cert/--client-key, not both");
    }

    @Test
    void theCaCertificateAloneReachesAServerThatAsksForNoClientCertificate() throws Exception {
        Path[] serverFiles = serverCa.server().write(dir, "plain-server");
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(MutualTls.context(serverFiles[0], serverFiles[1], serverCaFile)));
        https.createContext("/v1/databases", ex -> {
            byte[] body = "{\"databases\":[{\"id\":\"storefront\",\"state\":\"available\",\"updated_at\":\"2026-12-03T10:05:00Z\",\"instances\":[]}]}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        https.start();
        try {
            CliTest.Run r = CliTest.run("databases", "--server", "https://127.0.0.1:" + https.getAddress().getPort(),
                    "--ca-cert", serverCaFile.toString());
            assertThat(r.exit()).as(r.all()).isZero();
            assertThat(r.out().split("\\R")).containsExactly(
                    "DATABASE    STATE      INSTANCES  UPDATED",
                    "storefront  available  0          2026-12-03T10:05:00Z");
        } finally {
            https.stop(0);
        }
    }
}
