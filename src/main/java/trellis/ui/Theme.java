package trellis.ui;

import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;

/**
 * Light or dark, applied to a scene before its window shows. Follows the desktop where it can be
 * read (GTK_THEME, the freedesktop colour-scheme setting exported as TRELLIS_THEME by a launcher),
 * and a choice the person made wins over both.
 */
public enum Theme {
    LIGHT, DARK;

    static final String BASE = "/trellis/css/trellis.css";
    static final String DARK_SHEET = "/trellis/css/trellis-dark.css";

    public static Theme fromDesktop() {
        String explicit = System.getenv("TRELLIS_THEME");
        if (explicit != null && !explicit.isBlank()) {
            return explicit.toLowerCase(Locale.ROOT).contains("dark") ? DARK : LIGHT;
        }
        String gtk = System.getenv("GTK_THEME");
        if (gtk != null && !gtk.isBlank()) {
            return gtk.toLowerCase(Locale.ROOT).contains("dark") ? DARK : LIGHT;
        }
        // The GTK settings file: a small read on the start path, no process to spawn.
        java.nio.file.Path config = Settings.configHome();
        for (String dir : List.of("gtk-4.0", "gtk-3.0")) {
            java.nio.file.Path ini = config.resolve(dir).resolve("settings.ini");
            try {
                if (java.nio.file.Files.isRegularFile(ini)) {
                    return fromGtkSettings(java.nio.file.Files.readString(ini));
                }
            } catch (java.io.IOException | RuntimeException e) {
                // an unreadable file says nothing about the desktop; look at the next one
            }
        }
        return LIGHT;
    }

    /**
     * Reads a GTK settings.ini: dark when it prefers the dark variant or names a dark theme
     * ("Adwaita-dark", "Yaru-dark").
     */
    static Theme fromGtkSettings(String ini) {
        for (String line : ini.lines().toList()) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
            if (key.equals("gtk-application-prefer-dark-theme") && (value.equals("1") || value.equals("true"))) {
                return DARK;
            }
            if (key.equals("gtk-theme-name") && value.contains("dark")) {
                return DARK;
            }
        }
        return LIGHT;
    }

    public static Theme parse(String name, Theme fallback) {
        if (name == null) {
            return fallback;
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    public List<String> stylesheets() {
        String base = Theme.class.getResource(BASE).toExternalForm();
        return this == DARK ? List.of(base, Theme.class.getResource(DARK_SHEET).toExternalForm()) : List.of(base);
    }

    public void apply(Scene scene) {
        scene.getStylesheets().setAll(stylesheets());
    }
}
