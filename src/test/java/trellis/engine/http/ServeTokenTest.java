package trellis.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeTokenTest {
    @TempDir
    Path dir;

    @Test
    void theTokenIs32RandomBytesKeptOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        Path file = dir.resolve("data").resolve("trellis").resolve(ServeToken.FILE_NAME);
        String token = ServeToken.loadOrCreate(file);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(ServeToken.loadOrCreate(file)).isEqualTo(token);
        assertThat(ServeToken.generate()).isNotEqualTo(token);
    }

    @Test
    void aTokenFileOthersCanReadIsReplaced() throws Exception {
        Path file = dir.resolve(ServeToken.FILE_NAME);
        String token = ServeToken.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        String next = ServeToken.loadOrCreate(file);
        assertThat(next).isNotEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theOwnTokenGoesOnlyToALoopbackServer() throws Exception {
        Path own = dir.resolve(ServeToken.FILE_NAME);
        String token = ServeToken.loadOrCreate(own);
        assertThat(ServeToken.forServer(URI.create("http://127.0.0.1:3000"), null, own)).contains(token);
        assertThat(ServeToken.forServer(URI.create("http://localhost:3000"), null, own)).contains(token);
        assertThat(ServeToken.forServer(URI.create("http://[::1]:3000"), null, own)).contains(token);
        assertThat(ServeToken.forServer(URI.create("https://cp.example.com:3000"), null, own)).isEmpty();
        assertThat(ServeToken.forServer(URI.create("http://10.0.0.5:3000"), null, own)).isEmpty();
        assertThat(ServeToken.forServer(URI.create("http://127.0.0.1:3000"), null, dir.resolve("missing"))).isEmpty();
        Path named = Files.writeString(dir.resolve("other.token"), "abc\n");
        assertThat(ServeToken.forServer(URI.create("https://cp.example.com"), named, own)).contains("abc");
    }

    @Test
    void comparisonIsExact() {
        assertThat(ServeToken.matches("abc", "abc")).isTrue();
        assertThat(ServeToken.matches("abd", "abc")).isFalse();
        assertThat(ServeToken.matches(null, "abc")).isFalse();
        assertThat(ServeToken.matches("", "abc")).isFalse();
    }
}
