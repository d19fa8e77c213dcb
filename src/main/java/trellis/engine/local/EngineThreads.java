package trellis.engine.local;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The only threads the engine makes: a worker pool for tasks (one apply or delete per database at a
 * time) and a single clock for the monitor's sweep and event refreshes, so those never overlap.
 * Owned by the {@link LocalEngine} façade and handed to its parts. {@link #halt()} stops both as a
 * killed process would; the parts ask {@link #halted()} before they record anything.
 */
final class EngineThreads {
    /** The shortest sweep period, so a zero setting cannot spin. */
    static final Duration MIN_SWEEP = Duration.ofMillis(50);

    private final ExecutorService worker = Executors.newCachedThreadPool(daemon("trellis-local-engine"));
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(daemon("trellis-monitor"));
    private volatile boolean halted;

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs a task's work on the worker pool. */
    void work(Runnable r) {
        worker.execute(r);
    }

    /**
     * Runs each job on the worker pool at once and waits for all of them; the first failure is
     * thrown once every job has ended, so nothing is still being made when the task ends.
     */
    void all(java.util.List<Runnable> jobs) {
        if (jobs.size() == 1) {
            jobs.get(0).run();
            return;
        }
        java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
        for (Runnable r : jobs) {
            running.add(worker.submit(r));
        }
        RuntimeException first = null;
        for (java.util.concurrent.Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(x -> x.cancel(true));
                throw new IllegalStateException("interrupted while creating containers", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Runs {@code r} every {@code period} (at least {@link #MIN_SWEEP}) on the clock. */
    void every(Duration period, Runnable r) {
        long ms = Math.max(MIN_SWEEP.toMillis(), period.toMillis());
        clock.scheduleWithFixedDelay(r, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code r} on the clock soon; false when the engine is closing and it will not run. */
    boolean soon(Runnable r) {
        try {
            clock.execute(r);
            return true;
        } catch (RejectedExecutionException closing) {
            return false;
        }
    }

    boolean halted() {
        return halted;
    }

    /** Stops at once: no more work, no more records. */
    void halt() {
        halted = true;
        shutdown();
    }

    void shutdown() {
        worker.shutdownNow();
        clock.shutdownNow();
    }
}
