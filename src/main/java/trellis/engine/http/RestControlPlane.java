package trellis.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.spec.Cluster;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.Host;
import trellis.spec.Json;
import trellis.spec.Task;
import trellis.spec.TaskLog;
import trellis.spec.UpdateDatabaseRequest;

/**
 * The pgEdge Control Plane over its REST API ({@code /v1}, JSON). Request bodies are never
 * logged: they carry passwords and keys.
 */
public final class RestControlPlane implements ControlPlane {
    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    /** Sent as Authorization: Bearer (trellis serve demands one); never logged. */
    private final String bearerToken;
    private final Duration connectTimeout;
    /** Waits before each retry of a GET whose connection failed; writes are never retried. */
    private volatile List<Duration> retryDelays = DEFAULT_RETRY_DELAYS;

    /** 3 more tries after the first, 200, 400 and 800 ms apart. */
    public static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
    /** The client side of mutual TLS, which also says why a handshake failed; null for plain HTTP or a bare SSLContext. */
    private final ClientTls tls;

    public RestControlPlane(URI base) {
        this(base, (SSLContext) null, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    public RestControlPlane(URI base, String bearerToken) {
        this(base, (SSLContext) null, Duration.ofSeconds(5), Duration.ofSeconds(30), bearerToken);
    }

    /**
     * @param sslContext for mutual TLS (client certificate + CA), or null
     */
    public RestControlPlane(URI base, SSLContext sslContext, Duration connectTimeout, Duration requestTimeout) {
        this(base, sslContext, connectTimeout, requestTimeout, null);
    }

    /**
     * @param sslContext for mutual TLS (client certificate + CA), or null
     * @param bearerToken sent with every request, or null
     */
    public RestControlPlane(URI base, SSLContext sslContext, Duration connectTimeout, Duration requestTimeout, String bearerToken) {
        this(base, sslContext, null, connectTimeout, requestTimeout, bearerToken);
    }

    /** With a profile's TLS: a TLS failure is told as what it is (unknown CA, expired, wrong host name, certificate refused). */
    public RestControlPlane(URI base, ClientTls tls, Duration connectTimeout, Duration requestTimeout, String bearerToken) {
        this(base, tls == null ? null : tls.context(), tls, connectTimeout, requestTimeout, bearerToken);
    }

    private RestControlPlane(URI base, SSLContext sslContext, ClientTls tls, Duration connectTimeout, Duration requestTimeout, String bearerToken) {
        this.tls = tls;
        this.bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken.trim();
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1);
        if (sslContext != null) {
            b.sslContext(sslContext);
        }
        this.http = b.build();
        this.timeout = requestTimeout;
        this.connectTimeout = connectTimeout;
    }

    /** How long to wait before each retry of a GET that got no answer (empty: never retry). */
    public RestControlPlane retryDelays(List<Duration> delays) {
        this.retryDelays = List.copyOf(delays);
        return this;
    }

    /** What the sources tree calls it: a profile's name, else the address. */
    private volatile String name;

    /** Named as its profile is; answers itself. */
    public RestControlPlane named(String profileName) {
        this.name = profileName;
        return this;
    }

    /**
     * A client for a connection profile: its TLS files read (PEM), its timeouts, and the bearer
     * token to send (or null). A file that cannot be used is named in the exception.
     */
    public static RestControlPlane of(trellis.engine.ConnectionProfile profile, String bearerToken) throws MutualTls.Unusable {
        ClientTls tls = profile.tls() ? ClientTls.of(profile.clientCertPath(), profile.clientKeyPath(), profile.caPath()) : null;
        return new RestControlPlane(profile.uri(), tls, profile.connectTimeout(), profile.requestTimeout(), bearerToken).named(profile.name());
    }

    @Override
    public String displayName() {
        String n = name;
        return n != null ? n : "Control Plane at " + base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
    }

    public URI base() {
        return base;
    }

    /** GET /v1/version: the API server's version. */
    @Override
    public String serverVersion() throws ControlPlaneException {
        return get("/v1/version").path("version").asText("");
    }

    @Override
    public Cluster cluster() throws ControlPlaneException {
        return as(get("/v1/cluster"), Cluster.class);
    }

    @Override
    public List<Host> hosts() throws ControlPlaneException {
        return list(get("/v1/hosts").path("hosts"), Host.class);
    }

    @Override
    public List<Database> databases() throws ControlPlaneException {
        return list(get("/v1/databases").path("databases"), Database.class);
    }

    @Override
    public Database database(String databaseId) throws ControlPlaneException {
        return as(get("/v1/databases/" + seg(databaseId)), Database.class);
    }

    @Override
    public Task createDatabase(CreateDatabaseRequest request) throws ControlPlaneException {
        return task(send("POST", "/v1/databases", request));
    }

    @Override
    public Task updateDatabase(String databaseId, UpdateDatabaseRequest request) throws ControlPlaneException {
        return task(send("POST", "/v1/databases/" + seg(databaseId), request));
    }

    @Override
    public Task deleteDatabase(String databaseId) throws ControlPlaneException {
        return task(send("DELETE", "/v1/databases/" + seg(databaseId), null));
    }

    @Override
    public Task task(String databaseId, String taskId) throws ControlPlaneException {
        return as(get("/v1/databases/" + seg(databaseId) + "/tasks/" + seg(taskId)), Task.class);
    }

    @Override
    public TaskLog taskLog(String databaseId, String taskId, String afterEntryId) throws ControlPlaneException {
        String q = afterEntryId == null ? "" : "?after_entry_id=" + URLEncoder.encode(afterEntryId, StandardCharsets.UTF_8);
        return as(get("/v1/databases/" + seg(databaseId) + "/tasks/" + seg(taskId) + "/log" + q), TaskLog.class);
    }

    /** GET tasks: the database's tasks, newest first, as the Control Plane lists them (sort_order=desc). */
    @Override
    public List<Task> tasks(String databaseId) throws ControlPlaneException {
        return list(get("/v1/databases/" + seg(databaseId) + "/tasks?sort_order=desc").path("tasks"), Task.class);
    }

    @Override
    public boolean canCancelTasks() {
        return true;
    }

    /** The contract makes cancel a GET; it changes a task, so it is sent once, never retried. */
    @Override
    public Task cancelTask(String databaseId, String taskId) throws ControlPlaneException {
        return task(send("GET", "/v1/databases/" + seg(databaseId) + "/tasks/" + seg(taskId) + "/cancel", null, false));
    }

    /** The answer in the record's shape, or a clear error when the server sent another shape. */
    private static <T> T as(JsonNode node, Class<T> type) throws ControlPlaneException {
        try {
            return Json.convert(node, type);
        } catch (IllegalArgumentException e) {
            throw new ControlPlaneException(200, "bad_response", "the answer does not have the API's shape for "
                    + type.getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static Task task(JsonNode response) throws ControlPlaneException {
        JsonNode t = response.has("task") ? response.get("task") : response;
        return as(t, Task.class);
    }

    private JsonNode get(String path) throws ControlPlaneException {
        return send("GET", path, null, true);
    }

    private JsonNode send(String method, String path, Object body) throws ControlPlaneException {
        return send(method, path, body, false);
    }

    /** Sends once, or for a read ({@code retry}) again after each of the retry delays while the connection fails. */
    private JsonNode send(String method, String path, Object body, boolean retry) throws ControlPlaneException {
        List<Duration> delays = retry ? retryDelays : List.of();
        for (int attempt = 0; ; attempt++) {
            try {
                return sendOnce(method, path, body);
            } catch (Unanswered e) {
                ErrorWords.Failure kind = ErrorWords.kind(e.cause);
                if (attempt >= delays.size() || !kind.retriable()) {
                    IOException why = e.cause;
                    Duration ran = why instanceof java.net.http.HttpConnectTimeoutException ? connectTimeout : timeout;
                    throw new ControlPlaneException(ErrorWords.failure(base, ran, why), why);
                }
                try {
                    Thread.sleep(delays.get(attempt).toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new ControlPlaneException("interrupted while calling " + base, ie);
                }
            }
        }
    }

    /** A request that got no answer: only {@link #send} decides whether to try again. */
    private static final class Unanswered extends Exception {
        final IOException cause;

        Unanswered(IOException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private JsonNode sendOnce(String method, String path, Object body) throws ControlPlaneException, Unanswered {
        URI uri = URI.create(base + path);
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        if (bearerToken != null) {
            rb.header("Authorization", "Bearer " + bearerToken);
        }
        if (body != null) {
            rb.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        } else {
            rb.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> resp;
        try {
            resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            java.util.Optional<String> why = tls == null ? java.util.Optional.empty() : tls.explain(e, base);
            if (why.isPresent()) {
                throw new ControlPlaneException(0, "tls", "TLS with " + base + " failed: " + why.get());
            }
            throw new Unanswered(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlPlaneException("interrupted while calling " + base, e);
        }
        JsonNode json;
        try {
            json = resp.body() == null || resp.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.parse(resp.body());
        } catch (IOException e) {
            throw new ControlPlaneException(resp.statusCode(), "bad_response",
                    method + " " + path + " answered HTTP " + resp.statusCode() + " with a body that is not JSON");
        }
        if (resp.statusCode() >= 400) {
            String name = json.path("name").asText("http_" + resp.statusCode());
            String message = json.path("message").asText("");
            throw new ControlPlaneException(resp.statusCode(), name, ErrorWords.answer(method, path, resp.statusCode(), name, message));
        }
        return json;
    }

    private static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <T> List<T> list(JsonNode arr, Class<T> type) throws ControlPlaneException {
        List<T> out = new ArrayList<>();
        if (arr.isArray()) {
            for (JsonNode n : arr) {
                out.add(as(n, type));
            }
        }
        return out;
    }
}
