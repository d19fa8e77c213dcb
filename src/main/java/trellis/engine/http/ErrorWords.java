package trellis.engine.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * What went wrong with a call to the Control Plane, in words a person understands: one message per
 * kind of failure, for the console and the CLI alike. An error answer ({@code {name, message}}) is
 * worded by its status and name; a call that got no answer by its exception's cause chain.
 */
public final class ErrorWords {
    private ErrorWords() {
    }

    /**
     * Why a call got no answer. Only a failure that left the request unanswered may be retried for a
     * GET; a timeout is not: the server may still be working on the first request, and a second
     * one would pile up on a slow server (the poller's backoff waits instead).
     */
    public enum Failure {
        REFUSED(true), TIMEOUT(false), RESET(true), UNKNOWN_HOST(false),
        TLS_UNKNOWN_CA(false), TLS_EXPIRED(false), TLS_CLIENT_EXPIRED(false), TLS_WRONG_HOST(false),
        TLS_CLIENT_REFUSED(false), TLS_NOT_TLS(false), TLS_OTHER(false);

        private final boolean retriable;

        Failure(boolean retriable) {
            this.retriable = retriable;
        }

        /** Whether a GET may be sent again after it (the connection failed, nothing says it will again). */
        public boolean retriable() {
            return retriable;
        }
    }

    /** The words for an error answer of {@code method path}: 409 busy, 404 gone, 400 with the server's words … */
    public static String answer(String method, String path, int status, String name, String message) {
        String subject = subject(path);
        String said = message == null || message.isBlank() ? "no reason given" : message.strip();
        if (status == 409 && ("operation_already_in_progress".equals(name) || "database_not_modifiable".equals(name))) {
            return (subject != null ? subject : "the Control Plane") + " is busy with another task; try again when it ends";
        }
        if (status == 404) {
            return subject != null
                    ? subject + " is gone: the Control Plane does not know it (deleted, or never created)"
                    : "the Control Plane does not know " + method + " " + path + " (HTTP 404): " + said;
        }
        if (status == 400) {
            return "the Control Plane refused the request as invalid: " + said;
        }
        if (status == 401 || status == 403) {
            return "the server refused the credentials (HTTP " + status + "): " + said;
        }
        if (status >= 500) {
            return "the Control Plane failed (HTTP " + status + (name != null ? ", " + name : "") + "): " + said;
        }
        return "the Control Plane answered HTTP " + status + (name != null ? " (" + name + ")" : "") + ": " + said;
    }

    /** The words for a call to {@code base} that got no answer; {@code timeout} is the one that ran out, if it did. */
    public static String failure(URI base, Duration timeout, IOException e) {
        String at = base.getScheme() + "://" + base.getAuthority();
        String host = base.getHost();
        return switch (kind(e)) {
            case REFUSED -> "cannot reach " + at + ": nothing answers there (connection refused); is the Control Plane running, and is the URL right?";
            case TIMEOUT -> at + " did not answer within " + seconds(timeout) + " (timeout): the server or the network is slow or down";
            case RESET -> at + " closed the connection before answering (connection reset): the server, or something between, dropped it";
            case UNKNOWN_HOST -> "cannot reach " + at + ": no host is named '" + host + "' (unknown host); check the URL";
            case TLS_UNKNOWN_CA -> at + ": the server's certificate is not signed by a CA you trust (unknown CA);"
                    + " give the CA certificate that signed it";
            case TLS_EXPIRED -> at + ": the server's certificate has expired (expired certificate); the server needs a new one";
            case TLS_CLIENT_EXPIRED -> at + " refused your client certificate: it has expired (expired certificate); use a current one";
            case TLS_WRONG_HOST -> at + ": the server's certificate is not made out to '" + host + "' (wrong host name);"
                    + " connect by a name the certificate lists";
            case TLS_CLIENT_REFUSED -> at + " refused your client certificate (client certificate refused);"
                    + " give a certificate and key signed by the CA the server trusts";
            case TLS_NOT_TLS -> at + " does not answer TLS; if it serves plain HTTP, use http://" + base.getAuthority();
            case TLS_OTHER -> at + ": the TLS handshake failed: " + deepest(e);
        };
    }

    /** Which kind of failure {@code e} is, from its class and its cause chain. */
    public static Failure kind(IOException e) {
        SSLException ssl = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException s && ssl == null) {
                ssl = s;
            }
            if (t instanceof CertificateExpiredException) {
                return Failure.TLS_EXPIRED;
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return Failure.UNKNOWN_HOST;
            }
        }
        if (ssl != null || mentionsTls(e)) {
            return tls(e);
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
            return Failure.TIMEOUT;
        }
        if (e instanceof ConnectException) {
            return Failure.REFUSED;
        }
        return Failure.RESET;
    }

    private static Failure tls(IOException e) {
        String all = messages(e);
        if (all.contains("certificate_expired")) {
            return Failure.TLS_CLIENT_EXPIRED;
        }
        if (all.contains("no subject alternative") || all.contains("no name matching")) {
            return Failure.TLS_WRONG_HOST;
        }
        if (all.contains("unable to find valid certification path") || all.contains("path building failed")
                || all.contains("path does not chain") || all.contains("signature check failed")) {
            return Failure.TLS_UNKNOWN_CA;
        }
        if (all.contains("bad_certificate") || all.contains("certificate_required") || all.contains("unknown_ca")
                || all.contains("certificate_unknown") || all.contains("access_denied") || all.contains("unsupported_certificate")) {
            return Failure.TLS_CLIENT_REFUSED;
        }
        if (all.contains("unsupported or unrecognized ssl message") || all.contains("plaintext connection")) {
            return Failure.TLS_NOT_TLS;
        }
        return Failure.TLS_OTHER;
    }

    private static boolean mentionsTls(Throwable e) {
        String all = messages(e);
        return all.contains("received fatal alert") || all.contains("certification path");
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            b.append(t.getMessage()).append('\n');
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static String deepest(Throwable e) {
        String last = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                last = t.getMessage();
            }
        }
        return last.lines().findFirst().orElse(last);
    }

    private static String seconds(Duration d) {
        if (d == null) {
            return "the time allowed";
        }
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** "database 'x'", "task 't' of database 'x'", "host 'h'", or null for a path about no one thing. */
    static String subject(String path) {
        String p = path == null ? "" : path.replaceFirst("\\?.*$", "");
        String[] s = p.replaceFirst("^/", "").split("/");
        if (s.length >= 3 && "v1".equals(s[0]) && "databases".equals(s[1])) {
            String db = "database '" + decode(s[2]) + "'";
            if (s.length >= 5 && "tasks".equals(s[3])) {
                return "task '" + decode(s[4]) + "' of " + db;
            }
            if (s.length >= 5 && "instances".equals(s[3])) {
                return "instance '" + decode(s[4]) + "' of " + db;
            }
            return db;
        }
        if (s.length >= 3 && "v1".equals(s[0]) && "hosts".equals(s[1])) {
            return "host '" + decode(s[2]) + "'";
        }
        return null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
