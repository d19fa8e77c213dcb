package trellis.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the console remembers between runs, in the user's preferences store (on Linux a file
 * under ~/.java/.userPrefs). Tests use a node of their own ({@code -Dtrellis.prefs=...}).
 */
public final class Settings {
    private final Preferences prefs;

    public Settings() {
        this(Preferences.userRoot().node(System.getProperty("trellis.prefs", "trellis")));
    }

    public Settings(Preferences prefs) {
        this.prefs = prefs;
    }

    public double get(String key, double fallback) {
        return prefs.getDouble(key, fallback);
    }

    public void put(String key, double value) {
        prefs.putDouble(key, value);
    }

    public String get(String key, String fallback) {
        return prefs.get(key, fallback);
    }

    public void put(String key, String value) {
        prefs.put(key, value);
    }

    public List<String> list(String key) {
        String v = prefs.get(key, "");
        return v.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(v.split("\n")));
    }

    public void putList(String key, List<String> values) {
        prefs.put(key, String.join("\n", values));
    }

    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // Remembering the window is a comfort, not a duty: a read-only home must not stop the console.
        }
    }

    public void clear() {
        try {
            prefs.clear();
        } catch (BackingStoreException e) {
            // as above
        }
    }
}
