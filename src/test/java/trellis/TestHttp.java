package trellis;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import trellis.spec.Json;

/** What the tests' HTTP servers (Control Plane stand-ins on 127.0.0.1) share: answering JSON. */
public final class TestHttp {
    private TestHttp() {
    }

    /** Answers {@code status} with the JSON text as the body. */
    public static void sendJson(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    /** Answers {@code status} with the JSON tree as the body. */
    public static void sendJson(HttpExchange ex, int status, JsonNode json) throws IOException {
        sendJson(ex, status, Json.write(json));
    }
}
