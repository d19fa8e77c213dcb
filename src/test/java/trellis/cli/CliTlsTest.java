package trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import trellis.engine.http.ApiServer;
import trellis.engine.http.InMemoryControlPlane;
import trellis.engine.http.MutualTls;
import trellis.engine.http.ServeToken;
import trellis.engine.http.TestCerts;

/** --ca-cert, --client-cert and --client-key against a real server with mutual TLS (certificates made in the test). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CliTlsTest {
    @TempDir
    Path dir;
    ApiServer server;
    Path tokenFile;
    TestCerts serverCa;
    TestCerts clientCa;

    @BeforeEach
    void start() throws Exception {
        serverCa = new TestCerts("server CA");
        clientCa = new TestCerts("client CA");
        Path[] serverFiles = serverCa.server().write(dir, "server");
        Path clientCaFile = Files.writeString(dir.resolve("client-ca.pem"), TestCerts.pem(clientCa.ca().cert()));
        String token = ServeToken.generate();
        tokenFile = Files.writeString(dir.resolve("serve.token"), token);
        server = new ApiServer(new InMemoryControlPlane(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ApiServer.Options.withToken(token).mutualTls(MutualTls.context(serverFiles[0], serverFiles[1], clientCaFile))).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    CliTest.Run databases(Path ca) throws Exception {
        Path[] client = clientCa.client("alice").write(dir, "alice");
        return CliTest.run("databases", "--server", url(), "--token-file", tokenFile.toString(),
                "--ca-cert", ca.toString(), "--client-cert", client[0].toString(), "--client-key", client[1].toString());
    }

    String url() {
        return "https://127.0.0.1:" + server.port();
    }

    @Test
    void theRightCertificatesGetAnAnswer() throws Exception {
        CliTest.Run r = databases(Files.writeString(dir.resolve("server-ca.pem"), TestCerts.pem(serverCa.ca().cert())));
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out().split("\\R")).containsExactly("No databases on Control Plane at 127.0.0.1:" + server.port() + ".");
    }

    @Test
    void aServerSignedByAnotherCaIsSaidInWords() throws Exception {
        CliTest.Run r = databases(Files.writeString(dir.resolve("other-ca.pem"), TestCerts.pem(new TestCerts("other").ca().cert())));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().split("\\R")).containsExactly("databases: TLS with " + url() + " failed: the server's certificate is not signed by the CA in "
                + dir.resolve("other-ca.pem") + " (unknown CA); choose the CA certificate that issued the Control Plane's server certificate");
    }
}
