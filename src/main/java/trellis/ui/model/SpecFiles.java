package trellis.ui.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;
import trellis.spec.validation.Problem;
import trellis.spec.validation.SpecValidator;

/** Reading a spec file the console opens: a create body {id, spec} and what the validator says of it. Blocks on the disk. */
public final class SpecFiles {
    private SpecFiles() {
    }

    /** A spec file read: its body and its problems (none when valid). */
    public record Opened(Path path, CreateDatabaseRequest body, List<Problem> problems) {
    }

    public static Opened read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(path + " is not a file");
        }
        CreateDatabaseRequest body = Json.MAPPER.readValue(path.toFile(), CreateDatabaseRequest.class);
        if (body.spec() == null) {
            throw new IllegalArgumentException(path.getFileName() + " has no \"spec\": expected a create body {id, spec}");
        }
        return new Opened(path, body, SpecValidator.validateCreate(Json.MAPPER.readTree(path.toFile())));
    }
}
