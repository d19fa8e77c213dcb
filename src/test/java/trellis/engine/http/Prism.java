package trellis.engine.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import trellis.TestFiles;

/**
 * A real HTTP server that speaks the Control Plane contract: Stoplight Prism, from npm
 * ({@code npm install} at the top of the repository). Bound to 127.0.0.1 only. Without it the
 * tests skip, except in CI, where a missing Prism is a failure.
 */
public final class Prism implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private Prism(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static Path executable() {
        return Path.of("node_modules", ".bin", "prism").toAbsolutePath();
    }

    /**
     * {@code prism mock}: answers from the contract's examples and rejects invalid requests.
     * Not {@code --errors}: some of the contract's own response examples break its schemas, and
     * with it Prism answers 500 to those; request violations still get 4xx and a log line.
     */
    public static Prism mock() throws Exception {
        return start(List.of("mock", "-h", "127.0.0.1"));
    }

    /** {@code prism proxy}: forwards to upstream and reports every contract violation. */
    public static Prism proxy(String upstream) throws Exception {
        return start(List.of("proxy", "-h", "127.0.0.1", "--errors"), upstream);
    }

    private static Prism start(List<String> args, String... trailing) throws Exception {
        Path exe = executable();
        if (!Files.isExecutable(exe)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("Prism is missing at " + exe + ": run npm install (.ci/run does)");
            }
            Assumptions.abort("Prism not installed (npm install): " + exe);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.add(args.get(0));
        cmd.addAll(args.subList(1, args.size()));
        cmd.addAll(List.of("-p", String.valueOf(port), TestFiles.contract().toString()));
        cmd.addAll(List.of(trailing));
        Path log = Files.createTempFile("prism", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("Prism exited: " + Files.readString(log));
            }
            if (Files.readString(log).contains("Prism is listening")) {
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return new Prism(p, port, log);
                } catch (IOException notYet) {
                    // listening is logged a moment before the socket accepts
                }
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new IllegalStateException("Prism did not listen within 60 s: " + Files.readString(log));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** The lines where Prism found a request that breaks the contract. */
    public List<String> requestViolations() throws IOException {
        return log().lines().filter(l -> l.contains("Violation: request")).toList();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }
}
