package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.AuthConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials from the helper ~/.docker/config.json names, as docker login left them; a fake helper stands in. */
class DockerCredentialsTest {
    @TempDir
    Path dir;

    private DockerCredentials with(String config) throws Exception {
        Files.writeString(dir.resolve("config.json"), config);
        // answers for ghcr.io (a password) and 127.0.0.1:5000 (an identity token), "not found" otherwise
        Path helper = dir.resolve("docker-credential-fake");
        Files.writeString(helper, """
                #!/bin/sh
                read server
                case "$server" in
                  ghcr.io) echo '{"ServerURL":"ghcr.io","Username":"octo","Secret":"s3cret"}' ;;
                  127.0.0.1:5000) echo '{"ServerURL":"127.0.0.1:5000","Username":"<token>","Secret":"tok"}' ;;
                  *) echo 'credentials not found in native keychain'; exit 1 ;;
                esac
                """);
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        return new DockerCredentials(dir, dir);
    }

    @Test
    void theCredsStoreAnswersForEachRegistryItKnows() throws Exception {
        DockerCredentials c = with("{\"credsStore\":\"fake\"}");
        AuthConfig ghcr = c.forRegistry("ghcr.io").orElseThrow();
        assertThat(ghcr.getUsername()).isEqualTo("octo");
        assertThat(ghcr.getPassword()).isEqualTo("s3cret");
        assertThat(ghcr.getRegistryAddress()).isEqualTo("ghcr.io");
        assertThat(c.forRegistry("127.0.0.1:5000").orElseThrow().getIdentitytoken()).isEqualTo("tok");
        assertThat(c.forRegistry("docker.io")).as("not logged in there").isEmpty();
    }

    @Test
    void aPerRegistryHelperWinsAndAuthsAreLeftToDockerJava() throws Exception {
        DockerCredentials c = with("{\"credHelpers\":{\"ghcr.io\":\"fake\"},"
                + "\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"dTpw\"}}}");
        assertThat(c.forRegistry("ghcr.io")).isPresent();
        assertThat(c.forRegistry("127.0.0.1:5000")).as("docker-java reads auths itself").isEmpty();
        assertThat(c.forRegistry("quay.io")).as("no helper for it").isEmpty();
    }

    @Test
    void noConfigOrAMissingHelperMeansNoCredentials() throws Exception {
        assertThat(new DockerCredentials(dir, dir).forRegistry("ghcr.io")).isEmpty();
        assertThat(with("{\"credsStore\":\"absent\"}").forRegistry("ghcr.io")).isEmpty();
    }
}
