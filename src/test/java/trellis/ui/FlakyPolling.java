package trellis.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import trellis.engine.http.RestControlPlane;
import trellis.spec.Json;

/**
 * The console against a flaky Control Plane: a real HTTP server on 127.0.0.1 that fails about one
 * request in eight (a 500 with the contract's error body, a dropped connection, or a stall past the
 * client's timeout, in turn), the real REST client, and the real window polling it every second.
 * Measured at the server: the gap between a failed request that followed a good one and the next
 * request; and, for each failure, whether the banner's "retrying in N s" named that moment.
 * {@link FlakyControlPlaneIT} runs it for a bounded time; {@code bench/run-flaky-poll.sh} for ten
 * minutes ({@link #main}).
 */
final class FlakyPolling {
    static final int INTERVAL_SECONDS = 1;
    static final Duration CLIENT_TIMEOUT = Duration.ofMillis(1500);
    private static final Duration STALL_MARGIN = Duration.ofMillis(300);
    /** A request this soon after a dropped one is the REST client's own retry of it (200 ms, then 400, 800). */
    private static final double RETRY_WINDOW_SECONDS = 0.6;
    private static final Pattern RETRY = Pattern.compile("retrying (?:in (\\d+) s|now)");

    /** One request as the server saw it. */
    record Request(long atNanos, String fault) {
    }

    /** A change of the banner's text, when the FX thread made it. */
    record BannerText(long atNanos, String text) {
    }

    /** What a run showed. */
    record Result(int requests, int failures, int singleFailures, List<Double> gapsAfterSingleFailure,
            List<String> bannerMismatches, double longestGap) {
        double maxGapAfterSingleFailure() {
            return gapsAfterSingleFailure.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    /** The server: GET /v1/databases/{id} answers the database, or the next fault. */
    static final class FlakyServer implements AutoCloseable {
        final List<Request> requests = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(4);
        private final byte[] body;
        private final Random random;
        private int faults;

        FlakyServer(byte[] body, long seed) throws IOException {
            this.body = body;
            this.random = new Random(seed);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(threads);
            server.createContext("/v1/databases", ex -> {
                if (ex.getRequestURI().getPath().equals("/v1/databases")) {
                    // The listing the console makes once when it connects: always answered.
                    try (ex) {
                        send(ex, 200, "{\"databases\":[" + new String(body, StandardCharsets.UTF_8) + "]}");
                    }
                } else {
                    handle(ex);
                }
            });
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private void handle(HttpExchange ex) throws IOException {
            if (ex.getRequestURI().getPath().endsWith("/tasks")) {
                // the Tasks tab's history of the shown database: not the poller measured here
                try (ex) {
                    send(ex, 200, "{\"tasks\":[]}");
                }
                return;
            }
            String fault;
            synchronized (this) {
                fault = random.nextInt(8) == 0 ? List.of("500", "drop", "stall").get(faults++ % 3) : null;
            }
            requests.add(new Request(System.nanoTime(), fault));
            try (ex) {
                if ("500".equals(fault)) {
                    send(ex, 500, "{\"name\":\"server_error\",\"message\":\"injected failure\"}");
                } else if ("stall".equals(fault)) {
                    sleep(CLIENT_TIMEOUT.toMillis() + 1000);
                    send(ex, 200, new String(body, StandardCharsets.UTF_8));
                } else if (fault == null) {
                    send(ex, 200, new String(body, StandardCharsets.UTF_8));
                } else {
                    // "drop": the connection is cut halfway through the answer. (Cut before the
                    // status line, the JDK client quietly sends an idempotent GET again.)
                    ex.getResponseHeaders().set("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body, 0, body.length / 2);
                    ex.getResponseBody().flush();
                    throw new IOException("cut on purpose");
                }
            } catch (IOException cut) {
                // the server closes the connection: what the client sees is the point
            }
        }

        private static void send(HttpExchange ex, int status, String json) throws IOException {
            trellis.TestHttp.sendJson(ex, status, json);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private FlakyPolling() {
    }

    /** Runs the console against the flaky server for {@code length}; call off the FX thread. */
    static Result run(Stage stage, Duration length, long seed) throws Exception {
        var db = FxTesting.live(FxTesting.example("co-located.json"), List.of(
                FxTesting.instance("storefront", "api", "host-1", "running", "healthy", null)));
        List<BannerText> banner = new CopyOnWriteArrayList<>();
        MainWindow[] window = new MainWindow[1];
        try (FlakyServer server = new FlakyServer(Json.MAPPER.writeValueAsBytes(db), seed)) {
            FxTesting.fx(() -> {
                window[0] = ConsoleApp.createWindow(stage, FxTesting.freshSettings(), TaskRunner.standard(), Theme.LIGHT);
                stage.setWidth(1200);
                stage.setHeight(800);
                stage.show();
                Label label = (Label) stage.getScene().lookup("#bannerLabel");
                label.textProperty().addListener((o, was, now) -> banner.add(new BannerText(System.nanoTime(), now)));
                // A new outage may say what the last one said: showing the banner counts as saying it.
                stage.getScene().lookup("#banner").visibleProperty().addListener((o, was, now) -> {
                    if (now) {
                        long shownAt = System.nanoTime();
                        // read once the view model has set the text too
                        Platform.runLater(() -> banner.add(new BannerText(shownAt, label.getText())));
                    }
                });
                window[0].setInterval(INTERVAL_SECONDS);
                window[0].addControlPlane(new RestControlPlane(server.uri(), null, Duration.ofSeconds(1), CLIENT_TIMEOUT));
                return null;
            }, 60);
            Thread.sleep(length.toMillis());
            FxTesting.fx(() -> {
                window[0].shutdown();
                return null;
            }, 60);
            return measure(new ArrayList<>(server.requests), banner);
        }
    }

    static Result measure(List<Request> requests, List<BannerText> banner) {
        List<Double> gaps = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        int failures = 0;
        double longest = 0;
        for (int i = 0; i + 1 < requests.size(); i++) {
            double gap = (requests.get(i + 1).atNanos() - requests.get(i).atNanos()) / 1e9;
            longest = Math.max(longest, gap);
            if (requests.get(i).fault() == null) {
                continue;
            }
            if ("drop".equals(requests.get(i).fault()) && gap < RETRY_WINDOW_SECONDS) {
                // the REST client sent the read again itself (a dropped connection is retried after
                // 200 ms): the poller saw no failure unless the retry failed too, judged at the retry
                continue;
            }
            failures++;
            if (i > 0 && requests.get(i - 1).fault() == null) {
                gaps.add(gap);
            }
            // The first banner text once the client knows of this failure is the one its report
            // published (a stalled answer is known to have failed only at the client's timeout;
            // before that, the banner of an earlier failure may still be counting down).
            long at = requests.get(i).atNanos();
            boolean stall = "stall".equals(requests.get(i).fault());
            // The client's clock for its timeout starts a little before the server sees the request.
            long known = at + (stall ? CLIENT_TIMEOUT.toNanos() - STALL_MARGIN.toNanos() : 0);
            // A stall is reported before its retry is due (the wait is longer than the timeout), so
            // its report says "retrying in N s"; a "retrying now" then is an earlier outage's count-down.
            BannerText said = banner.stream().filter(b -> b.atNanos() > known && RETRY.matcher(b.text()).find()
                    && !(stall && b.text().contains("retrying now"))).findFirst().orElse(null);
            if (said == null) {
                mismatches.add("request " + i + " (" + requests.get(i).fault() + "): the banner never said when it retries");
                continue;
            }
            Matcher m = RETRY.matcher(said.text());
            m.find();
            double promised = (said.atNanos() - at) / 1e9 + (m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
            // "retrying in N s" rounds up to whole seconds, so the next request comes within the second before.
            if (gap > promised + 0.25 || gap < promised - 1.25) {
                mismatches.add(String.format("request %d (%s): the banner promised the next try %.2f s after it (\"%s\" at %.2f s), it came after %.2f s",
                        i, requests.get(i).fault(), promised, said.text(), (said.atNanos() - at) / 1e9, gap));
            }
        }
        return new Result(requests.size(), failures, gaps.size(), gaps, mismatches, longest);
    }

    /** bench/run-flaky-poll.sh: {@code SECONDS RESULTS.md}. */
    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args.length > 0 ? args[0] : "600");
        Path results = Path.of(args.length > 1 ? args[1] : "bench/RESULTS.md");
        Platform.startup(() -> { });
        Stage stage = FxTesting.fx(Stage::new, 60);
        Result r = run(stage, Duration.ofSeconds(seconds), 8);
        String md = "## Polling a flaky Control Plane\n\n"
                + "The console (`MainWindow`, the REST client) polling every " + INTERVAL_SECONDS + " s for " + seconds
                + " s a real HTTP server on 127.0.0.1 that fails about one request in eight (500, dropped connection, or a stall"
                + " past the client's " + CLIENT_TIMEOUT.toMillis() + " ms timeout, in turn). " + LocalDate.now() + ", "
                + trellis.bench.BenchResults.machine() + ".\n\n"
                + "| measure | goal | result |\n|---|---|---|\n"
                + String.format("| requests / failed | — | %d / %d |%n", r.requests(), r.failures())
                + String.format("| longest pause after a single failure (%d of them) | ≤ %d s (interval + 2 s) | %.2f s |%n",
                        r.singleFailures(), INTERVAL_SECONDS + 2, r.maxGapAfterSingleFailure())
                + String.format("| longest pause between any two requests | — | %.2f s |%n", r.longestGap())
                + String.format("| failures whose banner named a different retry moment | 0 | %d |%n", r.bannerMismatches().size());
        trellis.bench.BenchResults.writeSection(results, "flaky-poll", md);
        System.out.print(md);
        r.bannerMismatches().forEach(System.out::println);
        Platform.exit();
        System.exit(0);
    }
}
