package trellis.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;
import trellis.spec.Secrets;
import trellis.spec.validation.Problem;
import trellis.spec.validation.SpecValidator;

/**
 * File > Save and Save As of a spec file opened offline: the create body {id, spec} as
 * {@code trellis validate} checks it, refused with the validator's words when it has a problem.
 * Secrets are left out unless asked for; a file that holds them is written owner-only (rw-------)
 * from its first byte. The file is replaced whole (written beside it, then moved over it), so a
 * failed save leaves the old one. Blocks on the disk. No JavaFX.
 */
public final class SpecSaving {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SpecSaving() {
    }

    /** The spec could not be saved as it is: the validator's problems, each naming its field. */
    public static final class Refused extends Exception {
        private final List<Problem> problems;

        Refused(Path path, List<Problem> problems) {
            super("Not saved to " + path.getFileName() + ": the spec has " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + " that the Control Plane would refuse:\n"
                    + String.join("\n", problems.stream().map(p -> "• " + p).toList()) + "\nFix them, then save again.");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** Whether the body holds any secret value (so Save offers to keep them). */
    public static boolean hasSecrets(CreateDatabaseRequest body) {
        return !Secrets.presentPaths(Json.toTree(body)).isEmpty();
    }

    /**
     * Checks and writes the body.
     *
     * @param includeSecrets keep passwords and keys in the file (then written owner-only)
     * @return the text written
     */
    public static String save(Path path, CreateDatabaseRequest body, boolean includeSecrets) throws IOException, Refused {
        JsonNode tree = Json.toTree(body);
        List<Problem> problems = SpecValidator.validateCreate(tree);
        if (!problems.isEmpty()) {
            throw new Refused(path, problems);
        }
        JsonNode out = includeSecrets ? tree : Secrets.strip(tree);
        String text = Json.write(out) + "\n";
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = posix
                ? Files.createTempFile(dir, "." + target.getFileName(), ".saving", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, "." + target.getFileName(), ".saving");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (posix && !includeSecrets) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return text;
    }
}
