package trellis.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import trellis.engine.ControlPlaneException;

/** serve's mutual TLS: PEM files read as serve reads them, a client certificate signed by the client CA or no answer at all. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MutualTlsTest {
    @TempDir
    Path dir;
    TestCerts serverCa;
    TestCerts clientCa;
    ApiServer server;
    InMemoryControlPlane backend = new InMemoryControlPlane();
    final String token = ServeToken.generate();

    @BeforeEach
    void start() throws Exception {
        serverCa = new TestCerts("server CA");
        clientCa = new TestCerts("client CA");
        Path[] serverFiles = serverCa.server().write(dir, "server");
        Path caFile = Files.writeString(dir.resolve("client-ca.pem"), TestCerts.pem(clientCa.ca().cert()));
        server = new ApiServer(backend, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ApiServer.Options.withToken(token).mutualTls(MutualTls.context(serverFiles[0], serverFiles[1], caFile))).start();
        assertThat(server.scheme()).isEqualTo("https");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    RestControlPlane client(TestCerts.Issued cert) throws Exception {
        return new RestControlPlane(URI.create("https://127.0.0.1:" + server.port()), TestCerts.clientContext(cert, serverCa.ca().cert()),
                Duration.ofSeconds(5), Duration.ofSeconds(10), token);
    }

    @Test
    void theRightClientCertificateIsAccepted() throws Exception {
        assertThat(client(clientCa.client("alice")).databases()).isEmpty();
        assertThat(client(clientCa.client("alice")).hosts()).hasSize(3);
    }

    @Test
    void noClientCertificateOrOneFromAnotherCaIsRefused() throws Exception {
        assertThatThrownBy(() -> client(null).databases()).isInstanceOf(ControlPlaneException.class);
        assertThatThrownBy(() -> client(new TestCerts("another CA").client("mallory")).databases()).isInstanceOf(ControlPlaneException.class);
        assertThatThrownBy(() -> client(serverCa.client("signed by the server CA")).databases()).isInstanceOf(ControlPlaneException.class);
        // plain HTTP to the TLS port gets nothing either
        assertThatThrownBy(() -> new RestControlPlane(URI.create("http://127.0.0.1:" + server.port()), token).databases())
                .isInstanceOf(ControlPlaneException.class);
        assertThat(backend.specs).isEmpty();
    }

    @Test
    void theTokenIsStillNeededWithTheCertificate() throws Exception {
        var noToken = new RestControlPlane(URI.create("https://127.0.0.1:" + server.port()),
                TestCerts.clientContext(clientCa.client("alice"), serverCa.ca().cert()), Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThatThrownBy(noToken::databases).isInstanceOfSatisfying(ControlPlaneException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void unusablePemFilesAreNamedInTheError() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a pem\n");
        Path[] serverFiles = serverCa.server().write(dir, "other");
        assertThatThrownBy(() -> MutualTls.context(serverFiles[0], junk, serverFiles[0]))
                .isInstanceOf(MutualTls.Unusable.class).hasMessageContaining("junk.pem");
        assertThatThrownBy(() -> MutualTls.context(junk, serverFiles[1], serverFiles[0]))
                .isInstanceOf(MutualTls.Unusable.class).hasMessageContaining("junk.pem");
    }
}
