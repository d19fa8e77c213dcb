package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.Test;

/** Detection tells a socket this user may not open from an engine that is not there. */
class DockerDetectionTest {
    @Test
    void permissionDeniedIsFoundAnywhereInTheChain() {
        assertThat(DockerDetection.permissionDenied(new RuntimeException("wrapped",
                new IOException("connect(/var/run/docker.sock) failed: Permission denied")))).isTrue();
        assertThat(DockerDetection.permissionDenied(new RuntimeException(new AccessDeniedException("/var/run/docker.sock")))).isTrue();
        assertThat(DockerDetection.permissionDenied(new RuntimeException(new IOException("Connection refused")))).isFalse();
    }

    @Test
    void eachOutcomeSaysTheWayOut() {
        // whatever this machine has, the text names a way out
        assertThat(DockerDetection.describe()).containsAnyOf("docker group", "systemctl start docker");
    }
}
