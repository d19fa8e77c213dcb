package trellis.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javax.management.ObjectName;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the soak measures, and how, so that each figure says what it is:
 * <ul>
 * <li>the heap after GC: three full collections in a row ({@code System.gc()}), after each the sum of the
 * heap pools' usage as the collector left them ({@link MemoryPoolMXBean#getCollectionUsage()}, so
 * nothing allocated after the collection counts), the smallest of the three; metaspace, code cache and
 * class data are not in it;</li>
 * <li>FX-thread pauses: a probe posts a runnable every 2 ms and keeps how long each waited to run;
 * every wait over half a frame (8 ms) is kept with its moment;</li>
 * <li>the JVM's stop-the-world GC pauses (JFR's {@code jdk.GCPhasePause}, recorded to disk and read at the
 * end), so that a long FX wait can be said to be a GC pause (it overlaps one);</li>
 * <li>the machine's own stalls ({@link SoakTicker}: an idle process whose 1 ms sleeps ended 8 ms or more
 * late), so that a long FX wait can be said to be the machine's (it overlaps one) and not the console's.</li>
 * </ul>
 */
final class SoakPollingMeasures implements AutoCloseable {
    static final long FRAME_NANOS = 16_000_000;
    /** The FX waits kept with their moments: those over half a frame. */
    static final long KEEP_NANOS = 8_000_000;

    /** A span of time on the {@link System#nanoTime()} clock. */
    record Span(long startNanos, long endNanos) {
        double millis() {
            return (endNanos - startNanos) / 1e6;
        }

        boolean overlaps(Span o, long slackNanos) {
            return startNanos < o.endNanos + slackNanos && o.startNanos < endNanos + slackNanos;
        }
    }

    /**
     * The FX waits over {@link #KEEP_NANOS} (from the probe's start, on the same clock), the GC pauses and the
     * machine's stalls ({@link SoakTicker}) in the same window, and what they show together.
     */
    record Pauses(long startNanos, double longestFxMs, List<Span> waits, List<Span> gc, List<Span> machine) {
        private static final long SLACK = 2_000_000;

        List<Span> overFrame() {
            return waits.stream().filter(w -> w.endNanos - w.startNanos > FRAME_NANOS).toList();
        }

        double longestGcMs() {
            return longest(gc);
        }

        double longestMachineMs() {
            return longest(machine);
        }

        boolean withGc(Span wait) {
            return gc.stream().anyMatch(g -> g.overlaps(wait, SLACK));
        }

        boolean inMachineStall(Span wait) {
            return machine.stream().anyMatch(m -> m.overlaps(wait, SLACK));
        }

        /** Waits with neither a GC pause nor a stall of the machine in them: the console's own work. */
        List<Span> own() {
            return waits.stream().filter(w -> !withGc(w) && !inMachineStall(w)).toList();
        }

        /** The longest of {@link #own()}, or 0 when none was over {@link #KEEP_NANOS}. */
        double longestOwnMs() {
            return longest(own());
        }

        private static double longest(List<Span> spans) {
            return spans.stream().mapToDouble(Span::millis).max().orElse(0);
        }
    }

    private final AtomicLong longest = new AtomicLong();
    /**
     * The spans kept while measuring, in arrays made before the start's heap is taken: a list growing
     * by a span per slow frame (tens of thousands on a loaded machine) was counted as heap growth.
     */
    private final Spans waits = new Spans(200_000);
    /**
     * The JVM's stop-the-world pauses, recorded by JFR into its own (native) buffers and files and read only
     * when {@link #pauses()} is asked, after the end's heap was taken: a JFR stream parsing events as they came
     * kept its growing read buffers and constant pools in the measured heap.
     */
    private final Recording gcEvents = new Recording();
    private final long nanoZero = System.nanoTime();
    private final Instant wallZero = Instant.now();
    private volatile boolean probing;
    private volatile long probeStart;
    private volatile long probeEnd = Long.MAX_VALUE;
    private Thread prober;
    /** When the FX thread last ran one of the probe's runnables (for {@link SoakStallSampler}). */
    private volatile long lastRan;
    private SoakStallSampler stalls;

    /** Start and end times in preallocated arrays; one writer thread each. */
    static final class Spans {
        private final long[] starts;
        private final long[] ends;
        private volatile int size;

        Spans(int capacity) {
            starts = new long[capacity];
            ends = new long[capacity];
        }

        void add(long start, long end) {
            int n = size;
            if (n < starts.length) {
                starts[n] = start;
                ends[n] = end;
                size = n + 1;
            }
        }

        void clear() {
            size = 0;
        }

        List<Span> list() {
            List<Span> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(new Span(starts[i], ends[i]));
            }
            return out;
        }
    }

    /** The machine's own stalls, seen by an idle process. */
    private final SoakTicker ticker;

    SoakPollingMeasures() throws IOException {
        ticker = new SoakTicker();
        gcEvents.enable("jdk.GCPhasePause").withThreshold(java.time.Duration.ZERO);
        gcEvents.setToDisk(true);
        gcEvents.start();
    }

    /**
     * Starts the FX probe (what came before is the warm-up). The probe runs half a second before it counts:
     * its own first runnables linked their lambdas and method references then (the first waits measured
     * 18-20 ms, the probe's doing, not the console's); only runnables posted after the start count.
     */
    void startProbe() throws Exception {
        probeStart = Long.MAX_VALUE;
        probing = true;
        prober = new Thread(() -> {
            while (probing) {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    long ran = System.nanoTime();
                    lastRan = ran;
                    long wait = posted >= probeStart ? ran - posted : 0; // the same code runs in the warm-up, counting 0
                    longest.accumulateAndGet(wait, Math::max);
                    if (wait > KEEP_NANOS) {
                        waits.add(posted, ran);
                    }
                });
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-probe");
        prober.setDaemon(true);
        prober.start();
        Thread.sleep(500);
        longest.set(0);
        waits.clear();
        probeStart = System.nanoTime();
        if (Boolean.getBoolean("soak.stalls")) {
            stalls = new SoakStallSampler(FxTesting.fx(Thread::currentThread, 60), () -> lastRan, probeStart);
        }
    }

    /** Stops the probe (the spans stay in their arrays, so that the heap taken next does not hold them as objects). */
    void stopProbe() throws InterruptedException {
        probeEnd = System.nanoTime();
        probing = false;
        prober.join();
        if (stalls != null) {
            stalls.stop();
        }
        Thread.sleep(200); // the last runnables posted
    }

    /**
     * What the probe saw; call after the end's heap was taken. The GC pauses are those that began while the
     * probe ran (not the full collections that took the heap before and after it).
     */
    Pauses pauses() throws IOException {
        Path file = Files.createTempFile("soak-gc", ".jfr");
        try {
            gcEvents.dump(file);
            List<Span> inWindow = new ArrayList<>();
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                long start = nanoZero + java.time.Duration.between(wallZero, e.getStartTime()).toNanos();
                if (start >= probeStart && start <= probeEnd) {
                    inWindow.add(new Span(start, start + e.getDuration().toNanos()));
                }
            }
            List<Span> machine = ticker.gaps().stream().filter(g -> g.endNanos() >= probeStart && g.startNanos() <= probeEnd).toList();
            return new Pauses(probeStart, longest.get() / 1e6, waits.list(), inWindow, machine);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The heap after GC as the class says; call off the FX thread. */
    static long heapAfterGc() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    sum += pool.getCollectionUsage().getUsed();
                }
            }
            least = Math.min(least, sum);
        }
        return least;
    }

    /** Writes the class histogram (a full GC first, as {@code jcmd GC.class_histogram}) when {@code dir} is set. */
    static void histogram(Path dir, String name) {
        if (dir == null) {
            return;
        }
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".txt"), String.valueOf(text));
        } catch (IOException | javax.management.JMException e) {
            throw new IllegalStateException("cannot write the class histogram: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        probing = false;
        gcEvents.close();
        ticker.close();
    }
}
