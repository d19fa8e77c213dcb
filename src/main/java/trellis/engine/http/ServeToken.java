package trellis.engine.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import trellis.engine.DataFolder;

/**
 * The bearer token {@code trellis serve} demands: 32 random bytes, base64url without padding,
 * kept in {@code serve.token} in the data folder, readable by its owner only. The token itself is
 * never printed or logged; only the file's path is.
 */
public final class ServeToken {
    public static final String FILE_NAME = "serve.token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ServeToken() {
    }

    public static Path defaultFile() {
        return DataFolder.path().resolve(FILE_NAME);
    }

    public static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * The token in {@code file}; a new one when the file is missing, empty, or readable by group or
     * others (then it may have leaked). The folder is made 0700 and the file 0600.
     */
    public static String loadOrCreate(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        DataFolder.ensure(dir);
        if (Files.isRegularFile(file) && !openToOthers(file)) {
            String t = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!t.isEmpty()) {
                return t;
            }
        }
        String token = generate();
        Path tmp = DataFolder.posix()
                ? Files.createTempFile(dir, ".serve", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".serve", ".tmp");
        try {
            Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return token;
    }

    private static boolean openToOthers(Path file) throws IOException {
        if (!DataFolder.posix()) {
            return false;
        }
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)
                || p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** The token in a file someone names (--token-file): its first line, trimmed. */
    public static String read(Path file) throws IOException {
        String t = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (t.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        return t.lines().findFirst().orElse(t).trim();
    }

    /**
     * The token to send to {@code server}: the named file's, else — for a loopback server only —
     * the token of this user's own {@code serve} when it has one; else none.
     */
    public static Optional<String> forServer(URI server, Path tokenFile, Path ownFile) throws IOException {
        if (tokenFile != null) {
            return Optional.of(read(tokenFile));
        }
        if (isLoopback(server) && ownFile != null && Files.isReadable(ownFile)) {
            return Optional.of(read(ownFile));
        }
        return Optional.empty();
    }

    public static boolean isLoopback(URI server) {
        String host = server.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        // only literals: a name is never resolved here (that would send the token where DNS says)
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Constant-time comparison of what a request presented with the token. */
    public static boolean matches(String presented, String token) {
        if (presented == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), sha256(token));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
