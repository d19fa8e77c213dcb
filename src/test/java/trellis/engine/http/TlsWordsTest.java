package trellis.engine.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import trellis.engine.ControlPlaneException;

/** Each TLS failure of a real handshake (certificates made here) named in words, from the exception's cause chain. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsWordsTest {
    @TempDir
    Path dir;
    TestCerts serverCa;
    TestCerts clientCa;
    ApiServer server;
    final String token = ServeToken.generate();

    @BeforeEach
    void certificates() throws Exception {
        serverCa = new TestCerts("server CA");
        clientCa = new TestCerts("client CA");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String serve(TestCerts.Issued serverCert) throws Exception {
        Path[] files = serverCert.write(dir, "server");
        Path clientCaFile = Files.writeString(dir.resolve("client-ca.pem"), TestCerts.pem(clientCa.ca().cert()));
        server = new ApiServer(new InMemoryControlPlane(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ApiServer.Options.withToken(token).mutualTls(MutualTls.context(files[0], files[1], clientCaFile))).start();
        return "https://127.0.0.1:" + server.port();
    }

    private RestControlPlane client(String url, SSLContext tls) {
        return new RestControlPlane(URI.create(url), tls, Duration.ofSeconds(5), Duration.ofSeconds(10), token).retryDelays(List.of());
    }

    private void says(RestControlPlane cp, String words) {
        assertThatThrownBy(cp::databases).isInstanceOf(ControlPlaneException.class).hasMessage(words);
    }

    @Test
    void aServerSignedByAnUnknownCa() throws Exception {
        String url = serve(serverCa.server());
        says(client(url, TestCerts.clientContext(clientCa.client("alice"), new TestCerts("some other CA").ca().cert())),
                url + ": the server's certificate is not signed by a CA you trust (unknown CA); give the CA certificate that signed it");
    }

    @Test
    void anExpiredServerCertificate() throws Exception {
        String url = serve(issue(serverCa, "cp", KeyPurposeId.id_kp_serverAuth, "127.0.0.1", true));
        says(client(url, TestCerts.clientContext(clientCa.client("alice"), serverCa.ca().cert())),
                url + ": the server's certificate has expired (expired certificate); the server needs a new one");
    }

    @Test
    void aServerCertificateForAnotherName() throws Exception {
        String url = serve(issue(serverCa, "cp", KeyPurposeId.id_kp_serverAuth, "cp.example", false));
        says(client(url, TestCerts.clientContext(clientCa.client("alice"), serverCa.ca().cert())),
                url + ": the server's certificate is not made out to '127.0.0.1' (wrong host name); connect by a name the certificate lists");
    }

    /**
     * The Control Plane (Go) sends its alert when it refuses a client certificate; the JDK's HttpsServer
     * only closes the connection. So these cases shake hands with a TLS server that, like Go's,
     * says why: an SSLServerSocket that needs a client certificate of the client CA.
     */
    private String serveWithAlerts(TestCerts.Issued serverCert) throws Exception {
        Path[] files = serverCert.write(dir, "server");
        Path clientCaFile = Files.writeString(dir.resolve("client-ca.pem"), TestCerts.pem(clientCa.ca().cert()));
        alerting = new AlertingTlsServer(MutualTls.context(files[0], files[1], clientCaFile));
        return "https://127.0.0.1:" + alerting.port();
    }

    AlertingTlsServer alerting;

    @AfterEach
    void stopAlerting() throws Exception {
        if (alerting != null) {
            alerting.close();
        }
    }

    @Test
    void theRightClientCertificateGetsAnAnswerFromTheAlertingServer() throws Exception {
        String url = serveWithAlerts(serverCa.server());
        org.assertj.core.api.Assertions.assertThat(client(url, TestCerts.clientContext(clientCa.client("alice"), serverCa.ca().cert())).databases()).isEmpty();
    }

    @Test
    void noClientCertificateOrOneTheServerDoesNotTrust() throws Exception {
        String url = serveWithAlerts(serverCa.server());
        String refused = url + " refused your client certificate (client certificate refused); give a certificate and key signed by the CA the server trusts";
        says(client(url, TestCerts.clientContext(null, serverCa.ca().cert())), refused);
        says(client(url, TestCerts.clientContext(new TestCerts("another CA").client("mallory"), serverCa.ca().cert())), refused);
    }

    @Test
    void anExpiredClientCertificate() throws Exception {
        String url = serveWithAlerts(serverCa.server());
        says(client(url, TestCerts.clientContext(issue(clientCa, "alice", KeyPurposeId.id_kp_clientAuth, null, true), serverCa.ca().cert())),
                url + " refused your client certificate (client certificate refused); give a certificate and key signed by the CA the server trusts");
    }

    /** A certificate of {@code ca}, for {@code ipOrName} (null: none), valid now or expired yesterday. */
    private static TestCerts.Issued issue(TestCerts ca, String cn, KeyPurposeId purpose, String ipOrName, boolean expired) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = g.generateKeyPair();
        Instant now = Instant.now();
        Date from = Date.from(now.minus(Duration.ofDays(expired ? 30 : 1)));
        Date to = Date.from(expired ? now.minus(Duration.ofDays(1)) : now.plus(Duration.ofDays(1)));
        var b = new JcaX509v3CertificateBuilder(new X500Name(ca.ca().cert().getSubjectX500Principal().getName()),
                new BigInteger(64, new SecureRandom()), from, to, new X500Name("CN=" + cn), keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        if (ipOrName != null) {
            int type = ipOrName.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName;
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(type, ipOrName)));
        }
        var cert = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.ca().keys().getPrivate())));
        return new TestCerts.Issued(keys, cert);
    }
}
