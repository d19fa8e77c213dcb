package trellis.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.AuthConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trellis.spec.Json;

/**
 * The registry credentials {@code docker login} left in a credential helper ({@code credsStore},
 * {@code credHelpers} of {@code ~/.docker/config.json}, as Docker Desktop and the keychains keep
 * them), which docker-java does not read; credentials written into {@code auths} docker-java
 * reads itself. The secret is handed to the engine with the pull and never logged.
 */
final class DockerCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(DockerCredentials.class);
    static final String HELPER_PREFIX = "docker-credential-";
    /** The name Docker's helpers know Docker Hub by. */
    static final String DOCKER_HUB_SERVER = "https://index.docker.io/v1/";
    /** A helper's username meaning the secret is an identity token. */
    static final String TOKEN_USER = "<token>";
    static final long HELPER_TIMEOUT_SECONDS = 10;

    private final Path configDir;
    /** Where the helpers are; null means on the PATH. */
    private final Path helperDir;

    DockerCredentials(Path configDir, Path helperDir) {
        this.configDir = configDir;
        this.helperDir = helperDir;
    }

    /** DOCKER_CONFIG, else {@code ~/.docker}; helpers on the PATH. */
    static DockerCredentials standard() {
        String env = System.getenv("DOCKER_CONFIG");
        Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".docker");
        return new DockerCredentials(dir, null);
    }

    /** A helper's credentials for a registry; empty when none is set up, it has none, or docker-java reads them from auths. */
    Optional<AuthConfig> forRegistry(String registry) {
        Path file = configDir.resolve("config.json");
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            JsonNode config = Json.MAPPER.readTree(file.toFile());
            String server = ImageReference.DOCKER_HUB.equals(registry) ? DOCKER_HUB_SERVER : registry;
            JsonNode inAuths = config.path("auths").path(server);
            if (inAuths.hasNonNull("auth") || inAuths.hasNonNull("identitytoken")) {
                return Optional.empty();
            }
            String helper = config.path("credHelpers").path(server).asText(config.path("credsStore").asText(""));
            return helper.isBlank() ? Optional.empty() : ask(helper, server);
        } catch (IOException e) {
            LOG.warn("{} is unreadable ({}); pulling without its credentials", file, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<AuthConfig> ask(String helper, String server) throws IOException {
        String command = helperDir == null ? HELPER_PREFIX + helper : helperDir.resolve(HELPER_PREFIX + helper).toString();
        Process p;
        try {
            p = new ProcessBuilder(command, "get").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException notInstalled) {
            LOG.warn("the credential helper {} is not installed; pulling from {} without credentials", command, server);
            return Optional.empty();
        }
        p.getOutputStream().write(server.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return Optional.empty();
        }
        if (p.exitValue() != 0) {
            // "credentials not found": not logged in to this registry
            return Optional.empty();
        }
        JsonNode creds = Json.MAPPER.readTree(out);
        String user = creds.path("Username").asText("");
        String secret = creds.path("Secret").asText("");
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        AuthConfig auth = new AuthConfig().withRegistryAddress(server);
        return Optional.of(TOKEN_USER.equals(user) ? auth.withIdentityToken(secret) : auth.withUsername(user).withPassword(secret));
    }
}
