package trellis.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The machine's own stalls, seen by a process that does nothing else: it sleeps a millisecond at a time and
 * reports every sleep that ended {@link #GAP_NANOS} or more after it began ({@code GAP start end}, on the
 * {@link System#nanoTime()} clock, which on Linux is the same monotonic clock in every process). It allocates
 * nothing while it ticks but a line per gap, so it has no GC pause to speak of; a gap means the machine gave it no CPU: the
 * hypervisor took the virtual CPUs (steal) or the kernel was busy. An FX wait that such a gap overlaps was
 * the machine's, not the console's; the soak reports those apart (and the longest FX wait in all as well).
 */
final class SoakTicker implements AutoCloseable {
    static final long GAP_NANOS = 8_000_000;

    private final Process process;
    private final SoakPollingMeasures.Spans gaps = new SoakPollingMeasures.Spans(10_000);

    /** Starts the ticker in a JVM of its own, with the serial collector and a small heap. */
    SoakTicker() throws IOException {
        process = SoakPolling.child(List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), "ticker");
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("GAP ")) {
                        String[] f = line.split(" ");
                        gaps.add(Long.parseLong(f[1]), Long.parseLong(f[2]));
                    }
                }
            } catch (IOException ended) {
                // the ticker ended
            }
        }, "soak-ticker-gaps");
        reader.setDaemon(true);
        reader.start();
    }

    /** The gaps the ticker saw so far. */
    List<SoakPollingMeasures.Span> gaps() {
        return gaps.list();
    }

    /** {@code SoakPolling ticker}: ticks until its input ends. */
    static void tick() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; the end of the input is the soak's end
                }
            } catch (IOException ended) {
                // the soak ended
            }
            System.exit(0);
        }, "input");
        watcher.setDaemon(true);
        watcher.start();
        while (true) {
            long before = System.nanoTime();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            long after = System.nanoTime();
            if (after - before >= GAP_NANOS) {
                // the only allocation, once per gap: a young collection of a few bytes in a 32 MB heap
                System.out.println("GAP " + before + " " + after);
            }
        }
    }

    @Override
    public void close() {
        SoakPolling.endChild(process);
    }
}
