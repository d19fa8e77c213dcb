package trellis.spec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the orchestrator last saw of a service instance's container.
 * Fields this record does not name are kept in {@code extra} and written back as they came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceInstanceStatus(
        @JsonProperty("container_id") String containerId,
        @JsonProperty("image_version") String imageVersion,
        @JsonProperty("addresses") List<String> addresses,
        @JsonProperty("ports") List<PortMapping> ports,
        @JsonProperty("health_check") HealthCheckResult healthCheck,
        @JsonProperty("last_health_at") String lastHealthAt,
        @JsonProperty("service_ready") Boolean serviceReady,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ServiceInstanceStatus {
        extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }
}
