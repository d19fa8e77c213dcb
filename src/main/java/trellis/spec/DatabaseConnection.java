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
 * Which nodes a service connects to and how libpq should pick among them.
 * Fields this record does not name are kept in {@code extra} and written back as they came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseConnection(
        @JsonProperty("target_nodes") List<String> targetNodes,
        @JsonProperty("target_session_attrs") String targetSessionAttrs,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public DatabaseConnection {
        extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }
}
