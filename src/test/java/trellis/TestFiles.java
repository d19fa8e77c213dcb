package trellis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the shared examples and contract are, for tests. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path shared() {
        String p = System.getProperty("trellis.shared");
        Path path = p != null ? Path.of(p) : Path.of("../shared");
        return path.toAbsolutePath().normalize();
    }

    public static Path example(String name) {
        return shared().resolve("examples").resolve(name);
    }

    public static List<Path> examples() {
        try (Stream<Path> s = Files.list(shared().resolve("examples"))) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Path contract() {
        return shared().resolve("contracts").resolve("openapi3.json");
    }
}
