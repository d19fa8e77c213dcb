package trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trellis.TestFiles;
import trellis.spec.Json;
import trellis.spec.Secrets;

/**
 * A Control Plane for what Prism cannot do, on a real JDK HttpServer: one database, 'storefront';
 * an update makes a task that goes pending → running → completed (or failed, when the spec has a
 * service 'broken') one step per GET of the task, writing log entries as it goes; {@code busy}
 * answers writes 409; instances move from creating to running between polls of the database.
 */
final class StatefulControlPlane implements AutoCloseable {
    final HttpServer server;
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
    volatile boolean busy;
    private JsonNode spec;
    private int polls;
    private final Map<String, Step> tasks = new LinkedHashMap<>();

    private static final class Step {
        final String id;
        final boolean failing;
        int step;
        final List<String> entries = new ArrayList<>();

        Step(String id, boolean failing) {
            this.id = id;
            this.failing = failing;
        }

        String status() {
            return step == 0 ? "pending" : step < 3 ? "running" : failing ? "failed" : "completed";
        }
    }

    StatefulControlPlane() throws Exception {
        spec = Json.MAPPER.readTree(TestFiles.example("co-located.json").toFile()).get("spec");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        String method = ex.getRequestMethod();
        requests.add(method + " " + path + (query != null ? "?" + query : ""));
        byte[] in = ex.getRequestBody().readAllBytes();
        String[] s = path.substring(1).split("/");
        try {
            if (method.equals("GET") && path.equals("/v1/databases")) {
                ObjectNode summary = Json.MAPPER.createObjectNode().put("id", "storefront").put("state", "available")
                        .put("created_at", "2026-12-03T10:00:00Z").put("updated_at", "2026-12-03T10:05:00Z");
                summary.set("instances", database().get("instances"));
                send(ex, 200, Json.MAPPER.createObjectNode().set("databases", Json.MAPPER.createArrayNode().add(summary)));
            } else if (s.length >= 3 && !"storefront".equals(URLDecoder.decode(s[2], StandardCharsets.UTF_8))) {
                send(ex, 404, error("not_found", "database not found"));
            } else if (method.equals("GET") && s.length == 3) {
                polls++;
                send(ex, 200, database());
            } else if (method.equals("POST") && s.length == 3) {
                if (busy) {
                    send(ex, 409, error("operation_already_in_progress", "an operation is already in progress for the given entity"));
                    return;
                }
                JsonNode body = Json.MAPPER.readTree(in);
                received.add(body);
                spec = body.get("spec");
                boolean failing = false;
                for (JsonNode svc : spec.path("services")) {
                    failing |= "broken".equals(svc.path("service_id").asText());
                }
                Step t = new Step("task-" + (tasks.size() + 1), failing);
                tasks.put(t.id, t);
                send(ex, 200, Json.MAPPER.createObjectNode().set("task", task(t)));
            } else if (method.equals("GET") && s.length == 4 && s[3].equals("tasks")) {
                ArrayNode list = Json.MAPPER.createArrayNode();
                List<Step> newestFirst = new ArrayList<>(tasks.values());
                Collections.reverse(newestFirst);
                newestFirst.forEach(t -> list.add(task(t)));
                send(ex, 200, Json.MAPPER.createObjectNode().set("tasks", list));
            } else if (method.equals("GET") && s.length >= 5 && s[3].equals("tasks")) {
                Step t = tasks.get(s[4]);
                if (t == null) {
                    send(ex, 404, error("not_found", "task not found"));
                } else if (s.length == 5) {
                    advance(t);
                    send(ex, 200, task(t));
                } else {
                    int after = query == null ? 0 : Integer.parseInt(query.replaceFirst(".*after_entry_id=e", ""));
                    ObjectNode log = Json.MAPPER.createObjectNode().put("database_id", "storefront").put("task_id", t.id)
                            .put("task_status", t.status());
                    ArrayNode entries = log.putArray("entries");
                    for (int i = after; i < t.entries.size(); i++) {
                        entries.addObject().put("timestamp", "2026-12-03T10:00:0" + (i + 1) + "Z").put("message", t.entries.get(i));
                    }
                    if (!t.entries.isEmpty()) {
                        log.put("last_entry_id", "e" + t.entries.size());
                    }
                    send(ex, 200, log);
                }
            } else {
                send(ex, 404, error("not_found", "no such route: " + method + " " + path));
            }
        } finally {
            ex.close();
        }
    }

    private static void advance(Step t) {
        if (t.step >= 3) {
            return;
        }
        t.step++;
        switch (t.step) {
            case 1 -> t.entries.add("task started");
            case 2 -> t.entries.add("updating service instances");
            default -> t.entries.add(t.failing ? "service instance storefront-broken-host-1 did not become healthy" : "task completed");
        }
    }

    private ObjectNode task(Step t) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("task_id", t.id).put("database_id", "storefront").put("entity_id", "storefront")
                .put("scope", "database").put("type", "update").put("status", t.status()).put("created_at", "2026-12-03T10:00:00Z");
        if (t.step >= 3) {
            n.put("completed_at", "2026-12-03T10:00:03Z");
        }
        if (t.step >= 3 && t.failing) {
            n.put("error", "service instance storefront-broken-host-1 did not become healthy within 5 minutes");
        }
        return n;
    }

    /** The database as GET answers it: secrets stripped; the service instance creating on the first poll, running after. */
    private ObjectNode database() {
        ObjectNode db = Json.MAPPER.createObjectNode().put("id", "storefront").put("state", "available")
                .put("created_at", "2026-12-03T10:00:00Z").put("updated_at", "2026-12-03T10:05:00Z");
        db.set("spec", Secrets.strip(spec));
        ObjectNode i = db.putArray("instances").addObject().put("id", "storefront-n1-689qacsi").put("host_id", "host-1")
                .put("node_name", "n1").put("state", "available");
        i.putObject("postgres").put("patroni_state", "running").put("role", "primary");
        i.putObject("connection_info").put("port", 5432);
        ArrayNode sis = db.putArray("service_instances");
        for (JsonNode svc : spec.path("services")) {
            for (JsonNode host : svc.path("host_ids")) {
                String sid = svc.path("service_id").asText();
                boolean up = polls > 1;
                ObjectNode si = sis.addObject().put("service_instance_id", "storefront-" + sid + "-" + host.asText())
                        .put("service_id", sid).put("database_id", "storefront").put("host_id", host.asText())
                        .put("state", up ? "running" : "creating");
                ObjectNode st = si.putObject("status");
                st.putObject("health_check").put("status", up ? "healthy" : "unknown");
                st.putArray("ports").addObject().put("name", "http").put("container_port", 8080).put("host_port", 3100);
            }
        }
        return db;
    }

    private static ObjectNode error(String name, String message) {
        return Json.MAPPER.createObjectNode().put("name", name).put("message", message);
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        trellis.TestHttp.sendJson(ex, status, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
