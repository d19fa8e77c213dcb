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

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String b = split < 0 ? "" : text.substring(split + 4);
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
}
