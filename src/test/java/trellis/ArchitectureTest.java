package trellis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The structure docs/architecture.md describes, checked on the sources: which package may use
 * which, how big a class may grow, and who may start threads. A rule broken here is a design
 * decision to take in that document first.
 */
class ArchitectureTest {
    static final Path MAIN = TestFiles.project().resolve("src/main/java");
    static final int MAX_LINES = 500;
    /** trellis.x.y names used in a file: imports and fully qualified names alike. */
    static final Pattern USE = Pattern.compile("\\btrellis\\.((?:[a-z]+\\.)*[a-z]+)\\.[A-Z]");

    record Source(String pkg, String name, Path path, String text) {
    }

    static List<Source> sources() throws IOException {
        List<Source> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(MAIN)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String rel = MAIN.relativize(p).toString().replace('/', '.');
                String name = rel.substring(0, rel.length() - ".java".length());
                String pkg = name.substring(0, name.lastIndexOf('.'));
                out.add(new Source(pkg, name, p, Files.readString(p)));
            }
        }
        return out;
    }

    /** Each package of trellis and the trellis packages its code names. */
    static Map<String, TreeSet<String>> uses() throws IOException {
        Map<String, TreeSet<String>> uses = new TreeMap<>();
        for (Source s : sources()) {
            TreeSet<String> set = uses.computeIfAbsent(s.pkg(), k -> new TreeSet<>());
            Matcher m = USE.matcher(s.text());
            while (m.find()) {
                String used = "trellis." + m.group(1);
                if (!used.equals(s.pkg()) && !used.startsWith("trellis.Launcher")) {
                    set.add(used);
                }
            }
        }
        return uses;
    }

    private static List<String> offenders(String fromPrefix, String... forbidden) throws IOException {
        List<String> bad = new ArrayList<>();
        for (Source s : sources()) {
            if (!s.pkg().startsWith(fromPrefix)) {
                continue;
            }
            Matcher m = USE.matcher(s.text());
            while (m.find()) {
                String used = "trellis." + m.group(1);
                for (String f : forbidden) {
                    if (used.equals(f) || used.startsWith(f + ".")) {
                        bad.add(s.name() + " uses " + used);
                    }
                }
            }
        }
        return bad.stream().distinct().toList();
    }

    @Test
    void specAndTopologyArePure() throws IOException {
        assertThat(offenders("trellis.spec", "trellis.topology", "trellis.engine", "trellis.ui", "trellis.cli")).isEmpty();
        assertThat(offenders("trellis.topology", "trellis.engine", "trellis.ui", "trellis.cli")).isEmpty();
        List<String> io = new ArrayList<>();
        for (Source s : sources()) {
            if ((s.pkg().startsWith("trellis.spec") || s.pkg().startsWith("trellis.topology"))
                    && Pattern.compile("import (javafx|java\\.net|java\\.sql|com\\.github\\.dockerjava|java\\.util\\.concurrent\\.Executor)").matcher(s.text()).find()) {
                io.add(s.name());
            }
        }
        assertThat(io).as("no JavaFX, network, JDBC, Docker or executors in the pure layers").isEmpty();
    }

    @Test
    void theEngineKnowsNothingOfItsUsers() throws IOException {
        assertThat(offenders("trellis.engine", "trellis.ui", "trellis.cli")).isEmpty();
    }

    @Test
    void theConsoleTalksToPortsOnly() throws IOException {
        assertThat(offenders("trellis.ui", "trellis.engine.local", "trellis.cli")).isEmpty();
    }

    @Test
    void settingsAreAlwaysGivenTheirFile() throws IOException {
        // new Settings() would read the person's own settings: in a test or a training run, never.
        assertThat(sources().stream().filter(s -> s.text().contains("new Settings()")).map(Source::name).toList()).isEmpty();
    }

    @Test
    void noClassOverFiveHundredLines() throws IOException {
        List<String> big = new ArrayList<>();
        for (Source s : sources()) {
            long lines = s.text().lines().count();
            if (lines > MAX_LINES) {
                big.add(s.name() + ": " + lines + " lines");
            }
        }
        assertThat(big).isEmpty();
    }

    @Test
    void threadsAreStartedByTheTaskRunnerAndTheEngineOnly() throws IOException {
        Pattern start = Pattern.compile("new Thread\\(|Executors\\.new|new ScheduledThreadPoolExecutor|new ThreadPoolExecutor");
        List<String> bad = new ArrayList<>();
        for (Source s : sources()) {
            boolean allowed = s.pkg().startsWith("trellis.engine") || s.name().equals("trellis.ui.TaskRunner");
            if (allowed) {
                continue;
            }
            // A shutdown hook is handed to the JVM, not started by us.
            String text = s.text().replace("addShutdownHook(new Thread(", "addShutdownHook(");
            Matcher hook = Pattern.compile("Thread (\\w+) = new Thread\\(").matcher(text);
            List<String> handedToTheJvm = new ArrayList<>();
            while (hook.find()) {
                if (text.contains("addShutdownHook(" + hook.group(1) + ")")) {
                    handedToTheJvm.add(hook.group());
                }
            }
            for (String h : handedToTheJvm) {
                text = text.replace(h, "");
            }
            if (start.matcher(text).find()) {
                bad.add(s.name());
            }
        }
        assertThat(bad).isEmpty();
    }
}
