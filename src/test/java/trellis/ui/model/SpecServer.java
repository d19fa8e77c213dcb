package trellis.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import trellis.spec.Json;
import trellis.spec.Secrets;

/**
 * A real HTTP server speaking the contract's GET and update of one database, as the Control Plane
 * does: it keeps the full spec, answers a GET with the secrets stripped, replaces the spec on an
 * update and answers its task; a queued fault ({@code 409}, {@code 400}) answers the next update.
 */
public final class SpecServer implements AutoCloseable {
    /** A request the server received: method, path and body as sent. */
    public record Received(String method, String path, String body) {
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final String databaseId;
    private final Deque<String[]> faults = new ArrayDeque<>();
    private JsonNode spec;
    private JsonNode hosts = Json.MAPPER.createArrayNode();
    private int tasks;
    private boolean running;

    public SpecServer(String databaseId, JsonNode spec) throws IOException {
        this.databaseId = databaseId;
        this.spec = spec.deepCopy();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/databases/", this::handle);
        server.createContext("/v1/databases", this::list);
        server.createContext("/v1/hosts", this::hosts);
        server.start();
    }

    /** A GET reports an instance of each service on each of its hosts, running (none until asked). */
    public synchronized void reportRunning() {
        running = true;
    }

    /** The cluster's hosts GET /v1/hosts answers (none until set). */
    public synchronized void setHosts(JsonNode hostsArray) {
        hosts = hostsArray.deepCopy();
    }

    private synchronized void list(HttpExchange ex) throws IOException {
        try (ex) {
            received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(), ""));
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.putArray("databases").add(database());
            send(ex, 200, Json.write(body));
        }
    }

    private synchronized void hosts(HttpExchange ex) throws IOException {
        try (ex) {
            received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(), ""));
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.set("hosts", hosts);
            send(ex, 200, Json.write(body));
        }
    }

    private ObjectNode database() {
        ObjectNode db = Json.MAPPER.createObjectNode();
        db.put("id", databaseId).put("state", "available").put("created_at", "2026-12-03T10:00:00Z")
                .put("updated_at", "2026-12-03T10:00:00Z");
        db.set("spec", Secrets.strip(spec));
        if (running) {
            var instances = db.putArray("service_instances");
            for (JsonNode svc : spec.path("services")) {
                for (JsonNode host : svc.path("host_ids")) {
                    String service = svc.path("service_id").asText();
                    instances.addObject().put("service_instance_id", databaseId + "-" + service + "-" + host.asText())
                            .put("service_id", service).put("database_id", databaseId).put("host_id", host.asText())
                            .put("state", "running").put("created_at", "2026-12-03T10:00:00Z").put("updated_at", "2026-12-03T10:00:00Z");
                }
            }
        }
        return db;
    }

    /** The tasks of the database: none kept, so a task asked for reads completed, its log empty. */
    private void task(HttpExchange ex, String path) throws IOException {
        String tail = path.substring(("/v1/databases/" + databaseId + "/tasks").length());
        if (tail.isEmpty() || tail.equals("/")) {
            send(ex, 200, "{\"tasks\":[]}");
            return;
        }
        String id = tail.substring(1).split("/")[0];
        if (tail.endsWith("/log")) {
            ObjectNode log = Json.MAPPER.createObjectNode().put("database_id", databaseId).put("task_id", id)
                    .put("task_status", "completed");
            log.putArray("entries");
            send(ex, 200, Json.write(log));
            return;
        }
        send(ex, 200, Json.write(Json.MAPPER.createObjectNode().put("task_id", id).put("database_id", databaseId)
                .put("type", "update").put("status", "completed").put("created_at", "2026-12-03T10:00:00Z")));
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Another client changed the spec. */
    public synchronized void replace(JsonNode next) {
        spec = next.deepCopy();
    }

    public synchronized JsonNode spec() {
        return spec.deepCopy();
    }

    /** The next update is answered with this status and error body instead. */
    public synchronized void failNext(int status, String name, String message) {
        faults.add(new String[] {String.valueOf(status), name, message});
    }

    /** The updates received, their bodies as sent. */
    public List<String> updates() {
        return received.stream().filter(r -> r.method().equals("POST")).map(Received::body).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(ex.getRequestMethod(), path, body));
            if (path.startsWith("/v1/databases/" + databaseId + "/tasks")) {
                task(ex, path);
                return;
            }
            if (!path.equals("/v1/databases/" + databaseId)) {
                send(ex, 404, "{\"name\":\"not_found\",\"message\":\"no database at " + path + "\"}");
                return;
            }
            synchronized (this) {
                if (ex.getRequestMethod().equals("GET")) {
                    send(ex, 200, Json.write(database()));
                } else if (!faults.isEmpty()) {
                    String[] f = faults.poll();
                    send(ex, Integer.parseInt(f[0]), Json.write(Json.MAPPER.createObjectNode().put("name", f[1]).put("message", f[2])));
                } else {
                    spec = Json.parse(body).get("spec");
                    ObjectNode task = Json.MAPPER.createObjectNode();
                    task.putObject("task").put("task_id", "0191f1b0-0000-7000-8000-00000000000" + (++tasks))
                            .put("database_id", databaseId).put("type", "update").put("status", "pending")
                            .put("created_at", "2026-12-03T10:00:00Z");
                    send(ex, 200, Json.write(task));
                }
            }
        }
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        trellis.TestHttp.sendJson(ex, status, json);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
