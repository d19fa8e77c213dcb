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
        return gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark") ? DARK : LIGHT;
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
