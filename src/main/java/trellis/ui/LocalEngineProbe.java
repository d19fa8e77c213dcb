package trellis.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Says, at start-up, whether a Docker engine is there for the local engine to use. The local
 * engine itself comes in its own issue; until then the console edits offline.
 */
final class LocalEngineProbe {
    private LocalEngineProbe() {
    }

    static Optional<String> describe() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return Optional.of("Docker engine configured at " + host + "; the local engine is not part of this build yet, so specs open offline");
        }
        if (Files.exists(Path.of("/var/run/docker.sock"))) {
            return Optional.of("Docker engine found at /var/run/docker.sock; the local engine is not part of this build yet, so specs open offline");
        }
        return Optional.of("No Docker engine found (no DOCKER_HOST, no /var/run/docker.sock): open spec files to edit offline, "
                + "or start Docker (sudo systemctl start docker) for the local engine");
    }
}
