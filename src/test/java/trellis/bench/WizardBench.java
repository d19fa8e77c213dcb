package trellis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;
import trellis.ui.Theme;
import trellis.ui.action.ActionManager;
import trellis.ui.export.TopologyPngExporter;
import trellis.ui.model.SpecDraft;
import trellis.ui.wizard.ServiceEditing;

/**
 * The Add Service wizard's speed (bench/run-wizard.sh): from the menu's call to the first page on
 * screen, and the FX-thread time of one keystroke in the service id (the whole edited spec
 * validated, every field of the page given its message, the decorations and Next updated), on
 * the largest template.
 */
public final class WizardBench {
    public static void main(String[] args) throws Exception {
        Path largest;
        try (var files = Files.list(Path.of("src/main/resources/trellis/templates"))) {
            largest = files.filter(f -> f.toString().endsWith(".json")).max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
        if (args.length > 0 && args[0].equals(FreshConsole.CHILD)) {
            FreshConsole.child(largest);
            return;
        }
        Path results = Path.of(args.length > 0 ? args[0] : "bench/RESULTS.md");
        // --fresh (bench/run-wizard.sh passes it): three new JVMs, each a console opening the wizard as a person does
        List<Long> fresh = args.length > 1 && args[1].equals("--fresh") ? FreshConsole.measure(3) : List.of();
        CreateDatabaseRequest body = Json.MAPPER.readValue(largest.toFile(), CreateDatabaseRequest.class);
        TopologyPngExporter.startToolkit();
        Stage[] owner = new Stage[1];
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.runLater(() -> {
            owner[0] = new Stage();
            owner[0].setScene(new Scene(new StackPane(), 800, 600));
            owner[0].show();
            up.complete(null);
        });
        up.get(30, TimeUnit.SECONDS);
        List<Long> opens = new ArrayList<>();
        List<Double> keys = new ArrayList<>();
        List<Double> warmKeys = new ArrayList<>();
        List<Double> cpu = java.util.Collections.synchronizedList(new ArrayList<>());
        int[] round = new int[1];
        for (round[0] = 0; round[0] < 8; round[0]++) {
            CompletableFuture<Window> shown = new CompletableFuture<>();
            long[] t0 = new long[1];
            ListChangeListener<Window> watch = c -> {
                while (c.next()) {
                    for (Window w : c.getAddedSubList()) {
                        if (w.isShowing()) {
                            shown.complete(w);
                        }
                        w.showingProperty().addListener((o, a, on) -> {
                            if (on) {
                                shown.complete(w);
                            }
                        });
                    }
                }
            };
            Platform.runLater(() -> {
                Window.getWindows().addListener(watch);
                t0[0] = System.nanoTime();
                ServiceEditing editing = new ServiceEditing(new ActionManager(), () -> owner[0], () -> Theme.LIGHT);
                editing.addService(new SpecDraft(body.spec()), body.id(), null).showAndWait();
            });
            Window w = shown.get(30, TimeUnit.SECONDS);
            long open = System.nanoTime() - t0[0];
            opens.add(open / 1_000_000);
            // to the identity page, then 40 keystrokes in the service id, each timed on the FX thread
            CompletableFuture<double[]> typed = new CompletableFuture<>();
            Platform.runLater(() -> {
                Window.getWindows().removeListener(watch);
                ((Button) w.getScene().lookup("#wizard-next")).fire();
                Platform.runLater(() -> {
                    TextField id = (TextField) w.getScene().lookup("#service-id");
                    double[] times = new double[40];
                    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                    for (int i = 0; i < times.length; i++) {
                        long s = System.nanoTime();
                        long c = threads.getCurrentThreadCpuTime();
                        id.appendText(i % 5 == 4 ? "-" : "a");
                        times[i] = (System.nanoTime() - s) / 1e6;
                        if (round[0] > 0) {
                            cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
                        }
                    }
                    w.hide();
                    typed.complete(times);
                });
            });
            for (double t : typed.get(60, TimeUnit.SECONDS)) {
                keys.add(t);
                if (round[0] > 0) {
                    warmKeys.add(t);
                }
            }
        }
        long firstOpen = opens.get(0);
        List<Long> warmOpens = opens.subList(1, opens.size());
        long openMedian = warmOpens.stream().sorted().toList().get(warmOpens.size() / 2);
        double[] k = keys.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double keyMedian = k[k.length / 2];
        double key95 = k[(int) (k.length * 0.95)];
        double[] w = warmKeys.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double warmMedian = w[w.length / 2];
        double warm95 = w[(int) (w.length * 0.95)];
        double[] c = cpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        // on a shared machine the wall time above counts the other processes' turns on the core; this does not
        String cpuLine = String.format("| the same keystroke's FX-thread CPU time (median / 95th of %d after the first wizard; load average %.1f) | < 5 ms | %.2f ms / %.2f ms |\n",
                c.length, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                c[c.length / 2], c[(int) (c.length * 0.95)]);
        String freshMedian = fresh.isEmpty() ? "not measured here (java ... WizardBench --fresh-console, alone: see the report)" : fresh.stream().sorted().toList().get(fresh.size() / 2) + " ms";
        String md = "## Add Service wizard\n\n`bench/run-wizard.sh`, " + LocalDate.now() + ", " + BenchResults.machine()
                + ", JavaFX on Monocle headless with the software pipeline; template " + largest.getFileName() + ".\n\n"
                + "| measure | goal | result |\n|---|---|---|\n"
                + "| fresh JVM: the console up with the template open, 3 s later Ctrl+Shift+A → first page shown (median of "
                + fresh.size() + " JVMs: " + fresh + " ms; no class-data archive) | < 150 ms | " + freshMedian + " |\n"
                + "| wizard open → first page shown, bare toolkit (median of 7 after the first; the first, cold: " + firstOpen
                + " ms) | < 150 ms | " + openMedian + " ms |\n"
                + "| one keystroke in the service id: FX-thread time (whole spec validated, messages, decorations, Next; median / 95th of "
                + w.length + " after the first wizard) | < 5 ms | " + String.format("%.2f ms / %.2f ms", warmMedian, warm95) + " |\n"
                + "| the same with the first, cold wizard's 40 keystrokes (median / 95th of " + k.length + ") | < 5 ms | "
                + String.format("%.2f ms / %.2f ms", keyMedian, key95) + " |\n" + cpuLine;
        System.out.println(md);
        System.out.println("opens " + opens + " slowest warm keys " + Arrays.toString(Arrays.copyOfRange(w, w.length - 8, w.length))
                + " slowest keys " + Arrays.toString(Arrays.copyOfRange(k, k.length - 8, k.length)));
        BenchResults.writeSection(results, "wizard", md);
        Platform.exit();
        System.exit(0);
    }
}
