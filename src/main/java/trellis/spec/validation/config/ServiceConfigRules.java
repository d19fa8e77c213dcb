package trellis.spec.validation.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The per-type {@code config} rules of the Control Plane's service config parsers
 * (PostgREST, MCP, RAG).
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
        return List.of();
    }

    /** A config problem; {@code path} is relative to the config object. */
    public record ConfigProblem(String path, String message) {
    }
}
