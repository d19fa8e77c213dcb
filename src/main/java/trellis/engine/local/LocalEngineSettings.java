package trellis.engine.local;

import java.time.Duration;
import java.util.Map;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * How the local engine runs services. The defaults are the Control Plane's: its images, health
 * check timings and lifecycle limits; tests shorten the timings and point the images at a
 * locally built stand-in.
 *
 * @param images          image repository per service type; the spec's version is the tag unless the
 *                        reference carries its own (a tag after the last slash, or a digest)
 * @param healthInterval  how often Docker probes an instance (Control Plane: 10 s)
 * @param startPeriod     grace before failed probes count (Control Plane: 30 s)
 * @param createTimeout   creating becomes failed when not healthy within this (Control Plane: 5 min)
 * @param dataDir         where each instance's configuration files are written and mounted from
 * @param imageCommands   run the real images' commands and health checks (postgrest --ready ...);
 *                        off for a stand-in image that has none of them
 * @param noStatusTimeout running becomes failed when Docker gave no status for this long (Control Plane: 30 s)
 * @param sweepInterval   how often the monitor looks at every instance besides the events stream, so
 *                        time-outs fire and a lost stream costs no more than this
 * @param containerNodes  a node that has no server is started as a {@code postgres} container, not
 *                        from the embedded binaries (the default)
 */
public record LocalEngineSettings(Map<String, String> images, Duration healthInterval, Duration healthTimeout,
                                  int healthRetries, Duration startPeriod, Duration createTimeout,
                                  Path dataDir, boolean imageCommands,
                                  Duration noStatusTimeout, Duration sweepInterval, boolean containerNodes,
                                  boolean startsNodes) {

    /** Starts a server for each node nothing is started or attached for (the default). */
    public LocalEngineSettings(Map<String, String> images, Duration healthInterval, Duration healthTimeout,
                               int healthRetries, Duration startPeriod, Duration createTimeout,
                               Path dataDir, boolean imageCommands, Duration noStatusTimeout, Duration sweepInterval,
                               boolean containerNodes) {
        this(images, healthInterval, healthTimeout, healthRetries, startPeriod, createTimeout, dataDir, imageCommands,
                noStatusTimeout, sweepInterval, containerNodes, true);
    }

    /** Nodes started from the embedded binaries. */
    public LocalEngineSettings(Map<String, String> images, Duration healthInterval, Duration healthTimeout,
                               int healthRetries, Duration startPeriod, Duration createTimeout,
                               Path dataDir, boolean imageCommands, Duration noStatusTimeout, Duration sweepInterval) {
        this(images, healthInterval, healthTimeout, healthRetries, startPeriod, createTimeout, dataDir, imageCommands,
                noStatusTimeout, sweepInterval, false);
    }

    /** The Control Plane's no-status limit (30 s) and a 5 s sweep. */
    public LocalEngineSettings(Map<String, String> images, Duration healthInterval, Duration healthTimeout,
                               int healthRetries, Duration startPeriod, Duration createTimeout,
                               Path dataDir, boolean imageCommands) {
        this(images, healthInterval, healthTimeout, healthRetries, startPeriod, createTimeout, dataDir, imageCommands,
                Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    public LocalEngineSettings withMonitor(Duration noStatusTimeout, Duration sweepInterval) {
        return new LocalEngineSettings(images, healthInterval, healthTimeout, healthRetries, startPeriod, createTimeout,
                dataDir, imageCommands, noStatusTimeout, sweepInterval, containerNodes, startsNodes);
    }

    /**
     * The same, but a node nothing is started or attached for is left alone (its services reach no
     * database and its grants are skipped, as the task log says): for tests of other parts.
     */
    public LocalEngineSettings withoutDefaultNodes() {
        return new LocalEngineSettings(images, healthInterval, healthTimeout, healthRetries, startPeriod, createTimeout,
                dataDir, imageCommands, noStatusTimeout, sweepInterval, containerNodes, false);
    }

    /** The same, with nodes that have no server started as containers ({@code true}) or embedded. */
    public LocalEngineSettings withContainerNodes(boolean containers) {
        return new LocalEngineSettings(images, healthInterval, healthTimeout, healthRetries, startPeriod, createTimeout,
                dataDir, imageCommands, noStatusTimeout, sweepInterval, containers, startsNodes);
    }

    /** The same, with the image of one service type replaced (a registry mirror, a local build). */
    public LocalEngineSettings withImage(String serviceType, String image) {
        Map<String, String> m = new HashMap<>(images);
        m.put(serviceType, image);
        return new LocalEngineSettings(Map.copyOf(m), healthInterval, healthTimeout, healthRetries, startPeriod, createTimeout,
                dataDir, imageCommands, noStatusTimeout, sweepInterval, containerNodes, startsNodes);
    }

    /** The same, with the images of several service types replaced ({@code trellis serve --image TYPE=REFERENCE}). */
    public LocalEngineSettings withImages(Map<String, String> byType) {
        LocalEngineSettings s = this;
        for (Map.Entry<String, String> e : byType.entrySet()) {
            if (e.getKey().isBlank() || e.getValue().isBlank()) {
                throw new IllegalArgumentException("an image setting needs TYPE=REFERENCE, got " + e.getKey() + "=" + e.getValue());
            }
            s = s.withImage(e.getKey().strip(), e.getValue().strip());
        }
        return s;
    }

    public static LocalEngineSettings controlPlaneDefaults() {
        return new LocalEngineSettings(Map.of(
                "postgrest", "ghcr.io/pgedge/postgrest",
                "mcp", "ghcr.io/pgedge/postgres-mcp",
                "rag", "ghcr.io/pgedge/rag-server"),
                Duration.ofSeconds(10), Duration.ofSeconds(5), 3, Duration.ofSeconds(30), Duration.ofMinutes(5),
                StateStore.defaultFile().resolveSibling("services"), true);
    }

    /**
     * What is wrong with an image setting, naming the service type and the field, with the way
     * out; empty when Docker can pull it.
     */
    public static java.util.Optional<String> imageProblem(String serviceType, String reference) {
        return ImageReference.problem(reference).map(why -> "Image of " + serviceType + ": '" + (reference == null ? "" : reference)
                + "' is not an image reference: " + why + "; use [registry/]repository[:tag].");
    }

    /** The image reference for a service: a repository with the spec's version as tag, or a fixed reference. */
    public String image(String serviceType, String version) {
        // database nodes Trellis runs in a container: the official image unless set
        String repo = images.getOrDefault(serviceType, "postgres".equals(serviceType) ? "postgres" : "ghcr.io/pgedge/" + serviceType);
        return ImageReference.hasTag(repo) ? repo : (repo.endsWith(":") ? repo : repo + ":") + version;
    }
}
