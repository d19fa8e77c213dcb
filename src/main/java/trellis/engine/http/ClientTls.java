package trellis.engine.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * The client side of the Control Plane's mutual TLS: a CA to check the server's certificate
 * against, and a client certificate and key (PEM) to present. It remembers whether the server
 * asked for a client certificate, because a server that refuses one under TLS 1.3 just closes the
 * connection, and only that memory turns "no bytes received" into "client certificate refused".
 */
public final class ClientTls {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path clientCert;
    private final Path ca;
    private final X509Certificate presented;
    private final SSLContext context;
    private volatile boolean askedForClientCert;

    private ClientTls(Path clientCert, Path ca, X509Certificate presented, SSLContext context) {
        this.clientCert = clientCert;
        this.ca = ca;
        this.presented = presented;
        this.context = context;
    }

    /** Reads the PEM files; {@code clientCert} and {@code clientKey} come both or neither, {@code ca} null trusts the JDK's CAs. */
    public static ClientTls of(Path clientCert, Path clientKey, Path ca) throws MutualTls.Unusable {
        if ((clientCert == null) != (clientKey == null)) {
            throw new MutualTls.Unusable(clientCert == null
                    ? "a client key (" + clientKey + ") without its certificate; give the client certificate too, or neither"
                    : "a client certificate (" + clientCert + ") without its key; give the client key too, or neither", null);
        }
        X509Certificate presented = null;
        try {
            X509KeyManager keys = null;
            if (clientCert != null) {
                List<X509Certificate> chain = MutualTls.certificates(clientCert);
                presented = chain.get(0);
                PrivateKey privateKey = MutualTls.privateKey(clientKey);
                char[] pass = "in-memory".toCharArray();
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                try {
                    ks.setKeyEntry("self", privateKey, pass, chain.toArray(Certificate[]::new));
                } catch (GeneralSecurityException e) {
                    throw new MutualTls.Unusable("the key " + clientKey + " does not fit the certificate " + clientCert + ": " + e.getMessage(), e);
                }
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pass);
                keys = (X509KeyManager) kmf.getKeyManagers()[0];
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (ca == null) {
                tmf.init((KeyStore) null);
            } else {
                List<X509Certificate> cas = MutualTls.certificates(ca);
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                for (int i = 0; i < cas.size(); i++) {
                    trust.setCertificateEntry("ca-" + i, cas.get(i));
                }
                tmf.init(trust);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ClientTls tls = new ClientTls(clientCert, ca, presented, ctx);
            ctx.init(new X509ExtendedKeyManager[] {tls.new Asked(keys)}, tmf.getTrustManagers(), new SecureRandom());
            return tls;
        } catch (GeneralSecurityException | IOException e) {
            throw new MutualTls.Unusable("cannot make a TLS context from " + clientCert + ", " + clientKey + " and " + ca + ": " + e.getMessage(), e);
        }
    }

    public SSLContext context() {
        return context;
    }

    /**
     * What went wrong in TLS with {@code server}, in one sentence that names the problem (unknown
     * CA, expired certificate, wrong host name, client certificate refused) and the way out; empty
     * when {@code failure} is not about TLS.
     */
    public Optional<String> explain(Throwable failure, URI server) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return Optional.of("the server's certificate has expired (expired certificate" + notAfter(t.getMessage())
                        + "); renew it on the Control Plane, or check this machine's clock");
            }
            if (t instanceof CertificateNotYetValidException) {
                return Optional.of("the server's certificate is not valid yet (" + t.getMessage()
                        + "); check the clocks of this machine and the server");
            }
        }
        String all = messages(failure);
        if (all.contains("No subject alternative") || all.contains("No name matching")) {
            return Optional.of("the server's certificate is not made out to " + server.getHost()
                    + " (wrong host name); connect with a name the certificate holds, or have it reissued for this one");
        }
        if (all.contains("PKIX path building failed") || all.contains("unable to find valid certification path")) {
            return Optional.of((ca == null ? "the server's certificate is not signed by a CA this Java trusts"
                    : "the server's certificate is not signed by the CA in " + ca)
                    + " (unknown CA); choose the CA certificate that issued the Control Plane's server certificate");
        }
        boolean closed = all.contains("header parser received no bytes") || has(failure, EOFException.class)
                || all.contains("bad_certificate") || all.contains("certificate_required") || all.contains("certificate_unknown")
                || all.contains("Connection reset") || all.contains("Broken pipe");
        if (askedForClientCert && closed) {
            if (presented == null) {
                return Optional.of("the server asks for a client certificate and none is set (client certificate refused); "
                        + "choose the client certificate and key the Control Plane's CA issued");
            }
            if (presented.getNotAfter().toInstant().isBefore(Instant.now())) {
                return Optional.of("the server refused the client certificate " + clientCert + ": it expired on "
                        + WHEN.format(presented.getNotAfter().toInstant()) + " (client certificate refused); ask for a new one");
            }
            return Optional.of("the server refused the client certificate " + clientCert + ", issued by "
                    + presented.getIssuerX500Principal().getName() + " (client certificate refused); "
                    + "choose one issued by the CA the Control Plane trusts for clients");
        }
        if (has(failure, SSLException.class)) {
            SSLException ssl = first(failure, SSLException.class);
            return Optional.of("the TLS handshake failed: " + ssl.getMessage()
                    + (ssl instanceof SSLHandshakeException ? "; check the profile's CA, client certificate and key" : ""));
        }
        return Optional.empty();
    }

    /** " on 2026-12-03 15:19:18 UTC" from the JDK's "NotAfter: Thu Dec 03 15:19:18 UTC 2026", or nothing. */
    private static String notAfter(String message) {
        if (message == null || !message.startsWith("NotAfter: ")) {
            return "";
        }
        try {
            var f = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US);
            return " on " + WHEN.format(f.parse(message.substring("NotAfter: ".length()), java.time.ZonedDateTime::from));
        } catch (RuntimeException e) {
            return " " + message;
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return first(failure, type) != null;
    }

    private static <T extends Throwable> T first(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The key manager that notes the server's request for a client certificate, then answers as the real one would. */
    private final class Asked extends X509ExtendedKeyManager {
        private final X509KeyManager keys;

        Asked(X509KeyManager keys) {
            this.keys = keys;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            askedForClientCert = true;
            return keys instanceof X509ExtendedKeyManager x ? x.chooseEngineClientAlias(keyType, issuers, engine)
                    : keys == null ? null : keys.chooseClientAlias(keyType, issuers, null);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            askedForClientCert = true;
            return keys == null ? null : keys.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return keys == null ? null : keys.getClientAliases(keyType, issuers);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys == null ? null : keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys == null ? null : keys.getPrivateKey(alias);
        }
    }
}
