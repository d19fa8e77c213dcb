package trellis.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.net.InetAddress;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.Json;
import trellis.spec.Secrets;
import trellis.spec.Task;
import trellis.spec.UpdateDatabaseRequest;
import trellis.spec.validation.Problem;
import trellis.spec.validation.SpecValidator;

/**
 * Serves any {@link ControlPlane} (the local engine) behind the pgEdge Control Plane's own
 * {@code /v1} REST API, so that curl, Restish and Trellis's REST client work against it.
 * Requests are validated as the Control Plane validates them; answers never carry a secret.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final ControlPlane backend;
    private final Options options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestGuard guard;
    private final Semaphore working;

    /** What a server accepts. The token is required: there is no unauthenticated server. */
    public static final class Options {
        public static final long DEFAULT_MAX_BODY = 1024 * 1024;
        final String token;
        Set<String> allowedOrigins = Set.of();
        Set<String> allowedHosts = Set.of();
        long maxBody = DEFAULT_MAX_BODY;
        int threads = 8;
        int readers = 64;
        int queue = 256;
        SSLContext tls;

        private Options(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("a bearer token is required");
            }
            this.token = token;
        }

        public static Options withToken(String token) {
            return new Options(token);
        }

        /** Web pages at these origins (scheme://host[:port], exactly) may call the API; no others. */
        public Options allowOrigins(Collection<String> origins) {
            this.allowedOrigins = Set.copyOf(origins);
            return this;
        }

        /** Names (host[:port]) besides the loopback ones and the bound address a Host header may carry. */
        public Options allowHosts(Collection<String> hosts) {
            this.allowedHosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            return this;
        }

        public Options maxBody(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("the body limit must be at least one byte");
            }
            this.maxBody = bytes;
            return this;
        }

        /**
         * HTTPS that demands a client certificate ({@link MutualTls#context}): without one the
         * handshake fails before any request is read.
         */
        public Options mutualTls(SSLContext context) {
            this.tls = context;
            return this;
        }

        /**
         * Requests handled at once ({@code threads}); connections whose request is still being
         * read ({@code readers}: the JDK server reads headers on its executor, so a client that
         * sends half a request holds one until the request time-out); and how many more may wait
         * before connections are closed.
         */
        public Options concurrency(int threads, int readers, int queue) {
            this.threads = threads;
            this.readers = Math.max(readers, threads);
            this.queue = queue;
            return this;
        }
    }

    static {
        // Slow clients: the JDK server reads these once, when its first server is made. A request
        // must arrive within 20 s and be answered within a minute; a connection idle for 30 s is
        // closed, one that never sends a byte too.
        defaultProperty("sun.net.httpserver.maxReqTime", "20");
        defaultProperty("sun.net.httpserver.maxRspTime", "60");
        defaultProperty("sun.net.httpserver.idleInterval", "30");
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    public ApiServer(ControlPlane backend, InetSocketAddress address, String token) throws IOException {
        this(backend, address, Options.withToken(token));
    }

    public ApiServer(ControlPlane backend, InetSocketAddress address, Options options) throws IOException {
        this.backend = backend;
        this.options = options;
        if (options.tls != null) {
            HttpsServer https = HttpsServer.create(address, 128);
            SSLContext ctx = options.tls;
            https.setHttpsConfigurator(new HttpsConfigurator(ctx) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = ctx.getDefaultSSLParameters();
                    p.setNeedClientAuth(true);
                    params.setSSLParameters(p);
                }
            });
            this.server = https;
        } else {
            this.server = HttpServer.create(address, 128);
        }
        // A bounded number of connections read at once and of requests handled at once; past the
        // queue the connection is closed, so a flood costs the flooder, not the server's memory.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(options.readers, options.readers, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(options.queue), r -> {
                    Thread t = new Thread(r, "trellis-api");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
        this.working = new Semaphore(options.threads);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        this.guard = new RequestGuard(options, server.getAddress());
    }

    public ApiServer start() {
        server.start();
        return this;
    }

    public String scheme() {
        return options.tls != null ? "https" : "http";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        try {
            if (guard.admit(ex, method)) {
                if (!working.tryAcquire(10, TimeUnit.SECONDS)) {
                    error(ex, 503, "busy", "the server is handling " + options.threads + " requests already; try again shortly");
                    return;
                }
                try {
                    route(ex, method, path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path);
                } finally {
                    working.release();
                }
            }
        } catch (ControlPlaneException e) {
            int status = e.status() == 0 ? 503 : e.status();
            error(ex, status, e.name(), e.getMessage());
        } catch (BadRequest e) {
            error(ex, 400, "invalid_input", e.getMessage());
        } catch (TooLarge e) {
            guard.tooLarge(ex);
        } catch (IllegalArgumentException e) {
            // a body of the right JSON shape with a value of the wrong type
            error(ex, 400, "invalid_input", "request body does not fit the API: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(ex, 503, "busy", "the server is stopping");
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed: {}", method, path, e.toString());
            error(ex, 500, "server_error", "internal error: " + e.getClass().getSimpleName());
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex, String method, String path) throws IOException, ControlPlaneException, BadRequest, TooLarge {
        String[] p = path.split("/");
        // p[0] is "" (leading slash); p[1] is "v1"
        if (p.length < 3 || !"v1".equals(p[1])) {
            notFound(ex, path);
            return;
        }
        String root = p[2];
        switch (root) {
            case "openapi.json" -> {
                if (!only(ex, method, "GET")) {
                    return;
                }
                try (InputStream in = ApiServer.class.getResourceAsStream(trellis.spec.ProductInfo.CONTRACT)) {
                    if (in == null) {
                        notFound(ex, path);
                        return;
                    }
                    send(ex, 200, in.readAllBytes());
                }
            }
            case "cluster" -> {
                if (p.length == 3 && only(ex, method, "GET")) {
                    json(ex, 200, Json.toTree(backend.cluster()));
                } else {
                    notFound(ex, path);
                }
            }
            case "hosts" -> hosts(ex, method, p);
            case "databases" -> databases(ex, method, p, path);
            default -> notFound(ex, path);
        }
    }

    private void hosts(HttpExchange ex, String method, String[] p) throws IOException, ControlPlaneException {
        if (p.length == 3 && only(ex, method, "GET")) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.set("hosts", Json.toTree(backend.hosts()));
            json(ex, 200, out);
        } else if (p.length == 4 && only(ex, method, "GET")) {
            String id = decode(p[3]);
            var host = backend.hosts().stream().filter(h -> id.equals(h.id())).findFirst()
                    .orElseThrow(() -> new ControlPlaneException(404, "not_found", "no host found with the given ID"));
            json(ex, 200, Json.toTree(host));
        } else {
            notFound(ex, String.join("/", p));
        }
    }

    private void databases(HttpExchange ex, String method, String[] p, String path)
            throws IOException, ControlPlaneException, BadRequest, TooLarge {
        if (p.length == 3) {
            if ("GET".equals(method)) {
                ObjectNode out = Json.MAPPER.createObjectNode();
                var list = out.putArray("databases");
                for (Database d : backend.databases()) {
                    ObjectNode summary = (ObjectNode) Json.toTree(d);
                    summary.remove(List.of("spec", "service_instances"));
                    list.add(summary);
                }
                json(ex, 200, out);
            } else if (only(ex, method, "POST")) {
                JsonNode body = body(ex);
                List<Problem> problems = SpecValidator.validateCreate(body);
                if (!problems.isEmpty()) {
                    throw new BadRequest(describe(problems));
                }
                CreateDatabaseRequest req = Json.convert(body, CreateDatabaseRequest.class);
                Task task = backend.createDatabase(req);
                json(ex, 200, taskAndDatabase(task, req.id() != null ? req.id() : task.databaseId()));
            }
            return;
        }
        String id = decode(p[3]);
        if (p.length == 4) {
            switch (method) {
                case "GET" -> json(ex, 200, Secrets.strip(Json.toTree(backend.database(id))));
                case "POST" -> {
                    Database current = backend.database(id);
                    JsonNode body = body(ex);
                    List<Problem> problems = SpecValidator.validateUpdate(id,
                            current.spec() == null ? null : Json.toTree(current.spec()), body);
                    if (!problems.isEmpty()) {
                        throw new BadRequest(describe(problems));
                    }
                    Task task = backend.updateDatabase(id, Json.convert(body, UpdateDatabaseRequest.class));
                    json(ex, 200, taskAndDatabase(task, id));
                }
                case "DELETE" -> {
                    ObjectNode out = Json.MAPPER.createObjectNode();
                    out.set("task", Json.toTree(backend.deleteDatabase(id)));
                    json(ex, 200, out);
                }
                default -> methodNotAllowed(ex, method);
            }
            return;
        }
        if (p.length >= 6 && "tasks".equals(p[4]) && only(ex, method, "GET")) {
            String taskId = decode(p[5]);
            if (p.length == 6) {
                json(ex, 200, Json.toTree(backend.task(id, taskId)));
                return;
            }
            if (p.length == 7 && "log".equals(p[6])) {
                String after = query(ex, "after_entry_id");
                json(ex, 200, Json.toTree(backend.taskLog(id, taskId, after)));
                return;
            }
        }
        notFound(ex, path);
    }

    private ObjectNode taskAndDatabase(Task task, String databaseId) throws ControlPlaneException {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("task", Json.toTree(task));
        Database db;
        try {
            db = backend.database(databaseId);
        } catch (ControlPlaneException e) {
            String now = Instant.now().toString();
            db = new Database(databaseId, null, "creating", now, now, null, null, null, null);
        }
        out.set("database", Secrets.strip(Json.toTree(db)));
        return out;
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }

    private JsonNode body(HttpExchange ex) throws IOException, BadRequest, TooLarge {
        // capped: a chunked body has no length to check first
        byte[] bytes = ex.getRequestBody().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxBody + 1));
        if (bytes.length > options.maxBody) {
            throw new TooLarge();
        }
        try {
            JsonNode n = Json.MAPPER.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new BadRequest("request body must be a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String query(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && decode(part.substring(0, eq)).equals(name)) {
                return decode(part.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static boolean only(HttpExchange ex, String method, String allowed) throws IOException {
        if (allowed.equals(method)) {
            return true;
        }
        methodNotAllowed(ex, method);
        return false;
    }

    private static void methodNotAllowed(HttpExchange ex, String method) throws IOException {
        error(ex, 405, "method_not_allowed", method + " is not allowed here");
    }

    private static void notFound(HttpExchange ex, String path) throws IOException {
        error(ex, 404, "not_found", "no such endpoint: " + path);
    }

    static void error(HttpExchange ex, int status, String name, String message) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("name", name).put("message", message);
        json(ex, status, body);
    }

    private static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        send(ex, status, Json.MAPPER.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, byte[] bytes) throws IOException {
        if (!ex.getResponseHeaders().containsKey("Content-Type")) {
            ex.getResponseHeaders().set("Content-Type", "application/json");
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }
}
