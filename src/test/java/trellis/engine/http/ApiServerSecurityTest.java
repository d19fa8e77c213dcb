package trellis.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import trellis.TestFiles;
import trellis.spec.Json;

/**
 * {@code trellis serve}'s API server refuses what it must, over real loopback sockets, in front of
 * an in-memory control plane: every refusal is the contract's error shape and creates nothing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiServerSecurityTest {
    InMemoryControlPlane backend;
    ApiServer server;
    final String token = ServeToken.generate();
    String body;

    @BeforeEach
    void start() throws Exception {
        backend = new InMemoryControlPlane();
        server = new ApiServer(backend, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token).start();
        body = Files.readString(TestFiles.example("co-located.json"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    record Answer(int status, String head, String body) {
        String name() {
            try {
                return Json.parse(body).path("name").asText();
            } catch (IOException e) {
                return "not JSON: " + body;
            }
        }
    }

    /** One request on its own connection, the bytes exactly as written (Host included). */
    Answer raw(String method, String path, String headers, byte[] content) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\n" + headers + "Connection: close\r\n"
                    + (content != null ? "Content-Length: " + content.length + "\r\n" : "") + "\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (content != null) {
                out.write(content);
            }
            out.flush();
            return read(s.getInputStream());
        }
    }

    /** The answer's head and, by its Content-Length, its body: no waiting for the server to close. */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            headBytes.write(c);
            byte[] h = headBytes.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        String head = headBytes.toString(StandardCharsets.ISO_8859_1).trim();
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        String b = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        int status = Integer.parseInt(head.substring(9, 12));
        return new Answer(status, head, b);
    }

    String host() {
        return "Host: 127.0.0.1:" + server.port() + "\r\n";
    }

    String auth() {
        return "Authorization: Bearer " + token + "\r\n";
    }

    Answer create(String headers) throws IOException {
        return raw("POST", "/v1/databases", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutATokenOrWithAWrongOneNothingIsDone() throws Exception {
        Answer none = create(host() + "Content-Type: application/json\r\n");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.name()).isEqualTo("unauthorized");
        assertThat(none.head().toLowerCase()).contains("www-authenticate: bearer");
        Answer wrong = create(host() + "Content-Type: application/json\r\nAuthorization: Bearer " + ServeToken.generate() + "\r\n");
        assertThat(wrong.status()).isEqualTo(401);
        Answer basic = create(host() + "Content-Type: application/json\r\nAuthorization: Basic " + token + "\r\n");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(raw("GET", "/v1/databases", host(), null).status()).as("reads need the token too").isEqualTo(401);
        assertThat(backend.specs).isEmpty();
        assertThat(backend.received).isEmpty();

        Answer right = create(host() + "Content-Type: application/json\r\n" + auth());
        assertThat(right.status()).as(right.body()).isEqualTo(200);
        assertThat(backend.specs).containsOnlyKeys("storefront");
    }

    @Test
    void theCrossSiteCreateOfTheIssueIsRefusedAndCreatesNothing() throws Exception {
        // what any web page can send with fetch(..., {mode: "no-cors"}): a "simple" request, no preflight
        Answer page = create(host() + "Content-Type: text/plain\r\nOrigin: http://evil.example\r\n");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.name()).isEqualTo("forbidden_origin");
        assertThat(page.head().toLowerCase()).doesNotContain("access-control-allow-origin");
        // even a page that somehow had the token
        Answer withToken = create(host() + "Content-Type: application/json\r\nOrigin: http://evil.example\r\n" + auth());
        assertThat(withToken.status()).isEqualTo(403);
        Answer textPlain = create(host() + "Content-Type: text/plain\r\n" + auth());
        assertThat(textPlain.status()).isEqualTo(415);
        assertThat(textPlain.name()).isEqualTo("unsupported_media_type");
        Answer form = create(host() + "Content-Type: application/x-www-form-urlencoded\r\n" + auth());
        assertThat(form.status()).isEqualTo(415);
        Answer noType = create(host() + auth());
        assertThat(noType.status()).isEqualTo(415);
        assertThat(backend.specs).as("nothing was created").isEmpty();
        assertThat(backend.databases()).isEmpty();

        Answer json = create(host() + "Content-Type: application/json; charset=UTF-8\r\n" + auth());
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.head().toLowerCase()).as("no CORS header when no origin is allowed").doesNotContain("access-control");
    }

    @Test
    void anAllowedOriginGetsCorsHeadersAndAPreflightOthersDoNot() throws Exception {
        server.close();
        server = new ApiServer(backend, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ApiServer.Options.withToken(token).allowOrigins(java.util.List.of("http://console.example:8080"))).start();
        Answer pre = raw("OPTIONS", "/v1/databases", host() + "Origin: http://console.example:8080\r\n"
                + "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: authorization, content-type\r\n", null);
        assertThat(pre.status()).isEqualTo(204);
        assertThat(pre.head()).containsIgnoringCase("Access-Control-Allow-Origin: http://console.example:8080")
                .containsIgnoringCase("Vary: Origin").containsIgnoringCase("Access-Control-Allow-Headers: Authorization, Content-Type");
        Answer ok = create(host() + "Content-Type: application/json\r\nOrigin: http://console.example:8080\r\n" + auth());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.head()).containsIgnoringCase("Access-Control-Allow-Origin: http://console.example:8080");
        Answer other = raw("OPTIONS", "/v1/databases", host() + "Origin: http://evil.example\r\n", null);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.head().toLowerCase()).doesNotContain("access-control");
    }

    @Test
    void aHostHeaderOfAnotherNameIsRefused() throws Exception {
        // DNS rebinding: evil.example now resolves to 127.0.0.1, the browser still says Host: evil.example
        Answer rebound = raw("GET", "/v1/databases", "Host: evil.example:" + server.port() + "\r\n" + auth(), null);
        assertThat(rebound.status()).isEqualTo(421);
        assertThat(rebound.name()).isEqualTo("misdirected_request");
        assertThat(raw("POST", "/v1/databases", "Host: evil.example\r\nContent-Type: application/json\r\n" + auth(),
                body.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(421);
        assertThat(raw("GET", "/v1/databases", "Host: 127.0.0.1:1\r\n" + auth(), null).status()).as("another port").isEqualTo(421);
        assertThat(raw("GET", "/v1/databases", auth(), null).status()).as("no Host at all").isIn(400, 421);
        assertThat(backend.specs).isEmpty();
        assertThat(raw("GET", "/v1/databases", "Host: localhost:" + server.port() + "\r\n" + auth(), null).status()).isEqualTo(200);
        assertThat(raw("GET", "/v1/databases", "Host: [::1]:" + server.port() + "\r\n" + auth(), null).status()).isEqualTo(200);
        assertThat(raw("GET", "/v1/databases", host() + auth(), null).status()).isEqualTo(200);
    }

    @Test
    void aTenMebibyteBodyIs413WithoutBeingReadAndTheServerStillAnswers() throws Exception {
        long tenMiB = 10L * 1024 * 1024;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            String head = "POST /v1/databases HTTP/1.1\r\n" + host() + auth() + "Content-Type: application/json\r\n"
                    + "Content-Length: " + tenMiB + "\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(new byte[16 * 1024]); // the start of it; the answer comes before the rest is sent
            s.getOutputStream().flush();
            Answer a = read(s.getInputStream());
            assertThat(a.status()).isEqualTo(413);
            assertThat(a.name()).isEqualTo("request_too_large");
        }
        assertThat(raw("GET", "/v1/databases", host() + auth(), null).status()).isEqualTo(200);
        assertThat(backend.specs).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        server.close();
        server = new ApiServer(backend, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ApiServer.Options.withToken(token).maxBody(1000)).start();
        StringBuilder chunked = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            chunked.append("3e8\r\n").append(" ".repeat(1000)).append("\r\n");
        }
        chunked.append("0\r\n\r\n");
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            String head = "POST /v1/databases HTTP/1.1\r\n" + host() + auth() + "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write((head + chunked).getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            assertThat(read(s.getInputStream()).status()).isEqualTo(413);
        }
        assertThat(raw("GET", "/v1/databases", host() + auth(), null).status()).isEqualTo(200);
    }

    @Test
    void badJsonWrongTypesAndUnknownPathsGetTheContractsErrorShapeNeverA500() throws Exception {
        String json = host() + "Content-Type: application/json\r\n" + auth();
        for (String bad : java.util.List.of("{not json", "[1, 2]", "\"text\"", "{\"id\": 5, \"spec\": \"x\"}",
                "{\"id\": \"x\", \"spec\": {\"database_name\": [], \"nodes\": 3}}", "")) {
            Answer a = raw("POST", "/v1/databases", json, bad.getBytes(StandardCharsets.UTF_8));
            assertThat(a.status()).as(bad + " -> " + a.body()).isBetween(400, 499);
            assertThat(Json.parse(a.body()).has("name")).isTrue();
            assertThat(Json.parse(a.body()).has("message")).isTrue();
            assertThat(a.body()).doesNotContain("Exception", "\tat ");
        }
        Answer unknown = raw("GET", "/v2/nothing", host() + auth(), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.name()).isEqualTo("not_found");
        assertThat(raw("PUT", "/v1/databases/x", json, "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(405);
        assertThat(raw("GET", "/v1/databases/x/tasks/y/log", host() + auth(), null).status()).isEqualTo(404);
        assertThat(backend.specs).isEmpty();
    }

    @Test
    void twoHundredIdleConnectionsDoNotStopALegitimateRequest() throws Exception {
        java.util.List<Socket> idle = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                idle.add(new Socket(InetAddress.getLoopbackAddress(), server.port()));
            }
            long t0 = System.nanoTime();
            Answer a = raw("GET", "/v1/databases", host() + auth(), null);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(a.status()).isEqualTo(200);
            assertThat(ms).as("answered in %d ms while 200 connections sat idle", ms).isLessThan(1000);
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    @Test
    void thirtyTwoClientsSendingHalfARequestDoNotStopALegitimateOne() throws Exception {
        // each holds a reading thread until the request time-out; there are more readers than that
        java.util.List<Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
                s.getOutputStream().write(("GET /v1/databases HTTP/1.1\r\n" + host()).getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                slow.add(s);
            }
            Thread.sleep(300);
            long t0 = System.nanoTime();
            Answer a = raw("GET", "/v1/databases", host() + auth(), null);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(a.status()).isEqualTo(200);
            assertThat(ms).as("answered in %d ms while 32 clients sent half a request", ms).isLessThan(1000);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aGetNeverReturnsAPassword() throws Exception {
        assertThat(create(host() + "Content-Type: application/json\r\n" + auth()).status()).isEqualTo(200);
        Answer one = raw("GET", "/v1/databases/storefront", host() + auth(), null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(Json.parse(one.body()).at("/spec/database_users").isArray()).isTrue();
        assertThat(Json.parse(one.body()).at("/spec/database_users/0").has("password")).isFalse();
        assertThat(one.body()).doesNotContain("\"password\"");
        Answer list = raw("GET", "/v1/databases", host() + auth(), null);
        assertThat(list.body()).doesNotContain("\"password\"");
    }
}
