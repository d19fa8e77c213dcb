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
 * A database instance (one node on one host).
 * Fields this record does not name are kept in {@code extra} and written back as they came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Instance(
        @JsonProperty("id") String id,
        @JsonProperty("host_id") String hostId,
        @JsonProperty("node_name") String nodeName,
        @JsonProperty("state") String state,
        @JsonProperty("error") String error,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("status_updated_at") String statusUpdatedAt,
        @JsonProperty("postgres") JsonNode postgres,
        @JsonProperty("spock") JsonNode spock,
        @JsonProperty("connection_info") JsonNode connectionInfo,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Instance {
        extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }
}
