package trellis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one benchmark's section into bench/RESULTS.md, replacing that section's last figures
 * and leaving the other benchmarks' sections as they are.
 */
public final class BenchResults {
    private BenchResults() {
    }

    public static void writeSection(Path results, String name, String markdown) throws IOException {
        String start = "<!-- " + name + ":start -->";
        String end = "<!-- " + name + ":end -->";
        String block = start + "\n" + markdown.strip() + "\n" + end;
        String text = Files.exists(results) ? Files.readString(results) : "# Benchmark results\n\nWritten by the harnesses in `bench/`; each section is replaced by its own run.\n";
        int s = text.indexOf(start);
        int e = text.indexOf(end);
        if (s >= 0 && e > s) {
            text = text.substring(0, s) + block + text.substring(e + end.length());
        } else {
            text = text.stripTrailing() + "\n\n" + block + "\n";
        }
        Files.writeString(results, text);
    }

    public static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB";
    }
}
