package trellis.engine.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an instance's configuration files under the engine's data directory, readable by their
 * owner only (and handed to the container's uid when Trellis runs as root and can), as the Control
 * Plane does: they hold the connect_as password, as the images expect.
 */
final class InstanceFiles {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceFiles.class);
    static final String OWNER_ONLY = "rw-------";

    private final Path dataDir;

    InstanceFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The directory of an instance's files. */
    Path dir(String instance) {
        return dataDir.resolve(instance);
    }

    /**
     * Writes a plan's files in the instance's directory (a file written once is kept when there);
     * each file's name and note go to {@code log}, never its content. Returns the directory.
     */
    Path write(InstancePlan plan, Consumer<String> log) {
        Path dir = dir(plan.name());
        for (InstancePlan.PlannedFile f : plan.files()) {
            Path in = f.folder().isEmpty() ? dir : dir.resolve(f.folder());
            if (f.once() && Files.exists(in.resolve(f.name()))) {
                log.accept(plan.name() + ": " + f.path() + " kept (the server's own since it was written)");
                continue;
            }
            write(in, f.name(), f.content(), f.containerUid());
            log.accept(plan.name() + ": " + f.path() + " written (" + f.note() + ")");
        }
        return dir;
    }

    /** Writes {@code fileName} in {@code dir}, owner-only. */
    private static void write(Path dir, String fileName, String content, int containerUid) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(fileName);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(OWNER_ONLY));
                Files.setAttribute(file, "unix:uid", containerUid);
            } catch (UnsupportedOperationException | IOException | SecurityException notRoot) {
                // not root: the file stays the user's own; the container runs as that user's uid on most desktops
                LOG.debug("{} stays the user's own (uid {} not set: {})", file, containerUid, notRoot.getMessage());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + dir + "/" + fileName + ": " + e.getMessage(), e);
        }
    }
}
