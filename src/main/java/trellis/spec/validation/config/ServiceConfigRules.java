package trellis.spec.validation.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-type {@code config} rules of the Control Plane's service config parsers
 * (server/internal/database/{postgrest,mcp,rag}_service_config.go at c0ce2e81). The Control
 * Plane sees config as a Go {@code map[string]any}: numbers are float64, a JSON null is a key
 * that is present with no value, and a missing config is an empty map. These rules keep those
 * semantics, so that Trellis refuses exactly what the Control Plane refuses.
 */
public final class ServiceConfigRules {
    private ServiceConfigRules() {
    }

    /**
     * @param serviceType       {@code postgrest}, {@code mcp} or {@code rag}; any other type has no config rules
     * @param config            the service's {@code config} value as sent (may be null, missing, or of a wrong type)
     * @param isExistingService true when an update changes a service that already exists (create-only keys refused)
     * @return problems, each with a path relative to the config object ("" for the object itself,
     *         {@code db_pool}, {@code pipelines[0].name}) and the message
     */
    public static List<ConfigProblem> validate(String serviceType, JsonNode config, boolean isExistingService) {
        if (serviceType == null || !(serviceType.equals("postgrest") || serviceType.equals("mcp") || serviceType.equals("rag"))) {
            return List.of();
        }
        try {
            ConfigMap map = ConfigMap.of(config);
            if (map == null) {
                return List.of(new ConfigProblem("", "config must be an object (got " + kind(config) + ")"));
            }
            // Go decodes every JSON number to float64; one beyond its range fails the whole request.
            String[] overflow = GoJson.firstOverflowingNumber(map.raw());
            if (overflow != null) {
                return List.of(new ConfigProblem(overflow[0], "json: cannot unmarshal number " + overflow[1]
                        + " into Go value of type float64 (the number is out of range)"));
            }
            return switch (serviceType) {
                case "postgrest" -> PostgrestConfig.validate(map);
                case "mcp" -> McpConfig.validate(map, isExistingService);
                default -> RagConfig.validate(map);
            };
        } catch (RuntimeException | StackOverflowError e) {
            // Never expected; a config that breaks the rules is refused rather than let through.
            return List.of(new ConfigProblem("", "config could not be checked: " + e.getClass().getSimpleName()));
        }
    }

    private static String kind(JsonNode n) {
        if (n.isArray()) {
            return "an array";
        }
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** A config problem; {@code path} is relative to the config object. */
    public record ConfigProblem(String path, String message) {
    }

    /** Problems collected in order, as the Go parsers append their errors. */
    static final class Problems {
        final List<ConfigProblem> list = new ArrayList<>();

        void add(String path, String message) {
            list.add(new ConfigProblem(path, message));
        }

        void addAll(List<ConfigProblem> more) {
            list.addAll(more);
        }
    }
}
