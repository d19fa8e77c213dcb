package trellis.engine;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Trellis's data folder, {@code $XDG_DATA_HOME/trellis} ({@code ~/.local/share/trellis}): the
 * engine's database (specs with their passwords and keys) and {@code serve}'s token live here,
 * so it must be its owner's alone.
 */
public final class DataFolder {
    private DataFolder() {
    }

    /** Where engine.db (the local engine's store) and serve.token live. */
    public static Path path() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("trellis");
    }

    public static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the folder owner-only (0700) if it is missing; an existing folder is left as it is. */
    public static Path ensure(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (posix()) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                // createDirectories applies the umask; say it again
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } else {
                Files.createDirectories(dir);
            }
        }
        return dir;
    }

    /**
     * One line saying what is wrong when group or others can write the folder (they could swap
     * engine.db or the token for their own), with the chmod that fixes it; empty when it is safe.
     */
    public static Optional<String> writableByOthers(Path dir) throws IOException {
        if (!posix() || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            return Optional.of("the data folder " + dir + " is writable by group or others ("
                    + PosixFilePermissions.toString(perms) + "); it holds the engine's passwords and keys: run chmod 700 " + dir);
        }
        return Optional.empty();
    }
}
