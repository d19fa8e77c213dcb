package trellis.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What the console remembers between runs, in the user's config directory:
 * {@code $XDG_CONFIG_HOME/trellis/console.properties} (by default {@code ~/.config/trellis/}).
 * Written through a temporary file and a rename, so a crash never leaves half a file. Holds no
 * secret: window geometry, splits, the polling interval, the theme, the last opened sources.
 */
public final class Settings {
    private final Path file;
    private final Properties props = new Properties();

    public Settings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // an unreadable settings file only costs the remembered layout; start fresh
                props.clear();
            }
        }
    }

    /**
     * Where a person's settings live: {@code -Dtrellis.settings}, else the config directory. Only
     * the composition root asks; everything else is handed its file.
     */
    public static Path defaultFile() {
        String override = System.getProperty("trellis.settings");
        if (override != null) {
            return Path.of(override);
        }
        return configHome().resolve("trellis").resolve("console.properties");
    }

    /** The person's configuration folder: {@code $XDG_CONFIG_HOME}, else {@code ~/.config}. */
    static Path configHome() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    }

    public Path file() {
        return file;
    }

    public double get(String key, double fallback) {
        try {
            String v = props.getProperty(key);
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void put(String key, double value) {
        props.setProperty(key, Double.toString(value));
    }

    public String get(String key, String fallback) {
        return props.getProperty(key, fallback);
    }

    public void put(String key, String value) {
        props.setProperty(key, value);
    }

    public List<String> list(String key) {
        String v = props.getProperty(key, "");
        return v.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(v.split("\n")));
    }

    public void putList(String key, List<String> values) {
        props.setProperty(key, String.join("\n", values));
    }

    /** Writes the file; a read-only home costs the remembered layout, never the session. */
    public void flush() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                props.store(out, "Trellis console: window, splits, polling, theme, last sources");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // see above
        }
    }

    /** Puts a value first in a remembered list (last opened files, addresses), keeping ten. */
    public void remember(String key, String value) {
        List<String> list = list(key);
        list.remove(value);
        list.add(0, value);
        putList(key, list.subList(0, Math.min(10, list.size())));
    }

    public void clear() {
        props.clear();
    }
}
