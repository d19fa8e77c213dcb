package trellis.engine.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

    /** Writes {@code fileName} in the directory of {@code instance}; returns that directory. */
    Path write(String instance, String fileName, String content, int containerUid) {
        Path dir = dataDir.resolve(instance);
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
        return dir;
    }

    boolean exists(String instance, String fileName) {
        return Files.exists(dataDir.resolve(instance).resolve(fileName));
    }
}
