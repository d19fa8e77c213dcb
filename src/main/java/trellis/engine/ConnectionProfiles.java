package trellis.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trellis.spec.Json;

/**
 * The connection profiles, in {@code profiles.json} beside the console's settings
 * ({@code $XDG_CONFIG_HOME/trellis}): {@code {"profiles": [{name, url, ca_cert, client_cert,
 * client_key, connect_timeout_seconds, request_timeout_seconds}]}}. Paths only; anything else a
 * file holds (a password or token someone added by hand) is not read and never written back.
 * Written through a temporary file and a rename. Blocking: call it off the FX thread.
 */
public final class ConnectionProfiles {
    private final Path file;

    public ConnectionProfiles(Path file) {
        this.file = file;
    }

    /** {@code $XDG_CONFIG_HOME/trellis/profiles.json}, else {@code ~/.config/trellis/profiles.json}. */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("trellis").resolve("profiles.json");
    }

    public Path file() {
        return file;
    }

    /** The profiles in the file's order; none when there is no file. */
    public List<ConnectionProfile> list() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = Json.parse(Files.readString(file));
        } catch (IOException e) {
            throw new IOException(file + " is not JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + "); fix it or remove it, and save the profiles again", e);
        }
        List<ConnectionProfile> out = new ArrayList<>();
        for (JsonNode n : root.path("profiles")) {
            try {
                out.add(Json.convert(n, ConnectionProfile.class));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": a profile does not have the expected fields (" + n.path("name").asText("unnamed")
                        + "); fix it or remove it", e);
            }
        }
        return out;
    }

    /** The profile of that name. */
    public Optional<ConnectionProfile> named(String name) throws IOException {
        return list().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Adds the profile, or replaces the one named {@code replacing} (or of the same name) in place. */
    public void save(ConnectionProfile profile, String replacing) throws IOException {
        List<ConnectionProfile> all = new ArrayList<>(list());
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(replacing) || all.get(i).name().equals(profile.name())) {
                at = at < 0 ? i : at;
            }
        }
        all.removeIf(p -> p.name().equals(replacing) || p.name().equals(profile.name()));
        all.add(at < 0 ? all.size() : Math.min(at, all.size()), profile);
        write(all);
    }

    /** Removes the profile of that name; false when there was none. */
    public boolean remove(String name) throws IOException {
        List<ConnectionProfile> all = new ArrayList<>(list());
        boolean removed = all.removeIf(p -> p.name().equals(name));
        if (removed) {
            write(all);
        }
        return removed;
    }

    private void write(List<ConnectionProfile> all) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("profiles");
        all.forEach(p -> arr.add(Json.toTree(p)));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
