package trellis.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import trellis.engine.ControlPlaneException;
import trellis.engine.http.ApiServer;
import trellis.engine.http.InMemoryControlPlane;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;
import trellis.TestFiles;

/** The console's way to a Control Plane at an address, against a real `trellis serve` server on loopback. */
class ConsoleMainTest {
    @Test
    void theConsoleReachesThisUsersServeWithItsTokenAndIsRefusedWithoutIt() throws Exception {
        InMemoryControlPlane backend = new InMemoryControlPlane();
        backend.createDatabase(Json.MAPPER.readValue(TestFiles.example("co-located.json").toFile(), CreateDatabaseRequest.class));
        String token = "t0k3n-of-this-user";
        Path tokenFile = Files.createTempDirectory("trellis-data").resolve("serve.token");
        Files.writeString(tokenFile, token + "\n");
        try (ApiServer server = new ApiServer(backend, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token).start()) {
            URI address = URI.create("http://127.0.0.1:" + server.port());
            assertThat(ConsoleMain.connect(address, tokenFile).databases()).extracting(d -> d.id()).containsExactly("storefront");
            Path none = tokenFile.resolveSibling("absent.token");
            assertThatThrownBy(() -> ConsoleMain.connect(address, none).databases())
                    .isInstanceOf(ControlPlaneException.class).hasMessageContaining("this server needs Authorization: Bearer <token>; the token is in serve.token");
        }
    }

    @Test
    void aDesktopWithoutGtkGetsOneLineNamingThePackageAndTheWayOut() {
        // what JavaFX throws when libgtk-3 is missing, as seen on a fresh Debian machine
        RuntimeException noGtk = new UnsupportedOperationException("Unable to load glass GTK library.");
        assertThat(ConsoleMain.whyNoToolkit(noGtk)).isEqualTo("trellis: the console needs GTK 3 on Linux, which is not installed here; "
                + "install it (Debian/Ubuntu: sudo apt-get install libgtk-3-0) and start it again. The CLI works without it: ./trellis --help");
        assertThat(ConsoleMain.whyNoToolkit(new RuntimeException("wrapped", noGtk))).isEqualTo(ConsoleMain.NO_GTK);
        assertThat(ConsoleMain.whyNoToolkit(new IllegalStateException("something else"))).as("other failures are not hidden").isNull();
    }
}
