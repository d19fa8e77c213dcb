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
 * One running copy of a service on one host, as {@code GET /v1/databases/{id}} reports it.
 * Fields this record does not name are kept in {@code extra} and written back as they came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceInstance(
        @JsonProperty("service_instance_id") String serviceInstanceId,
        @JsonProperty("service_id") String serviceId,
        @JsonProperty("database_id") String databaseId,
        @JsonProperty("host_id") String hostId,
        @JsonProperty("state") String state,
        @JsonProperty("status") ServiceInstanceStatus status,
        @JsonProperty("error") String error,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ServiceInstance {
        extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }
}
