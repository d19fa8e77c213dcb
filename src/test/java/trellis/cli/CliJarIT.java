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
    void anUnreadableFileIsOneLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"spec\": ");
        String out = run(2, "validate", bad.toString());
        assertThat(out.strip().lines().count()).isEqualTo(1);
        assertThat(out).contains("bad.json: not valid JSON");
    }
}
