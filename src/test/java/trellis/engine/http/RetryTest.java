package trellis.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import trellis.engine.ControlPlaneException;
import trellis.spec.CreateDatabaseRequest;

/** GETs retry with backoff when the connection fails; writes are sent once. Against a real HTTP server that drops connections. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RetryTest {
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    /** How many requests to drop (close without an answer) before answering. */
    volatile int drop;
    volatile long stallMillis;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", ex -> {
            int n = requests.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            if (n <= drop) {
                if (stallMillis > 0) {
                    try {
                        Thread.sleep(stallMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                ex.close(); // no status line: the connection just ends
                return;
            }
            byte[] body = (ex.getRequestMethod().equals("GET") ? "{\"databases\":[]}"
                    : "{\"task\":{\"task_id\":\"t-1\",\"status\":\"pending\"}}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // a stalled request holds up no other
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    RestControlPlane client(Duration requestTimeout) {
        return new RestControlPlane(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null, Duration.ofSeconds(2), requestTimeout);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // The JDK's HttpClient itself sends a GET once more when its connection closes before any byte of
    // an answer (never a POST or DELETE); so each of Trellis's tries of a GET may reach the server twice.

    @Test
    void aGetWhoseConnectionsDropIsTriedAgainAfter200And400Ms() throws Exception {
        drop = 4;
        long t0 = System.nanoTime();
        assertThat(client(Duration.ofSeconds(5)).databases()).isEmpty();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(requests.get()).isEqualTo(5);
        assertThat(ms).as("waited 200 + 400 ms").isBetween(600L, 5000L);
    }

    @Test
    void aGetGivesUpAfterFourTriesInWords() {
        drop = 100;
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).databases()).isInstanceOfSatisfying(ControlPlaneException.class, e -> {
            assertThat(e.unreachable()).isTrue();
            assertThat(e.getMessage()).isEqualTo(base()
                    + " closed the connection before answering (connection reset): the server, or something between, dropped it");
        });
        assertThat(requests.get()).as("4 tries, each sent twice by the JDK").isEqualTo(8);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).as("200 + 400 + 800 ms").isGreaterThanOrEqualTo(1400L);
    }

    @Test
    void aGetThatTimesOutIsNotSentAgainWhileTheServerMayStillWorkOnIt() {
        drop = 1;
        stallMillis = 1500;
        assertThatThrownBy(() -> client(Duration.ofMillis(500)).databases())
                .hasMessage(base() + " did not answer within 500 ms (timeout): the server or the network is slow or down");
        assertThat(requests.get()).as("one request, not a second on top of the stalled one").isEqualTo(1);
    }

    @Test
    void aTimeoutOnEveryTrySaysHowLongItWaited() {
        drop = 100;
        stallMillis = 1000;
        assertThatThrownBy(() -> client(Duration.ofMillis(300)).retryDelays(List.of(Duration.ofMillis(10))).databases())
                .hasMessage(base() + " did not answer within 300 ms (timeout): the server or the network is slow or down");
    }

    @Test
    void writesAreSentOnceEvenWhenTheConnectionDrops() {
        drop = 100;
        var req = new CreateDatabaseRequest("storefront", null, null, null);
        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).createDatabase(req)).isInstanceOf(ControlPlaneException.class);
        assertThat(requests.get()).as("POST sent once").isEqualTo(1);
        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).deleteDatabase("storefront")).isInstanceOf(ControlPlaneException.class)
                .hasMessage(base() + " closed the connection before answering (connection reset): the server, or something between, dropped it");
        assertThat(requests.get()).as("DELETE sent once").isEqualTo(2);
    }

    @Test
    void cancelIsAGetButChangesATaskSoTrellisNeverTriesItAgain() {
        drop = 100;
        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).cancelTask("storefront", "t-1")).isInstanceOf(ControlPlaneException.class);
        assertThat(requests.get()).as("one try (the JDK's own resend of a GET included)").isEqualTo(2);
    }

    @Test
    void nothingListeningIsRefusedInWords() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var cp = new RestControlPlane(URI.create("http://127.0.0.1:" + port), null, Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThatThrownBy(cp::databases).hasMessage("cannot reach http://127.0.0.1:" + port
                + ": nothing answers there (connection refused); is the Control Plane running, and is the URL right?");
    }
}
