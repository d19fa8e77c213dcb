package trellis.ui.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import trellis.bench.FreshConsole;
import trellis.topology.Topology;

/**
 * The first large picture as a person meets it in a new JVM: the console starts (its own settings,
 * no Docker) with the co-located template open, and a few seconds later the 5,000-instance
 * database is shown in its picture; timed on the FX thread from show() to the picture laid out and
 * painted, as {@link GraphBench#firstPaint} does. Run by GraphBench in a JVM of its own.
 */
final class ConsoleColdPicture {
    static final String CHILD = "console-cold";

    private ConsoleColdPicture() {
    }

    static void child() throws Exception {
        Path dir = Files.createTempDirectory("trellis-graph-bench");
        Path file = dir.resolve("co-located.json");
        try (var in = ConsoleColdPicture.class.getResourceAsStream("/trellis/templates/co-located.json")) {
            Files.copy(in, file);
        }
        Stage stage = FreshConsole.startConsole(file);
        Thread.sleep(Long.getLong("bench.idle", 4000));
        Topology big = GraphBench.topology(500, -1);
        CompletableFuture<Long> t = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                TopologyView view = (TopologyView) stage.getScene().lookup(".topology-view");
                t.complete(GraphBench.firstPaint(view, big));
            } catch (Throwable e) {
                t.completeExceptionally(e);
            }
        });
        long ns = t.get(60, TimeUnit.SECONDS);
        System.out.println("warm-up steps (ms): " + PictureWarmup.stepNanos().stream().map(n -> n / 1_000_000).toList());
        System.out.println("COLD_NS=" + ns + " " + GraphBench.lastCpu() + " " + PictureWarmup.longestStepNanos());
        System.exit(0);
    }
}
