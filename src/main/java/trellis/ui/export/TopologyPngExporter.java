package trellis.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import trellis.topology.Topology;
import trellis.ui.Theme;
import trellis.ui.graph.TopologyView;

/**
 * Writes the topology picture as PNG: from the console (File > Export picture) and from the CLI
 * with no display, where the same {@link TopologyView} is rendered off screen on Monocle's
 * headless platform with the software pipeline.
 */
public final class TopologyPngExporter {
    private static volatile boolean started;

    private TopologyPngExporter() {
    }

    /** From a view already on screen; call on the FX thread. */
    public static void write(TopologyView view, Path out) throws IOException {
        save(view.snapshotPicture(), out);
    }

    /** As {@link #export(Topology, Path, Theme)} in the light theme. */
    public static void export(Topology topology, Path out) throws Exception {
        export(topology, out, Theme.LIGHT);
    }

    /** From the CLI: starts JavaFX if needed (headless when there is no display) and renders off screen. */
    public static void export(Topology topology, Path out, Theme theme) throws Exception {
        startToolkit();
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                TopologyView view = new TopologyView();
                Scene scene = new Scene(view, 4000, 3000);
                theme.apply(scene);
                view.show(topology);
                image.complete(view.snapshotPicture());
            } catch (Throwable t) {
                image.completeExceptionally(t);
            }
        });
        save(image.get(60, TimeUnit.SECONDS), out);
    }

    /** Encodes and writes a picture taken with {@link TopologyView#snapshotPicture()}; any thread. */
    public static void save(WritableImage img, Path out) throws IOException {
        BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(bi, "png", out.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** Starts the toolkit once; without a display, on Monocle's headless platform. */
    public static synchronized void startToolkit() throws InterruptedException {
        if (started) {
            return;
        }
        String display = System.getenv("DISPLAY");
        if ((display == null || display.isBlank()) && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("headless.geometry", "1920x1200-32");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("java.awt.headless", "true");
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        try {
            Platform.startup(() -> ready.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            ready.complete(null);
        }
        Platform.setImplicitExit(false);
        try {
            ready.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("JavaFX did not start: " + e.getMessage(), e);
        }
        started = true;
    }
}
