package trellis.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The image each service type runs on in the local engine, as the console remembers it (Engine &gt;
 * Images…): {@code engine.image.<type>} in the {@link Settings}, present only where a person set one
 * other than the default (a mirror, a local build). The composition root hands them to the engine.
 */
public final class EngineImages {
    /** The service types, in the order the dialog lists them. */
    public static final List<String> TYPES = List.of("postgrest", "mcp", "rag");
    static final String KEY = "engine.image.";

    private EngineImages() {
    }

    /** The images a person set, by service type (none: the engine's defaults). */
    public static Map<String, String> stored(Settings settings) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String type : TYPES) {
            String v = settings.get(KEY + type, "").strip();
            if (!v.isEmpty()) {
                out.put(type, v);
            }
        }
        return out;
    }

    /** Remembers the images of the dialog: one equal to its default is not kept, so it follows the default. */
    static void store(Settings settings, Map<String, String> images, Map<String, String> defaults) {
        for (String type : TYPES) {
            String v = images.getOrDefault(type, "").strip();
            settings.put(KEY + type, v.equals(defaults.get(type)) ? "" : v);
        }
        settings.flush();
    }
}
