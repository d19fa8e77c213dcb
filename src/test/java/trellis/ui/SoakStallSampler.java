package trellis.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A diagnostic for the soak ({@code -Dsoak.stalls=true}): while the FX thread has not taken one of the probe's
 * runnables for {@link #SAMPLE_AFTER_NANOS}, samples the stacks of the FX thread and of the renderer every
 * millisecond; when such a stall ends past a frame, prints each thread's commonest stacks in it (stdout), so
 * that a long wait says what the FX thread was doing (its own work, or waiting for the renderer, and the
 * renderer's work). Off by default: sampling takes the threads to a safepoint, which is not what a person's
 * console does.
 */
final class SoakStallSampler {
    static final long SAMPLE_AFTER_NANOS = 6_000_000;
    private static final int DEPTH = 18;

    private final Thread fx;
    private final LongSupplier lastRan;
    private final long zero;
    private volatile boolean running = true;
    private final Thread sampler;

    SoakStallSampler(Thread fx, LongSupplier lastRan, long zero) {
        this.fx = fx;
        this.lastRan = lastRan;
        this.zero = zero;
        sampler = new Thread(this::loop, "soak-stall-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    void stop() throws InterruptedException {
        running = false;
        sampler.join();
    }

    private void loop() {
        Map<String, Integer> samples = new LinkedHashMap<>();
        long stallFrom = -1;
        while (running) {
            long now = System.nanoTime();
            long ran = lastRan.getAsLong();
            if (ran > 0 && now - ran > SAMPLE_AFTER_NANOS) {
                if (stallFrom != ran) {
                    samples.clear();
                    stallFrom = ran;
                }
                sample("fx", fx, samples);
                Thread renderer = renderer();
                if (renderer != null) {
                    sample("renderer", renderer, samples);
                }
            } else if (stallFrom > 0 && ran != stallFrom) {
                long length = ran - stallFrom;
                if (length > SoakPollingMeasures.FRAME_NANOS) {
                    print(stallFrom, length, samples);
                }
                stallFrom = -1;
                samples.clear();
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void sample(String name, Thread t, Map<String, Integer> samples) {
        StackTraceElement[] stack = t.getStackTrace();
        StringBuilder b = new StringBuilder(name).append(" ").append(t.getState()).append('\n');
        for (int i = 0; i < Math.min(DEPTH, stack.length); i++) {
            b.append("      ").append(stack[i]).append('\n');
        }
        samples.merge(b.toString(), 1, Integer::sum);
    }

    private static Thread renderer() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                return t;
            }
        }
        return null;
    }

    private void print(long from, long length, Map<String, Integer> samples) {
        List<Map.Entry<String, Integer>> top = new ArrayList<>(samples.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        StringBuilder b = new StringBuilder(String.format("STALL +%.3f s: the FX thread took no runnable for %.1f ms; %d samples%n",
                (from - zero) / 1e9, length / 1e6, samples.values().stream().mapToInt(Integer::intValue).sum()));
        for (Map.Entry<String, Integer> e : top.subList(0, Math.min(6, top.size()))) {
            b.append("  ").append(e.getValue()).append(" x ").append(e.getKey());
        }
        System.out.print(b);
        System.out.flush();
    }
}
