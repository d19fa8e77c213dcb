package trellis.engine.http;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import trellis.spec.Json;

/**
 * A real HTTP server (the JDK's) speaking the contract's database and task paths, its tasks moved
 * on by the test: create and update answer a pending task; GET task, GET task log (after_entry_id),
 * GET tasks and GET cancel answer what the test set. Every request line is kept, to assert on.
 */
public final class TaskServer implements AutoCloseable {
    public final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final Map<String, ObjectNode> tasks = new LinkedHashMap<>();
    private final Map<String, List<String>> logs = new LinkedHashMap<>();
    private final Map<String, ObjectNode> databases = new LinkedHashMap<>();
    private int next;

    private static final Pattern TASK = Pattern.compile("/v1/databases/([^/]+)/tasks/([^/]+)(/log|/cancel)?");
    private static final Pattern TASKS = Pattern.compile("/v1/databases/([^/]+)/tasks");
    private static final Pattern DB = Pattern.compile("/v1/databases/([^/]+)");

    public TaskServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/databases", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A database the Control Plane already has, available, with that spec. */
    public synchronized void addDatabase(String id, JsonNode spec) {
        databases.put(id, Json.MAPPER.createObjectNode().put("id", id).put("state", "available")
                .put("created_at", "2026-12-03T15:00:00Z").set("spec", spec));
    }

    /** A task of the database, as if the Control Plane had started it; answers its id. */
    public synchronized String addTask(String databaseId, String type, String status) {
        String id = String.format("0197842d-9082-7496-b787-%012d", ++next);
        ObjectNode t = Json.MAPPER.createObjectNode().put("scope", "database").put("entity_id", databaseId)
                .put("database_id", databaseId).put("task_id", id).put("type", type).put("status", status)
                .put("created_at", "2026-12-03T16:00:0" + Math.min(next, 9) + "Z");
        tasks.put(id, t);
        logs.put(id, new ArrayList<>());
        return id;
    }

    /** Moves a task on; {@code error} is set when not null. */
    public synchronized void set(String taskId, String status, String error) {
        ObjectNode t = tasks.get(taskId);
        t.put("status", status);
        if (error != null) {
            t.put("error", error);
        }
        if (status.equals("completed") || status.equals("failed") || status.equals("canceled")) {
            t.put("completed_at", "2026-12-03T16:01:00Z");
        }
    }

    public synchronized void log(String taskId, String... messages) {
        logs.get(taskId).addAll(List.of(messages));
    }

    /** The id of the task a create or update of the database started last. */
    public synchronized String lastTask() {
        return tasks.keySet().stream().reduce((a, b) -> b).orElseThrow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getRawQuery();
            requests.add(ex.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            String method = ex.getRequestMethod();
            byte[] in = ex.getRequestBody().readAllBytes();
            synchronized (this) {
                Matcher m;
                if (path.equals("/v1/databases") && method.equals("GET")) {
                    ArrayNode a = Json.MAPPER.createArrayNode();
                    databases.values().forEach(a::add);
                    send(ex, 200, Json.MAPPER.createObjectNode().set("databases", a));
                } else if (path.equals("/v1/databases") && method.equals("POST")) {
                    JsonNode body = Json.MAPPER.readTree(new String(in, StandardCharsets.UTF_8));
                    String db = body.path("id").asText();
                    databases.put(db, Json.MAPPER.createObjectNode().put("id", db).put("state", "creating")
                            .put("created_at", "2026-12-03T16:00:00Z").set("spec", body.path("spec")));
                    String id = addTask(db, "create", "pending");
                    send(ex, 200, Json.MAPPER.createObjectNode().put("database", db).set("task", tasks.get(id)));
                } else if ((m = TASK.matcher(path)).matches() && method.equals("GET")) {
                    ObjectNode t = tasks.get(m.group(2));
                    if (t == null || !t.path("database_id").asText().equals(m.group(1))) {
                        send(ex, 404, Json.MAPPER.createObjectNode().put("name", "not_found").put("message", "task not found"));
                    } else if ("/log".equals(m.group(3))) {
                        send(ex, 200, log(t, query));
                    } else if ("/cancel".equals(m.group(3))) {
                        if (!t.path("completed_at").isMissingNode()) {
                            send(ex, 400, Json.MAPPER.createObjectNode().put("name", "invalid_input")
                                    .put("message", "task " + m.group(2) + " has already ended"));
                        } else {
                            set(m.group(2), "canceled", null);
                            send(ex, 200, t);
                        }
                    } else {
                        send(ex, 200, t);
                    }
                } else if ((m = TASKS.matcher(path)).matches() && method.equals("GET")) {
                    ArrayNode a = Json.MAPPER.createArrayNode();
                    String db = m.group(1);
                    List<ObjectNode> mine = tasks.values().stream().filter(t -> t.path("database_id").asText().equals(db)).toList();
                    boolean desc = query != null && query.contains("sort_order=desc");
                    for (int i = 0; i < mine.size(); i++) {
                        a.add(mine.get(desc ? mine.size() - 1 - i : i));
                    }
                    send(ex, 200, Json.MAPPER.createObjectNode().set("tasks", a));
                } else if ((m = DB.matcher(path)).matches() && method.equals("POST") && databases.containsKey(m.group(1))) {
                    String id = addTask(m.group(1), "update", "pending");
                    send(ex, 200, Json.MAPPER.createObjectNode().put("database", m.group(1)).set("task", tasks.get(id)));
                } else if ((m = DB.matcher(path)).matches() && method.equals("GET") && databases.containsKey(m.group(1))) {
                    send(ex, 200, databases.get(m.group(1)));
                } else {
                    send(ex, 404, Json.MAPPER.createObjectNode().put("name", "not_found").put("message", "no " + path));
                }
            }
        }
    }

    private ObjectNode log(ObjectNode t, String query) {
        String id = t.path("task_id").asText();
        List<String> lines = logs.get(id);
        int from = 0;
        if (query != null && query.startsWith("after_entry_id=")) {
            from = Integer.parseInt(query.substring("after_entry_id=entry-".length())) + 1;
        }
        ArrayNode entries = Json.MAPPER.createArrayNode();
        for (int i = from; i < lines.size(); i++) {
            entries.addObject().put("timestamp", "2026-12-03T16:00:" + String.format("%02d", i) + "Z").put("message", lines.get(i));
        }
        ObjectNode out = Json.MAPPER.createObjectNode().put("scope", "database").put("entity_id", t.path("entity_id").asText())
                .put("database_id", t.path("database_id").asText()).put("task_id", id).put("task_status", t.path("status").asText());
        if (!lines.isEmpty()) {
            out.put("last_entry_id", "entry-" + (lines.size() - 1));
        } else if (from > 0) {
            out.put("last_entry_id", "entry-" + (from - 1));
        }
        out.set("entries", entries);
        return out;
    }

    private static void send(HttpExchange ex, int status, JsonNode json) throws IOException {
        trellis.TestHttp.sendJson(ex, status, json);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
