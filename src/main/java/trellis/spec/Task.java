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
 * A long-running operation of the Control Plane.
 * Fields this record does not name are kept in {@code extra} and written back as they came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Task(
        @JsonProperty("task_id") String taskId,
        @JsonProperty("parent_id") String parentId,
        @JsonProperty("scope") String scope,
        @JsonProperty("entity_id") String entityId,
        @JsonProperty("database_id") String databaseId,
        @JsonProperty("node_name") String nodeName,
        @JsonProperty("instance_id") String instanceId,
        @JsonProperty("host_id") String hostId,
        @JsonProperty("type") String type,
        @JsonProperty("status") String status,
        @JsonProperty("error") String error,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Task {
        extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }
}
