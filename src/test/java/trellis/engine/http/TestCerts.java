package trellis.engine.http;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A CA, and certificates it signs, made at run time: no key is ever committed. */
public final class TestCerts {
    public record Issued(KeyPair keys, X509Certificate cert) {
        /** Writes cert.pem and key.pem (PKCS#8) under dir/name-*.pem. */
        public Path[] write(Path dir, String name) throws IOException {
            Path c = dir.resolve(name + "-cert.pem");
            Path k = dir.resolve(name + "-key.pem");
            Files.writeString(c, pem(cert));
            Files.writeString(k, pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(keys.getPrivate(), null).generate()));
            return new Path[] {c, k};
        }
    }

    private final Issued ca;

    public TestCerts(String name) throws Exception {
        KeyPair keys = ecKeys();
        X500Name subject = new X500Name("CN=" + name);
        var b = new JcaX509v3CertificateBuilder(subject, serial(), from(), to(), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        this.ca = new Issued(keys, sign(b, keys));
    }

    public Issued ca() {
        return ca;
    }

    public Issued server() throws Exception {
        return issue("trellis-serve", KeyPurposeId.id_kp_serverAuth,
                new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")}));
    }

    public Issued client(String cn) throws Exception {
        return issue(cn, KeyPurposeId.id_kp_clientAuth, null);
    }

    /** A client certificate that expired an hour ago ({@link #EXPIRED_AT}). */
    public Issued expiredClient(String cn) throws Exception {
        return issue(cn, KeyPurposeId.id_kp_clientAuth, null, Date.from(EXPIRED_AT.minus(Duration.ofDays(30))), Date.from(EXPIRED_AT));
    }

    /** A server certificate for localhost and 127.0.0.1 that expired at {@link #EXPIRED_AT}. */
    public Issued expiredServer() throws Exception {
        return issue("trellis-serve", KeyPurposeId.id_kp_serverAuth, loopback(),
                Date.from(EXPIRED_AT.minus(Duration.ofDays(30))), Date.from(EXPIRED_AT));
    }

    /** A server certificate for the one DNS name given (and no IP address). */
    public Issued serverNamed(String dnsName) throws Exception {
        return issue(dnsName, KeyPurposeId.id_kp_serverAuth, new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
    }

    /** When the expired certificates ran out: a whole second, an hour before the test runs. */
    public static final Instant EXPIRED_AT = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private static GeneralNames loopback() {
        return new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")});
    }

    private Issued issue(String cn, KeyPurposeId purpose, GeneralNames san) throws Exception {
        return issue(cn, purpose, san, from(), to());
    }

    private Issued issue(String cn, KeyPurposeId purpose, GeneralNames san, Date notBefore, Date notAfter) throws Exception {
        KeyPair keys = ecKeys();
        org.bouncycastle.cert.X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(ca.cert().getSubjectX500Principal().getName()), serial(), notBefore, notAfter,
                new X500Name("CN=" + cn), keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        if (san != null) {
            b.addExtension(Extension.subjectAlternativeName, false, san);
        }
        return new Issued(keys, sign(b, ca.keys()));
    }

    /** A client's context: presents {@code self} (or nothing when null), trusts {@code serverCa}. */
    public static SSLContext clientContext(Issued self, X509Certificate serverCa) throws Exception {
        char[] pass = "test".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        if (self != null) {
            ks.setKeyEntry("me", self.keys().getPrivate(), pass, new java.security.cert.Certificate[] {self.cert()});
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pass);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", serverCa);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }

    public static String pem(Object o) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(o);
        }
        return w.toString();
    }

    private static X509Certificate sign(org.bouncycastle.cert.X509v3CertificateBuilder b, KeyPair signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }

    private static Date from() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date to() {
        return Date.from(Instant.now().plus(Duration.ofDays(1)));
    }
}
