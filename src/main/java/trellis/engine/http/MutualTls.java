package trellis.engine.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Mutual TLS as the Control Plane does it: a certificate and key (PEM) to present, and a CA
 * (PEM) the other side's certificate must be signed by.
 */
public final class MutualTls {
    private MutualTls() {
    }

    /** Thrown with a message that names the file and what is wrong with it. */
    public static final class Unusable extends Exception {
        Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** For a server: presents {@code cert}/{@code key}, and trusts client certificates signed by {@code clientCa}. */
    public static SSLContext context(Path cert, Path key, Path ca) throws Unusable {
        List<X509Certificate> chain = certificates(cert);
        PrivateKey privateKey = privateKey(key);
        List<X509Certificate> cas = certificates(ca);
        try {
            char[] pass = "in-memory".toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("self", privateKey, pass, chain.toArray(Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pass);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                trust.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new Unusable("the key " + key + " does not fit the certificate " + cert + ": " + e.getMessage(), e);
        }
    }

    /**
     * For a client of the Control Plane: presents {@code clientCert}/{@code clientKey} when given
     * (both or neither), and trusts servers signed by {@code ca}, or by the JDK's own CAs when
     * {@code ca} is null. {@link ClientTls} also says why a connection made with it failed.
     */
    public static SSLContext clientContext(Path clientCert, Path clientKey, Path ca) throws Unusable {
        return ClientTls.of(clientCert, clientKey, ca).context();
    }

    static List<X509Certificate> certificates(Path pem) throws Unusable {
        missing(pem);
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new Unusable(pem + " holds no certificate; give a PEM file with -----BEGIN CERTIFICATE-----", null);
            }
            return out;
        } catch (IOException | GeneralSecurityException e) {
            throw new Unusable("cannot read certificates from " + pem + ": " + e.getMessage()
                    + "; give a PEM file with -----BEGIN CERTIFICATE-----", e);
        }
    }

    /** A file that is not there, named with the way out, before anything tries to read it. */
    private static void missing(Path pem) throws Unusable {
        if (!Files.isRegularFile(pem)) {
            throw new Unusable(pem + " does not exist or is not a file; give the path of a PEM file", null);
        }
    }

    static PrivateKey privateKey(Path pem) throws Unusable {
        missing(pem);
        try (Reader r = Files.newBufferedReader(pem, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(r)) {
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PEMKeyPair kp) {
                    return conv.getKeyPair(kp).getPrivate();
                }
                if (o instanceof PrivateKeyInfo info) {
                    return conv.getPrivateKey(info);
                }
                if (o.getClass().getSimpleName().contains("Encrypted")) {
                    throw new Unusable(pem + " is an encrypted key; Trellis reads unencrypted keys only"
                            + " (decrypt it with: openssl pkey -in " + pem + " -out KEY.pem, and keep that file 0600)", null);
                }
            }
            throw new Unusable(pem + " holds no private key; give a PEM file with -----BEGIN PRIVATE KEY----- (or RSA/EC PRIVATE KEY)", null);
        } catch (IOException e) {
            throw new Unusable("cannot read the key " + pem + ": " + e.getMessage(), e);
        }
    }
}
