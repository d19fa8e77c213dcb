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
 * A database as {@code GET /v1/databases/{id}} returns it (secrets stripped).
 * Fields this record does not name are kept in {@code extra} and written back as they came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Database(
        @JsonProperty("id") String id,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("state") String state,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("spec") DatabaseSpec spec,
        @JsonProperty("instances") List<Instance> instances,
        @JsonProperty("service_instances") List<ServiceInstance> serviceInstances,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Database {
        extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }
}
