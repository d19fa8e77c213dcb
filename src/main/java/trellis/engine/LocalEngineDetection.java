package trellis.engine;

import java.util.Optional;

/**
 * Finding the local engine, for the console: whether a Docker engine answers on this machine,
 * what to tell a person when none does, and this machine's Docker endpoint. Made by the
 * composition root ({@code trellis.app}); the console sees only this port.
 */
public interface LocalEngineDetection {
    /** The local engine when a Docker engine answers, else empty. Blocks: call it off the FX thread. */
    Optional<LocalEngineAdmin> detect();

    /** What to tell a person who has no Docker engine, and how to start one. */
    String describeUnavailable();

    /** The Docker endpoint this machine offers (DOCKER_HOST, else the standard socket), or empty. */
    Optional<String> defaultDockerHost();

    /** The image the engine runs for each service type when none is set (the Control Plane's), in menu order. */
    default java.util.Map<String, String> defaultImages() {
        return java.util.Map.of();
    }

    /** What is wrong with an image reference for a service type, naming both; empty when Docker can pull it. */
    default Optional<String> imageProblem(String serviceType, String reference) {
        return Optional.empty();
    }

    /** The endpoint to offer when this machine names none. */
    default String defaultDockerHostOrSocket() {
        return defaultDockerHost().orElse("unix:///var/run/docker.sock");
    }

    /** No local engine, ever: offline editing and remote control planes only (tests, training runs). */
    static LocalEngineDetection none() {
        return new LocalEngineDetection() {
            @Override
            public Optional<LocalEngineAdmin> detect() {
                return Optional.empty();
            }

            @Override
            public String describeUnavailable() {
                return "No Docker engine answers (DOCKER_HOST is not set and /var/run/docker.sock is missing or refuses): "
                        + "start Docker (sudo systemctl start docker) to run services locally; spec files still open offline.";
            }

            @Override
            public Optional<String> defaultDockerHost() {
                return Optional.empty();
            }
        };
    }
}
