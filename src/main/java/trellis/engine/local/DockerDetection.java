package trellis.engine.local;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.io.IOException;
import org.slf4j.LoggerFactory;

/**
 * Finds the Docker engine of this machine and, when there is none to use, says why in a way a person
 * can act on: no endpoint at all, a socket this user may not open (permission denied), or an engine
 * that does not answer.
 */
final class DockerDetection {
    static final String STANDARD_SOCKET = "/var/run/docker.sock";
    static final String STANDARD_ENDPOINT = "unix://" + STANDARD_SOCKET;
    /** How long to wait for an engine to take the connection: a local one answers at once. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** How long one call may take: creating a container on a busy engine can be slow. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    /** Why a local engine is or is not there. */
    enum Outcome {
        AVAILABLE, NO_ENDPOINT, PERMISSION_DENIED, NOT_ANSWERING
    }

    /** What detection found: the outcome, the endpoint it tried (if any), and the engine's own words. */
    record Result(Outcome outcome, String endpoint, String detail) {
    }

    /** The last detection's result, so {@link #describe()} can say what went wrong. */
    private static volatile Result last;

    private DockerDetection() {
    }

    /** A client for an endpoint ({@code unix://}, {@code tcp://} with TLS from DOCKER_CERT_PATH, {@code ssh://}). */
    static DockerClient client(String dockerHost) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig())
                .connectionTimeout(CONNECT_TIMEOUT).responseTimeout(RESPONSE_TIMEOUT).build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** DOCKER_HOST, else the standard socket when it exists. */
    static Optional<String> dockerHost() {
        String env = System.getenv("DOCKER_HOST");
        if (env != null && !env.isBlank()) {
            return Optional.of(env);
        }
        return Files.exists(Path.of(STANDARD_SOCKET)) ? Optional.of(STANDARD_ENDPOINT) : Optional.empty();
    }

    /** Pings the engine of this machine; the client is returned to the caller only when it answered. */
    static Optional<DockerClient> ping() {
        Optional<String> host = dockerHost();
        if (host.isEmpty()) {
            last = new Result(Outcome.NO_ENDPOINT, null, null);
            return Optional.empty();
        }
        DockerClient c = client(host.get());
        try {
            c.pingCmd().exec();
            last = new Result(Outcome.AVAILABLE, host.get(), null);
            return Optional.of(c);
        } catch (RuntimeException e) {
            last = new Result(permissionDenied(e) ? Outcome.PERMISSION_DENIED : Outcome.NOT_ANSWERING, host.get(), rootMessage(e));
            closeQuietly(c);
            return Optional.empty();
        }
    }

    static void closeQuietly(DockerClient c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(DockerDetection.class).debug("closing a Docker client: {}", e.getMessage());
        }
    }

    /** True when anything in the chain says the socket refused this user. */
    static boolean permissionDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("permission denied")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** The last result; without one, what the socket's permissions alone say. */
    static Result lastOrGuess() {
        Result r = last;
        if (r != null && r.outcome() != Outcome.AVAILABLE) {
            return r;
        }
        Optional<String> host = dockerHost();
        if (host.isEmpty()) {
            return new Result(Outcome.NO_ENDPOINT, null, null);
        }
        if (host.get().equals(STANDARD_ENDPOINT)) {
            Path socket = Path.of(STANDARD_SOCKET);
            if (!Files.isReadable(socket) || !Files.isWritable(socket)) {
                return new Result(Outcome.PERMISSION_DENIED, host.get(), null);
            }
        }
        return new Result(Outcome.NOT_ANSWERING, host.get(), r == null ? null : r.detail());
    }

    /** What to tell a person who has no Docker engine to use, with the way out. */
    static String describe() {
        Result r = lastOrGuess();
        String offline = " Spec files still open offline.";
        return switch (r.outcome()) {
            case NO_ENDPOINT -> "No Docker engine found (DOCKER_HOST is not set and " + STANDARD_SOCKET + " is missing): "
                    + "install and start Docker (sudo systemctl start docker) to run services locally." + offline;
            case PERMISSION_DENIED -> "Docker is there, but this user may not use it (permission denied on " + r.endpoint()
                    + "): add yourself to the docker group (sudo usermod -aG docker $USER, then log in again), "
                    + "or point DOCKER_HOST at an engine you may use (rootless Docker, Podman)." + offline;
            case NOT_ANSWERING, AVAILABLE -> "No Docker engine answers at " + r.endpoint()
                    + (r.detail() == null ? "" : " (" + r.detail() + ")")
                    + ": start Docker (sudo systemctl start docker) to run services locally." + offline;
        };
    }
}
