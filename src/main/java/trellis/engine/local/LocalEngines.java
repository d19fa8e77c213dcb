package trellis.engine.local;

import com.github.dockerjava.api.DockerClient;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a {@link LocalEngine} comes from on this machine: the Docker endpoint it offers, a client
 * for it, an engine over its state store when Docker answers, and what to tell a person when not.
 */
public final class LocalEngines {
    private static final Logger LOG = LoggerFactory.getLogger(LocalEngines.class);

    private LocalEngines() {
    }

    /** A client for DOCKER_HOST, or the standard socket. */
    public static DockerClient client(String dockerHost) {
        return DockerDetection.client(dockerHost);
    }

    /** The Docker endpoint this machine offers: DOCKER_HOST, else the standard socket when it exists. */
    public static Optional<String> dockerHost() {
        return DockerDetection.dockerHost();
    }

    /** A local engine when a Docker engine answers; empty otherwise ({@link #describeUnavailable()} says why). */
    public static Optional<LocalEngine> detect(LocalEngineSettings settings) {
        return DockerDetection.ping().map(c -> {
            LocalEngine e;
            try {
                e = LocalEngine.open(c, settings, new StateStore(StateStore.defaultFile()));
            } catch (SQLException storeUnusable) {
                LOG.warn("state store unusable ({}); the local engine keeps its state in memory", storeUnusable.getMessage());
                e = new LocalEngine(c, settings);
            }
            e.ownClient();
            return e;
        });
    }

    /** What to tell a person who has no Docker engine: none found, permission denied on the socket, or not answering. */
    public static String describeUnavailable() {
        return DockerDetection.describe();
    }
}
