package trellis.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import trellis.ui.ConsoleApp;
import trellis.ui.MainWindow;
import trellis.ui.Settings;
import trellis.ui.TaskRunner;
import trellis.ui.Theme;

/**
 * The wizard's first open as a person meets it: a new JVM starts the console (its own settings,
 * no Docker), opens the template, and three seconds later Ctrl+Shift+A; timed from the key to the
 * wizard's window showing. Each measure is a JVM of its own, started with the bench's class path.
 */
public final class FreshConsole {
    static final String CHILD = "--fresh-console";
    private static final String MARK = "FIRST_OPEN_MS ";

    private FreshConsole() {
    }

    static List<Long> measure(int runs) throws Exception {
        List<Long> out = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < runs; i++) {
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path")));
            for (String p : List.of("glass.platform", "monocle.platform", "prism.order", "prism.text", "headless.geometry")) {
                if (System.getProperty(p) != null) {
                    cmd.add("-D" + p + "=" + System.getProperty(p));
                }
            }
            cmd.add(WizardBench.class.getName());
            cmd.add(CHILD);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Long ms = null;
            StringBuilder said = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    said.append(line).append('\n');
                    if (line.startsWith(MARK)) {
                        ms = Long.parseLong(line.substring(MARK.length()).trim());
                    }
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (ms == null) {
                throw new IllegalStateException("the fresh console did not open the wizard (run " + (i + 1) + "):\n" + said);
            }
            out.add(ms);
        }
        return out;
    }

    /**
     * Starts the console in this (new) JVM as a person does: its own settings beside the file, the
     * main window's classes loaded on the second core, the window shown with the file open.
     */
    public static Stage startConsole(Path file) throws Exception {
        Settings settings = new Settings(file.resolveSibling("settings.properties"));
        TaskRunner runner = TaskRunner.standard();
        ConsoleApp.prewarm(runner.background());
        CompletableFuture<Stage> up = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                MainWindow window = ConsoleApp.createWindow(stage, settings, runner, Theme.LIGHT);
                stage.show();
                window.openFile(file);
                up.complete(stage);
            } catch (Throwable t) {
                up.completeExceptionally(t);
            }
        });
        Stage stage = up.get(60, TimeUnit.SECONDS);
        return stage;
    }

    static void child(Path template) throws Exception {
        Path dir = Files.createTempDirectory("trellis-wizard-bench");
        Path file = Files.copy(template, dir.resolve(template.getFileName()));
        Stage stage = startConsole(file);
        Thread.sleep(3000);
        CompletableFuture<Long> shown = new CompletableFuture<>();
        long[] t0 = new long[1];
        Platform.runLater(() -> {
            Window.getWindows().addListener((ListChangeListener<Window>) c -> {
                while (c.next()) {
                    for (Window w : c.getAddedSubList()) {
                        if (w.isShowing()) {
                            shown.complete((System.nanoTime() - t0[0]) / 1_000_000);
                        }
                        w.showingProperty().addListener((o, a, on) -> {
                            if (on) {
                                shown.complete((System.nanoTime() - t0[0]) / 1_000_000);
                            }
                        });
                    }
                }
            });
            Scene scene = stage.getScene();
            // what the menu bar registered for Ctrl+Shift+A (Edit > Add service…), as the key runs it
            Runnable key = scene.getAccelerators().get(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
                    KeyCombination.SHIFT_DOWN));
            t0[0] = System.nanoTime();
            key.run();
        });
        try {
            System.out.println(MARK + shown.get(60, TimeUnit.SECONDS));
        } finally {
            System.exit(0);
        }
    }
}
