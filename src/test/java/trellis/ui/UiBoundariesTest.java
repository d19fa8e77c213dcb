package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The console binds to ports: it names no engine class, and no class of it grows past 500 lines. */
class UiBoundariesTest {
    private static List<Path> sources() throws Exception {
        try (Stream<Path> s = Files.walk(Path.of("src/main/java/trellis/ui"))) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void theConsoleNamesNothingOfTheLocalEngine() throws Exception {
        for (Path p : sources()) {
            assertThat(Files.readString(p)).as(p.toString()).doesNotContain("engine.local");
        }
    }

    @Test
    void onlyTheTaskRunnerMakesThreadsAndSettingsAreAlwaysGivenTheirFile() throws Exception {
        for (Path p : sources()) {
            String text = Files.readString(p);
            if (!p.endsWith("TaskRunner.java") && !p.toString().contains("/graph/")) {
                assertThat(text).as(p.toString()).doesNotContain("new Thread(");
            }
            assertThat(text).as(p.toString()).doesNotContain("new Settings()");
        }
    }

    @Test
    void noClassOfTheConsoleIsOver500Lines() throws Exception {
        for (Path p : sources()) {
            if (!p.toString().contains("/graph/")) { // the graph's own redesign is another engineer's
                assertThat(Files.readAllLines(p)).as(p.toString()).hasSizeLessThan(500);
            }
        }
    }
}
