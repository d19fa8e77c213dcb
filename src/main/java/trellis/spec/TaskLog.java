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
 * A task's log from a given entry on.
 * Fields this record does not name are kept in {@code extra} and written back as they came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskLog(
        @JsonProperty("scope") String scope,
        @JsonProperty("entity_id") String entityId,
        @JsonProperty("database_id") String databaseId,
        @JsonProperty("task_id") String taskId,
        @JsonProperty("task_status") String taskStatus,
        @JsonProperty("last_entry_id") String lastEntryId,
        @JsonProperty("entries") List<TaskLogEntry> entries,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public TaskLog {
        extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }
}
