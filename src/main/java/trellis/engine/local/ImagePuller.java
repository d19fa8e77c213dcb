package trellis.engine.local;

import trellis.engine.PullProgress;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Pulls the images an apply needs that an engine lacks, before anything is created, with the
 * engine's registry credentials as docker-java reads them from {@code ~/.docker/config.json}
 * ({@code DefaultDockerClientConfig}, see {@link DockerDetection#client}), or from the credential
 * helper that file names ({@link DockerCredentials}). One pull per image and
 * engine, shared by the instances (and applies) that need it. Progress goes to the task log as
 * "pulling IMAGE", "IMAGE: N of M MB" (at most one a second per image) and "IMAGE pulled", and to
 * the listeners as {@link PullProgress}; a failed pull is said in words ({@link PullFailure}).
 */
final class ImagePuller {
    static final long BYTES_PER_MB = 1_000_000;
    static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The longest a pull may take; a stalled stream ends sooner, at the client's response timeout. */
    static final long PULL_LIMIT_MINUTES = 30;

    private final List<Consumer<PullProgress>> listeners = new CopyOnWriteArrayList<>();
    private final Map<DockerClient, Map<String, CompletableFuture<Void>>> inFlight = Collections.synchronizedMap(new IdentityHashMap<>());
    private final LongSupplier nanos;
    private final DockerCredentials credentials;

    ImagePuller(LongSupplier nanos, DockerCredentials credentials) {
        this.nanos = nanos;
        this.credentials = credentials;
    }

    void addListener(Consumer<PullProgress> l) {
        listeners.add(l);
    }

    /**
     * Pulls every image each engine lacks; returns the images that could not be pulled, each with
     * "image X could not be pulled: why" (empty when every image is there).
     */
    Map<String, String> pullMissing(Map<DockerClient, Set<String>> needed, Consumer<String> log) {
        return pullMissing(needed, log, TaskCancel.none());
    }

    /**
     * The same for a task that may be canceled: a cancel closes this task's pull stream (the engine
     * stops pulling) or stops its wait for another's, and throws {@link TaskCancel.Canceled}.
     */
    Map<String, String> pullMissing(Map<DockerClient, Set<String>> needed, Consumer<String> log, TaskCancel cancel) {
        Map<String, String> failed = new LinkedHashMap<>();
        for (Map.Entry<DockerClient, Set<String>> e : needed.entrySet()) {
            for (String image : e.getValue()) {
                cancel.check("before pulling " + image + "; nothing was created");
                if (failed.containsKey(image) || present(e.getKey(), image)) {
                    continue;
                }
                try {
                    CompletableFuture.anyOf(shared(e.getKey(), image, log, cancel), cancel.asked()).join();
                    cancel.check("during the pull of " + image + "; the pull was stopped and nothing was created");
                } catch (CompletionException | java.util.concurrent.CancellationException x) {
                    cancel.check("during the pull of " + image + "; the pull was stopped and nothing was created");
                    Throwable cause = x.getCause() == null ? x : x.getCause();
                    String why = "image " + image + " could not be pulled: " + describe(e.getKey(), image, cause);
                    log.accept(why);
                    failed.put(image, why);
                }
            }
        }
        return failed;
    }

    /** docker-java's words for a pull stream that ended with a progress status, not an error or "done". */
    private static final java.util.regex.Pattern STREAM_CUT = java.util.regex.Pattern.compile(
            "Could not pull image: (Downloading|Extracting|Waiting|Pulling fs layer|Verifying Checksum|Download complete|Pull complete)");

    /** Why a pull failed: the engine's own words, unless the engine itself stopped answering during it. */
    private static String describe(DockerClient docker, String image, Throwable cause) {
        java.util.regex.Matcher cut = STREAM_CUT.matcher(String.valueOf(cause.getMessage()));
        if (cut.matches()) {
            // the engine reports a registry's failure in the stream; a stream that just stops
            // mid-download is the connection to the engine that ended, even if it answers again now
            return "the Docker engine stopped answering during the pull (its answer ended at '" + cut.group(1) + "')";
        }
        try {
            docker.pingCmd().exec();
            return PullFailure.describe(image, cause);
        } catch (RuntimeException gone) {
            return "the Docker engine stopped answering during the pull (" + PullFailure.engineWords(gone) + ")";
        }
    }

    private static boolean present(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException missing) {
            return false;
        }
    }

    /** The pull of an image on an engine: this caller's own, or the one another apply started. */
    private CompletableFuture<Void> shared(DockerClient docker, String image, Consumer<String> log, TaskCancel cancel) {
        Map<String, CompletableFuture<Void>> pulls = inFlight.computeIfAbsent(docker, d -> new ConcurrentHashMap<>());
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = pulls.putIfAbsent(image, mine);
        if (running != null) {
            log.accept("waiting for the pull of " + image + " another apply started");
            return running;
        }
        try {
            pull(docker, image, log, cancel);
            mine.complete(null);
        } catch (RuntimeException ex) {
            mine.completeExceptionally(ex);
        } finally {
            pulls.remove(image, mine);
        }
        return mine;
    }

    private void pull(DockerClient docker, String image, Consumer<String> log, TaskCancel cancel) {
        log.accept("pulling " + image);
        Progress progress = new Progress(image, log);
        var cmd = docker.pullImageCmd(ImageReference.repository(image));
        String tag = ImageReference.tag(image);
        if (tag != null) {
            cmd.withTag(tag);
        } else {
            cmd = docker.pullImageCmd(image);
        }
        credentials.forRegistry(ImageReference.registry(image)).ifPresent(cmd::withAuthConfig);
        // closing the stream is how a client stops the engine's pull
        CompletableFuture<Void> stop = cancel.asked().thenRun(() -> closeQuietly(progress));
        try {
            if (!cmd.exec(progress).awaitCompletion(PULL_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                closeQuietly(progress);
                throw new IllegalStateException("the pull took longer than " + PULL_LIMIT_MINUTES + " minutes");
            }
            progress.throwFailure();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            closeQuietly(progress);
            throw new IllegalStateException("interrupted while pulling " + image, ex);
        } finally {
            stop.cancel(false);
        }
        cancel.check("during the pull of " + image + "; the pull was stopped and nothing was created");
        progress.finish();
        log.accept(image + " pulled");
    }

    private static void closeQuietly(Progress p) {
        try {
            p.close();
        } catch (java.io.IOException ignored) {
            // the pull is given up either way
        }
    }

    /** Bytes of each layer downloaded and announced, from the progress detail of the engine's messages. */
    static final class Tally {
        private final Map<String, long[]> layers = new LinkedHashMap<>();

        /** Takes one message; true when the bytes done or announced changed. */
        boolean accept(PullResponseItem item) {
            String id = item.getId();
            String status = item.getStatus() == null ? "" : item.getStatus().toLowerCase(Locale.ROOT);
            if (id == null) {
                return false;
            }
            long[] layer = layers.get(id);
            var detail = item.getProgressDetail();
            if (status.startsWith("downloading") && detail != null && detail.getTotal() != null && detail.getTotal() > 0) {
                layer = layers.computeIfAbsent(id, k -> new long[2]);
                long before = layer[0] + layer[1];
                layer[1] = detail.getTotal();
                layer[0] = detail.getCurrent() == null ? layer[0] : Math.min(detail.getCurrent(), layer[1]);
                return layer[0] + layer[1] != before;
            }
            if (layer != null && (status.startsWith("download complete") || status.startsWith("verifying")
                    || status.startsWith("extracting") || status.startsWith("pull complete"))) {
                boolean changed = layer[0] != layer[1];
                layer[0] = layer[1];
                return changed;
            }
            return false;
        }

        long done() {
            return layers.values().stream().mapToLong(l -> l[0]).sum();
        }

        long total() {
            return layers.values().stream().mapToLong(l -> l[1]).sum();
        }
    }

    /** "N of M MB", one decimal below 10 MB. */
    static String megabytes(long done, long total) {
        double d = (double) done / BYTES_PER_MB;
        double t = (double) total / BYTES_PER_MB;
        String f = t < 10 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, f + " of " + f + " MB", d, t);
    }

    /** One pull's callback: tallies its messages, reports at most once a second (and once at the end). */
    private final class Progress extends PullImageResultCallback {
        private final String image;
        private final Consumer<String> log;
        private final Tally tally = new Tally();
        private long lastReport;
        private boolean reported;
        private volatile Throwable failure;

        Progress(String image, Consumer<String> log) {
            this.image = image;
            this.log = log;
        }

        @Override
        public void onNext(PullResponseItem item) {
            super.onNext(item);
            synchronized (this) {
                if (!tally.accept(item)) {
                    return;
                }
                long now = nanos.getAsLong();
                if (reported && now - lastReport < REPORT_EVERY_NANOS) {
                    return;
                }
                reported = true;
                lastReport = now;
                report(new PullProgress(image, tally.done(), tally.total()));
            }
        }

        /**
         * Keeps the engine's refusal for the caller, without docker-java's error log and its stack
         * trace: the task log says why in words.
         */
        @Override
        public void onError(Throwable t) {
            if (failure == null) {
                failure = t;
            }
            closeQuietly(this);
        }

        void throwFailure() {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
        }

        /**
         * The pull ended well: its last line when bytes were downloaded and a second has passed
         * since the one before (or there was none); layers the engine had already count for none.
         */
        synchronized void finish() {
            long total = tally.total();
            if (total > 0 && (!reported || nanos.getAsLong() - lastReport >= REPORT_EVERY_NANOS)) {
                log.accept(image + ": " + megabytes(total, total));
            }
            PullProgress last = new PullProgress(image, total, total, true);
            listeners.forEach(l -> l.accept(last));
        }

        private void report(PullProgress p) {
            log.accept(image + ": " + megabytes(p.doneBytes(), p.totalBytes()));
            listeners.forEach(l -> l.accept(p));
        }
    }
}
