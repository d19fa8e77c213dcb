package trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import trellis.TestFiles;

/** The packaged jar, as a person runs it: {@code java -jar target/trellis.jar <command>}. */
class CliJarIT {
    private static String run(int expectedExit, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("trellis.jar", "target/trellis.jar"));
        assertThat(jar).exists();
        var cmd = new java.util.ArrayList<String>(java.util.List.of("java", "-jar", jar.toString()));
        cmd.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isEqualTo(expectedExit);
        return out;
    }

    @Test
    void validatesTheExamples() throws Exception {
        String out = run(0, "validate", TestFiles.example("co-located.json").toString(),
                TestFiles.example("separate-host.json").toString(), TestFiles.example("multiple-instances.json").toString());
        assertThat(out).contains("co-located.json: valid");
    }

    @Test
    void exportDrawsThePictureWithNoDisplay(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path png = dir.resolve("pic.png");
        String out = run(0, "export", "--png", png.toString(), TestFiles.example("separate-host.json").toString());
        assertThat(out).contains("wrote " + png, "3 hosts, 1 instance)")
                // the jar runs JavaFX from the class path by design; its warning about that is not the person's concern
                .doesNotContain("Unsupported JavaFX configuration");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isGreaterThan(600);
        assertThat(img.getHeight()).isGreaterThan(150);
        // not a blank canvas: the picture has more than a handful of colours
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < img.getWidth(); x += 7) {
            for (int y = 0; y < img.getHeight(); y += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertThat(colours.size()).isGreaterThan(10);
    }

    @Test
    void theBuildsClassDataArchiveIsUsableAndHoldsTheConsolesClasses(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // -Xshare:on: the JVM refuses to start when the archive cannot be mapped, so this fails on a stale
        // or broken archive instead of quietly starting slow
        Path jar = Path.of(System.getProperty("trellis.jar", "target/trellis.jar")).toAbsolutePath();
        Path jsa = jar.resolveSibling("trellis.jsa");
        assertThat(jsa).exists();
        // the JVM that built the archive (this test runs on Maven's); another JDK may not map it, and need not
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:on", "-XX:SharedArchiveFile=" + jsa, "-Xlog:class+load=info",
                "-jar", jar.toString(), "export", "--png", dir.resolve("p.png").toString(),
                TestFiles.example("co-located.json").toString()).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out.lines().filter(l -> !l.contains("class,load")).reduce("", (a, b) -> a + b + "\n")).isZero();
        assertThat(out.lines().filter(l -> l.contains(" javafx.scene.layout.Region ") || l.contains(" trellis.ui.graph.TopologyView ")))
                .hasSize(2).allMatch(l -> l.contains("shared objects file (top)"));
    }

    @Test
    void theTrellisScriptRunsTheJar() throws Exception {
        Path script = Path.of("trellis").toAbsolutePath();
        Process p = new ProcessBuilder("sh", script.toString(), "validate", TestFiles.example("co-located.json").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("co-located.json: valid").doesNotContain("[warning]");
    }

    @Test
    void withNoDisplayTheConsoleSaysSoInsteadOfAStackTrace() throws Exception {
        String out = run(2);
        assertThat(out).contains("no display").doesNotContain("Exception");
    }

    @Test
    void anUnreadableFileIsOneLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"spec\": ");
        String out = run(2, "validate", bad.toString());
        assertThat(out.strip().lines().count()).isEqualTo(1);
        assertThat(out).contains("bad.json: not valid JSON");
    }
}
