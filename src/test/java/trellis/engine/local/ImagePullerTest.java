package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import java.util.Map;
import org.junit.jupiter.api.Test;
import trellis.spec.Json;

/** The pull's words without Docker: progress from the engine's messages, failures from docker-java's exceptions. */
class ImagePullerTest {
    private static PullResponseItem item(String json) throws Exception {
        return Json.MAPPER.readValue(json, PullResponseItem.class);
    }

    @Test
    void tallySumsTheLayersDownloadedOfTheBytesAnnounced() throws Exception {
        ImagePuller.Tally t = new ImagePuller.Tally();
        assertThat(t.accept(item("{\"status\":\"Pulling from pgedge/postgrest\",\"id\":\"14.5\"}"))).isFalse();
        assertThat(t.accept(item("{\"status\":\"Pulling fs layer\",\"id\":\"a\",\"progressDetail\":{}}"))).isFalse();
        assertThat(t.accept(item("{\"status\":\"Downloading\",\"id\":\"a\",\"progressDetail\":{\"current\":1000000,\"total\":4000000}}"))).isTrue();
        assertThat(t.accept(item("{\"status\":\"Downloading\",\"id\":\"b\",\"progressDetail\":{\"current\":500000,\"total\":2000000}}"))).isTrue();
        assertThat(t.done()).isEqualTo(1_500_000);
        assertThat(t.total()).isEqualTo(6_000_000);
        assertThat(t.accept(item("{\"status\":\"Download complete\",\"id\":\"a\",\"progressDetail\":{}}"))).isTrue();
        assertThat(t.accept(item("{\"status\":\"Extracting\",\"id\":\"a\",\"progressDetail\":{\"current\":9,\"total\":99}}")))
                .as("extracting counts no download bytes").isFalse();
        assertThat(t.accept(item("{\"status\":\"Pull complete\",\"id\":\"b\",\"progressDetail\":{}}"))).isTrue();
        assertThat(t.done()).isEqualTo(6_000_000);
        assertThat(ImagePuller.megabytes(t.done() / 2, t.total())).isEqualTo("3.0 of 6.0 MB");
        assertThat(ImagePuller.megabytes(12_400_000, 48_600_000)).isEqualTo("12 of 49 MB");
    }

    @Test
    void failuresAreSaidInWordsNamingTheRegistryAndImage() {
        String img = "ghcr.io/pgedge/postgrest:14.9";
        assertThat(PullFailure.describe(img, new NotFoundException("Status 404: {\"message\":\"manifest for ghcr.io/pgedge/postgrest:14.9"
                + " not found: manifest unknown: manifest unknown\"}\n"))).isEqualTo("tag 14.9 does not exist in ghcr.io/pgedge/postgrest");
        assertThat(PullFailure.describe(img, new InternalServerErrorException("Status 500: {\"message\":\"Get \\\"https://ghcr.io/v2/\\\":"
                + " dial tcp: lookup ghcr.io: no such host\"}"))).isEqualTo("registry ghcr.io cannot be reached: Get \"https://ghcr.io/v2/\":"
                + " dial tcp: lookup ghcr.io: no such host");
        assertThat(PullFailure.describe("127.0.0.1:5999/pgedge/postgrest:1", new InternalServerErrorException(
                "Status 500: {\"message\":\"Get \\\"http://127.0.0.1:5999/v2/\\\": dial tcp 127.0.0.1:5999: connect: connection refused\"}")))
                .startsWith("registry 127.0.0.1:5999 cannot be reached: ").endsWith("connection refused");
        assertThat(PullFailure.describe(img, new InternalServerErrorException("Status 500: {\"message\":\"Head \\\"https://ghcr.io/v2/"
                + "pgedge/postgrest/manifests/14.9\\\": unauthorized\"}"))).isEqualTo("access denied: log in with docker login ghcr.io");
        assertThat(PullFailure.describe("pgedge/private:1", new DockerClientException("Could not pull image: pull access denied for"
                + " pgedge/private, repository does not exist or may require 'docker login'"))).isEqualTo("access denied: log in with docker login docker.io");
        assertThat(PullFailure.describe(img, new DockerClientException("Could not pull image: disk full")))
                .isEqualTo("the pull failed: Could not pull image: disk full");
    }

    @Test
    void referencesSplitIntoRegistryRepositoryAndTag() {
        assertThat(ImageReference.registry("127.0.0.1:5000/pgedge/postgrest:14.5")).isEqualTo("127.0.0.1:5000");
        assertThat(ImageReference.registry("postgres:17")).isEqualTo("docker.io");
        assertThat(ImageReference.registry("localhost/x")).isEqualTo("localhost");
        assertThat(ImageReference.repository("127.0.0.1:5000/pgedge/postgrest:14.5")).isEqualTo("127.0.0.1:5000/pgedge/postgrest");
        assertThat(ImageReference.tag("127.0.0.1:5000/pgedge/postgrest")).isEqualTo("latest");
        assertThat(ImageReference.tag("x/y@sha256:abc")).isNull();
        assertThat(ImageReference.repository("x/y@sha256:abc")).isEqualTo("x/y");
    }

    @Test
    void theSpecsVersionStaysTheTagUnlessTheReferenceCarriesItsOwn() {
        LocalEngineSettings s = LocalEngineSettings.controlPlaneDefaults()
                .withImages(Map.of("postgrest", "127.0.0.1:5000/pgedge/postgrest", "mcp", "mirror.example:443/mcp:dev",
                        "rag", "local/rag@sha256:0123"));
        assertThat(s.image("postgrest", "14.5")).isEqualTo("127.0.0.1:5000/pgedge/postgrest:14.5");
        assertThat(s.image("mcp", "1.0")).isEqualTo("mirror.example:443/mcp:dev");
        assertThat(s.image("rag", "1.0")).isEqualTo("local/rag@sha256:0123");
        assertThat(LocalEngineSettings.controlPlaneDefaults().image("postgrest", "14.5")).isEqualTo("ghcr.io/pgedge/postgrest:14.5");
        assertThat(LocalEngineSettings.controlPlaneDefaults().withImage("postgrest", "mirror/postgrest:").image("postgrest", "14.5"))
                .isEqualTo("mirror/postgrest:14.5");
    }
}
