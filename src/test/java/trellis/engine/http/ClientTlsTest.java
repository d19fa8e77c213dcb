package trellis.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * The console's side of mutual TLS against a JDK HTTPS server that demands a client certificate,
 * with certificates made in the test: the right one is accepted; every refusal says what it is.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientTlsTest {
    @TempDir
    Path dir;
    TestCerts serverCa;
    TestCerts clientCa;
    Path ca;
    Path clientCaFile;
    Path[] alice;
    ContractTestServer server;

    @BeforeEach
    void start() throws Exception {
        serverCa = new TestCerts("server CA");
        clientCa = new TestCerts("client CA");
        ca = Files.writeString(dir.resolve("ca.pem"), TestCerts.pem(serverCa.ca().cert()));
        clientCaFile = Files.writeString(dir.resolve("client-ca.pem"), TestCerts.pem(clientCa.ca().cert()));
        alice = clientCa.client("alice").write(dir, "alice");
        server = serve(serverCa.server());
    }

    ContractTestServer serve(TestCerts.Issued serverCert) throws Exception {
        Path[] files = serverCert.write(dir, "server-" + System.nanoTime());
        return new ContractTestServer(MutualTls.context(files[0], files[1], clientCaFile));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static RestControlPlane client(URI uri, ClientTls tls) {
        return new RestControlPlane(uri, tls, Duration.ofSeconds(5), Duration.ofSeconds(10), null);
    }

    String failure(URI uri, ClientTls tls) {
        try {
            client(uri, tls).serverVersion();
        } catch (ControlPlaneException e) {
            assertThat(e.name()).isEqualTo("tls");
            return e.getMessage();
        }
        throw new AssertionError("the server answered");
    }

    @Test
    void theRightClientCertificateIsAccepted() throws Exception {
        RestControlPlane cp = client(server.uri(), ClientTls.of(alice[0], alice[1], ca));
        assertThat(cp.serverVersion()).isEqualTo("0.9.0");
        assertThat(cp.cluster().id()).isEqualTo("cluster-test");
        assertThat(server.requests).containsExactly("GET /v1/version", "GET /v1/cluster");
    }

    @Test
    void withoutAClientCertificateTheServerRefuses() throws Exception {
        assertThat(failure(server.uri(), ClientTls.of(null, null, ca))).isEqualTo("TLS with " + server.uri() + " failed: "
                + "the server asks for a client certificate and none is set (client certificate refused); "
                + "choose the client certificate and key the Control Plane's CA issued");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void anExpiredClientCertificateIsRefusedAndSaidToBeExpired() throws Exception {
        Path[] old = clientCa.expiredClient("old alice").write(dir, "old");
        assertThat(failure(server.uri(), ClientTls.of(old[0], old[1], ca))).isEqualTo("TLS with " + server.uri() + " failed: "
                + "the server refused the client certificate " + old[0] + ": it expired on "
                + ClientTls.WHEN.format(TestCerts.EXPIRED_AT) + " (client certificate refused); ask for a new one");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefused() throws Exception {
        Path[] mallory = new TestCerts("another CA").client("mallory").write(dir, "mallory");
        assertThat(failure(server.uri(), ClientTls.of(mallory[0], mallory[1], ca))).isEqualTo("TLS with " + server.uri() + " failed: "
                + "the server refused the client certificate " + mallory[0] + ", issued by CN=another CA (client certificate refused); "
                + "choose one issued by the CA the Control Plane trusts for clients");
    }

    @Test
    void aServerSignedByAnUnknownCaIsNamed() throws Exception {
        Path other = Files.writeString(dir.resolve("other-ca.pem"), TestCerts.pem(new TestCerts("other CA").ca().cert()));
        assertThat(failure(server.uri(), ClientTls.of(alice[0], alice[1], other))).isEqualTo("TLS with " + server.uri() + " failed: "
                + "the server's certificate is not signed by the CA in " + other
                + " (unknown CA); choose the CA certificate that issued the Control Plane's server certificate");
        assertThat(failure(server.uri(), ClientTls.of(alice[0], alice[1], null))).isEqualTo("TLS with " + server.uri() + " failed: "
                + "the server's certificate is not signed by a CA this Java trusts"
                + " (unknown CA); choose the CA certificate that issued the Control Plane's server certificate");
    }

    @Test
    void anExpiredServerCertificateIsNamed() throws Exception {
        server.close();
        server = serve(serverCa.expiredServer());
        assertThat(failure(server.uri(), ClientTls.of(alice[0], alice[1], ca))).isEqualTo("TLS with " + server.uri() + " failed: "
                + "the server's certificate has expired (expired certificate on " + ClientTls.WHEN.format(TestCerts.EXPIRED_AT)
                + "); renew it on the Control Plane, or check this machine's clock");
    }

    @Test
    void aCertificateForAnotherNameIsNamed() throws Exception {
        server.close();
        server = serve(serverCa.serverNamed("cp.example.com"));
        assertThat(failure(server.uri(), ClientTls.of(alice[0], alice[1], ca))).isEqualTo("TLS with " + server.uri() + " failed: "
                + "the server's certificate is not made out to 127.0.0.1 (wrong host name); "
                + "connect with a name the certificate holds, or have it reissued for this one");
        assertThat(failure(server.localhostUri(), ClientTls.of(alice[0], alice[1], ca))).isEqualTo("TLS with " + server.localhostUri()
                + " failed: the server's certificate is not made out to localhost (wrong host name); "
                + "connect with a name the certificate holds, or have it reissued for this one");
    }

    @Test
    void mutualTlsClientContextWorksOnItsOwn() throws Exception {
        var cp = new RestControlPlane(server.uri(), MutualTls.clientContext(alice[0], alice[1], ca), Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(cp.serverVersion()).isEqualTo("0.9.0");
        // CA only: the server still wants a certificate
        var caOnly = new RestControlPlane(server.uri(), MutualTls.clientContext(null, null, ca), Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThatThrownBy(caOnly::serverVersion).isInstanceOf(ControlPlaneException.class);
    }

    @Test
    void aCertificateWithoutItsKeyIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> ClientTls.of(alice[0], null, ca)).isInstanceOf(MutualTls.Unusable.class)
                .hasMessage("a client certificate (" + alice[0] + ") without its key; give the client key too, or neither");
        assertThatThrownBy(() -> MutualTls.clientContext(null, alice[1], ca)).isInstanceOf(MutualTls.Unusable.class)
                .hasMessage("a client key (" + alice[1] + ") without its certificate; give the client certificate too, or neither");
    }

    @Test
    void aFileThatIsNotThereIsNamed() {
        Path none = dir.resolve("none.pem");
        assertThatThrownBy(() -> ClientTls.of(null, null, none)).isInstanceOf(MutualTls.Unusable.class)
                .hasMessage(none + " does not exist or is not a file; give the path of a PEM file");
        assertThatThrownBy(() -> ClientTls.of(alice[0], none, ca)).isInstanceOf(MutualTls.Unusable.class)
                .hasMessage(none + " does not exist or is not a file; give the path of a PEM file");
    }
}
