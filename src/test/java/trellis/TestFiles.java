package trellis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the tests find the documented topologies (the console's templates) and the Control Plane
 * contract: in the project's own resources, so a clone with nothing beside it passes its tests.
 */
public final class TestFiles {
    private TestFiles() {
    }

    /** The project's folder (Maven runs tests there; {@code trellis.basedir} says so explicitly). */
    public static Path project() {
        String p = System.getProperty("trellis.basedir");
        return (p != null ? Path.of(p) : Path.of("")).toAbsolutePath().normalize();
    }

    public static Path templates() {
        return project().resolve("src/main/resources/trellis/templates");
    }

    public static Path example(String name) {
        return templates().resolve(name);
    }

    public static List<Path> examples() {
        try (Stream<Path> s = Files.list(templates())) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path contract() {
        return project().resolve("src/main/resources/trellis/contract/openapi3.json");
    }
}
