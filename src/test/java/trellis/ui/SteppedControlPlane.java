package trellis.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import trellis.spec.Json;
import trellis.spec.Secrets;

/**
 * A stateful Control Plane on a real JDK HttpServer, moved on by the test: one database,
 * 'storefront', whose service instances are in the states the test sets ({@link #setState}) and
 * answered so at the next poll; an update makes a task that the test steps ({@link #step}) from
 * pending to running to completed, a log entry per step, and once it has completed the database
 * has the spec sent and the new service instances appear, creating. Hosts: host-1 and host-2, on Swarm.
 */
final class SteppedControlPlane implements AutoCloseable {
    static final String DB = "storefront";
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<JsonNode> updates = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private JsonNode spec;
    private JsonNode sent;
    private final Map<String, String> states = new LinkedHashMap<>();
    private final List<ObjectNode> tasks = new ArrayList<>();
    private final List<String> entries = new ArrayList<>();

    SteppedControlPlane(JsonNode spec) throws IOException {
        this.spec = spec.deepCopy();
        instancesOf(this.spec).forEach(id -> states.put(id, "running"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The state the next poll answers for this service instance. */
    synchronized void setState(String instanceId, String state) {
        states.put(instanceId, state);
    }

    /** Moves the last task one step: pending → running ("task started") → running (its work) → completed. */
    synchronized void step() {
        ObjectNode t = tasks.get(tasks.size() - 1);
        switch (entries.size()) {
            case 0 -> {
                t.put("status", "running");
                entries.add("task started");
            }
            case 1 -> {
                List<String> fresh = instancesOf(sent).stream().filter(id -> !states.containsKey(id)).toList();
                entries.add("creating service instance " + String.join(", ", fresh));
            }
            default -> {
                t.put("status", "completed").put("completed_at", "2026-12-03T10:00:03Z");
                entries.add("task completed");
                spec = sent;
                instancesOf(spec).forEach(id -> states.putIfAbsent(id, "creating"));
            }
        }
    }

    private static List<String> instancesOf(JsonNode spec) {
        List<String> ids = new ArrayList<>();
        for (JsonNode svc : spec.path("services")) {
            for (JsonNode host : svc.path("host_ids")) {
                ids.add(DB + "-" + svc.path("service_id").asText() + "-" + host.asText());
            }
        }
        return ids;
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getRawQuery();
            String method = ex.getRequestMethod();
            byte[] in = ex.getRequestBody().readAllBytes();
            requests.add(method + " " + path);
            String tasksPath = "/v1/databases/" + DB + "/tasks";
            if (method.equals("GET") && path.equals("/v1/hosts")) {
                ObjectNode o = Json.MAPPER.createObjectNode();
                ArrayNode hosts = o.putArray("hosts");
                hosts.addObject().put("id", "host-1").put("orchestrator", "swarm");
                hosts.addObject().put("id", "host-2").put("orchestrator", "swarm");
                send(ex, 200, o);
            } else if (method.equals("GET") && path.equals("/v1/databases")) {
                ObjectNode o = Json.MAPPER.createObjectNode();
                o.putArray("databases").add(database());
                send(ex, 200, o);
            } else if (method.equals("GET") && path.equals("/v1/databases/" + DB)) {
                send(ex, 200, database());
            } else if (method.equals("POST") && path.equals("/v1/databases/" + DB)) {
                JsonNode body = Json.MAPPER.readTree(new String(in, StandardCharsets.UTF_8));
                updates.add(body);
                sent = body.get("spec");
                entries.clear();
                ObjectNode t = Json.MAPPER.createObjectNode().put("task_id", "0191f1b0-0000-7000-8000-00000000000" + (tasks.size() + 1))
                        .put("database_id", DB).put("entity_id", DB).put("scope", "database").put("type", "update")
                        .put("status", "pending").put("created_at", "2026-12-03T10:00:00Z");
                tasks.add(t);
                send(ex, 200, Json.MAPPER.createObjectNode().set("task", t.deepCopy()));
            } else if (method.equals("GET") && path.equals(tasksPath)) {
                ArrayNode list = Json.MAPPER.createArrayNode();
                for (int i = tasks.size() - 1; i >= 0; i--) {
                    list.add(tasks.get(i).deepCopy());
                }
                send(ex, 200, Json.MAPPER.createObjectNode().set("tasks", list));
            } else if (method.equals("GET") && path.startsWith(tasksPath + "/") && !tasks.isEmpty()) {
                ObjectNode t = tasks.get(tasks.size() - 1);
                if (path.endsWith("/log")) {
                    int after = query == null ? 0 : Integer.parseInt(query.replaceFirst(".*after_entry_id=e", ""));
                    ObjectNode log = Json.MAPPER.createObjectNode().put("database_id", DB).put("task_id", t.path("task_id").asText())
                            .put("task_status", t.path("status").asText());
                    ArrayNode lines = log.putArray("entries");
                    for (int i = after; i < entries.size(); i++) {
                        lines.addObject().put("timestamp", "2026-12-03T10:00:0" + (i + 1) + "Z").put("message", entries.get(i));
                    }
                    if (!entries.isEmpty()) {
                        log.put("last_entry_id", "e" + entries.size());
                    }
                    send(ex, 200, log);
                } else {
                    send(ex, 200, t.deepCopy());
                }
            } else {
                send(ex, 404, Json.MAPPER.createObjectNode().put("name", "not_found").put("message", "no route " + method + " " + path));
            }
        }
    }

    /** The database as GET answers it: the secrets stripped, the service instances in their states. */
    private ObjectNode database() {
        ObjectNode db = Json.MAPPER.createObjectNode().put("id", DB).put("state", "available")
                .put("created_at", "2026-12-03T10:00:00Z").put("updated_at", "2026-12-03T10:05:00Z");
        db.set("spec", Secrets.strip(spec));
        ArrayNode sis = db.putArray("service_instances");
        for (JsonNode svc : spec.path("services")) {
            for (JsonNode host : svc.path("host_ids")) {
                String sid = svc.path("service_id").asText();
                String id = DB + "-" + sid + "-" + host.asText();
                String state = states.getOrDefault(id, "creating");
                ObjectNode si = sis.addObject().put("service_instance_id", id).put("service_id", sid).put("database_id", DB)
                        .put("host_id", host.asText()).put("state", state);
                si.putObject("status").putObject("health_check").put("status", "running".equals(state) ? "healthy" : "unknown");
            }
        }
        return db;
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        trellis.TestHttp.sendJson(ex, status, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
