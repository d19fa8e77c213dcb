package trellis.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach one Control Plane: its address, and for mutual TLS the CA certificate, client
 * certificate and client key as PEM file paths, with the timeouts. Paths only: no key, password or
 * token is ever held here, and fields a file has beyond these are dropped when read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionProfile(
        @JsonProperty("name") String name,
        @JsonProperty("url") String url,
        @JsonProperty("ca_cert") String caCert,
        @JsonProperty("client_cert") String clientCert,
        @JsonProperty("client_key") String clientKey,
        @JsonProperty("connect_timeout_seconds") Integer connectTimeoutSeconds,
        @JsonProperty("request_timeout_seconds") Integer requestTimeoutSeconds) {
    public static final int DEFAULT_CONNECT_TIMEOUT = 5;
    public static final int DEFAULT_REQUEST_TIMEOUT = 30;

    public ConnectionProfile {
        name = blankToNull(name);
        url = blankToNull(url);
        caCert = blankToNull(caCert);
        clientCert = blankToNull(clientCert);
        clientKey = blankToNull(clientKey);
    }

    /** A profile of an address alone (plain HTTP, or HTTPS trusting the JDK's CAs), named after its host and port. */
    public static ConnectionProfile ofUrl(String url) {
        URI u = URI.create(url.strip());
        return new ConnectionProfile(u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : ""), url.strip(), null, null, null, null, null);
    }

    /**
     * The first thing wrong, naming the field and the way out; empty when it can be used. Files
     * are only named here, not read: whether they exist is a question for the disk.
     */
    public Optional<String> problem() {
        if (name == null) {
            return Optional.of("Name: enter a name for this profile, such as production");
        }
        if (url == null) {
            return Optional.of("URL: enter the Control Plane's address, such as https://cp.example.com:3000");
        }
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("URL: '" + url + "' is not an address; enter one such as https://cp.example.com:3000");
        }
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
            return Optional.of("URL: '" + url + "' is not an http:// or https:// address; enter one such as https://cp.example.com:3000");
        }
        if ((clientCert == null) != (clientKey == null)) {
            return Optional.of(clientCert == null ? "Client key: given without its certificate; choose the client certificate too, or neither"
                    : "Client certificate: given without its key; choose the client key too, or neither");
        }
        if ((caCert != null || clientCert != null) && !"https".equals(u.getScheme())) {
            return Optional.of("URL: certificates are for https:// addresses; start the URL with https://");
        }
        if (connectTimeoutSeconds != null && (connectTimeoutSeconds < 1 || connectTimeoutSeconds > 600)) {
            return Optional.of("Connect timeout: " + connectTimeoutSeconds + " s is out of range; give 1 to 600 seconds");
        }
        if (requestTimeoutSeconds != null && (requestTimeoutSeconds < 1 || requestTimeoutSeconds > 3600)) {
            return Optional.of("Request timeout: " + requestTimeoutSeconds + " s is out of range; give 1 to 3600 seconds");
        }
        return Optional.empty();
    }

    public URI uri() {
        return URI.create(url);
    }

    public boolean tls() {
        return url != null && url.startsWith("https:");
    }

    public Path caPath() {
        return caCert == null ? null : Path.of(caCert);
    }

    public Path clientCertPath() {
        return clientCert == null ? null : Path.of(clientCert);
    }

    public Path clientKeyPath() {
        return clientKey == null ? null : Path.of(clientKey);
    }

    public Duration connectTimeout() {
        return Duration.ofSeconds(connectTimeoutSeconds == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeoutSeconds);
    }

    public Duration requestTimeout() {
        return Duration.ofSeconds(requestTimeoutSeconds == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeoutSeconds);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
