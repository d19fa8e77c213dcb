package trellis.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The build's training run for the console's class-data archive ({@code target/trellis.jsa}).
 *
 * <p>Almost all of the console's time to its first frame is spent loading and verifying some
 * 4,700 classes (JavaFX's controls, skins and behaviours, FXML, CSS). {@code mvn package} runs this
 * class once, headless, under {@code -XX:ArchiveClassesAtExit}: it opens the main window as a
 * person would, opens the given spec files and draws them in both themes, then exits, so the JVM
 * writes every class it loaded to the archive. The {@code trellis} script starts the jar with
 * {@code -XX:SharedArchiveFile} and those classes are mapped in already verified. A missing or
 * stale archive (another JDK, a rebuilt jar) is ignored by the JVM: only start-up is slower.
 *
 * <p>It writes nothing outside the build directory: settings go to the file named by
 * {@code -Dtrellis.settings}, and it never looks for a Docker engine.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files = java.util.Arrays.stream(args).map(Path::of).toList();
        // its own settings file, named by the build; never the person's
        Settings settings = new Settings(Path.of(System.getProperty("trellis.settings", "target/startup-training.properties")));
        TaskRunner runner = TaskRunner.standard();
        ConsoleApp.prewarm(runner.background());
        CompletableFuture<MainWindow> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                // as ConsoleApp.start shows it: the first frame, then the console built into the same window
                Stage stage = new Stage();
                javafx.scene.Scene first = ConsoleApp.showFirstFrame(stage, settings, Theme.LIGHT);
                stage.show();
                FirstFrame.afterNextFrame(first, () -> {
                    try {
                        shown.complete(ConsoleApp.createWindow(stage, settings, runner, Theme.LIGHT));
                    } catch (Throwable t) {
                        shown.completeExceptionally(t);
                    }
                });
            } catch (Throwable t) {
                shown.completeExceptionally(t);
            }
        });
        MainWindow window = shown.get(60, TimeUnit.SECONDS);
        for (Path f : files) {
            Platform.runLater(() -> window.openFile(f));
        }
        // let the files load off the FX thread and their pictures lay out and paint
        pulses(20);
        Platform.runLater(() -> Theme.DARK.apply(window.root().getScene()));
        pulses(5);
        Platform.runLater(() -> Theme.LIGHT.apply(window.root().getScene()));
        pulses(5);
        System.exit(0);
    }

    private static void pulses(int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            CountDownLatch latch = new CountDownLatch(1);
            Platform.runLater(latch::countDown);
            latch.await(30, TimeUnit.SECONDS);
            Thread.sleep(50);
        }
    }
}
