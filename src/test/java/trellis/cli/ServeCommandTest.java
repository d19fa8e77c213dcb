package trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import trellis.engine.ControlPlaneException;
import trellis.engine.http.InMemoryControlPlane;
import trellis.engine.http.RestControlPlane;
import trellis.engine.http.ServeToken;
import trellis.engine.http.TestCerts;

/** {@code trellis serve} itself: what it refuses to start with, and what it prints when it starts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void aNonLoopbackBindWithoutTlsRefusesToStartInOneLine() {
        CliTest.Run r = CliTest.run("serve", "--bind", "0.0.0.0", "--port", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n")
                .isEqualTo("serve: refusing to listen on 0.0.0.0 without mutual TLS (anyone who reaches it could run containers);"
                        + " bind 127.0.0.1, or add --tls-cert, --tls-key and --client-ca");
    }

    @Test
    void halfATlsConfigurationRefusesToStart() {
        CliTest.Run r = CliTest.run("serve", "--tls-cert", "cert.pem", "--port", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("missing --tls-key, --client-ca");
    }

    record Started(ServeCommand serve, CompletableFuture<Integer> exit, StringWriter out, StringWriter err) {
    }

    Started start(Path data, String... args) throws Exception {
        ServeCommand serve = new ServeCommand();
        serve.dataFolder = data;
        serve.backend = new InMemoryControlPlane();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(serve);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute(args));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (serve.running == null && !exit.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return new Started(serve, exit, out, err);
    }

    @Test
    void aDataFolderOthersCanWriteRefusesToStartSayingTheChmod() throws Exception {
        Path data = Files.createDirectories(dir.resolve("trellis"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        Started s = start(data, "--port", "0");
        assertThat(s.exit().get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(s.err().toString().strip()).doesNotContain("\n").contains(data.toString(), "chmod 700 " + data);
        assertThat(data.resolve(ServeToken.FILE_NAME)).doesNotExist();
    }

    @Test
    void startsWithATokenFileItNamesButNeverPrints() throws Exception {
        Path data = dir.resolve("fresh").resolve("trellis");
        Started s = start(data, "--port", "0");
        try {
            assertThat(s.serve().running).as(s.err().toString()).isNotNull();
            Path tokenFile = data.resolve(ServeToken.FILE_NAME);
            String token = Files.readString(tokenFile).trim();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            assertThat(s.out().toString()).contains(tokenFile.toString()).doesNotContain(token);
            assertThat(s.err().toString()).doesNotContain(token);
            URI url = URI.create("http://127.0.0.1:" + s.serve().running.port());
            assertThat(new RestControlPlane(url, token).hosts()).hasSize(3);
            try {
                new RestControlPlane(url).hosts();
                throw new AssertionError("answered without a token");
            } catch (ControlPlaneException e) {
                assertThat(e.status()).isEqualTo(401);
            }
            // apply finds the token when told where it is
            CliTest.Run apply = CliTest.run("apply", "--server", url.toString(), "--token-file", tokenFile.toString(), "--yes",
                    trellis.TestFiles.example("co-located.json").toString());
            assertThat(apply.exit()).as(apply.all()).isZero();
            assertThat(apply.all()).doesNotContain(token);
            assertThat(new RestControlPlane(url, token).databases()).extracting(d -> d.id()).containsExactly("storefront");
        } finally {
            s.serve().stop.countDown();
        }
        assertThat(s.exit().get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aNonLoopbackBindWithMutualTlsStarts() throws Exception {
        TestCerts serverCa = new TestCerts("server CA");
        TestCerts clientCa = new TestCerts("client CA");
        Path[] files = serverCa.server().write(dir, "server");
        Path ca = Files.writeString(dir.resolve("client-ca.pem"), TestCerts.pem(clientCa.ca().cert()));
        Path data = dir.resolve("tls").resolve("trellis");
        Started s = start(data, "--bind", "0.0.0.0", "--port", "0", "--tls-cert", files[0].toString(),
                "--tls-key", files[1].toString(), "--client-ca", ca.toString());
        try {
            assertThat(s.serve().running).as(s.err().toString()).isNotNull();
            assertThat(s.out().toString()).contains("https://0.0.0.0:");
            String token = Files.readString(data.resolve(ServeToken.FILE_NAME)).trim();
            var client = new RestControlPlane(URI.create("https://127.0.0.1:" + s.serve().running.port()),
                    TestCerts.clientContext(clientCa.client("ops"), serverCa.ca().cert()), Duration.ofSeconds(5), Duration.ofSeconds(10), token);
            assertThat(client.hosts()).hasSize(3);
        } finally {
            s.serve().stop.countDown();
        }
        assertThat(s.exit().get(10, TimeUnit.SECONDS)).isZero();
    }
}
