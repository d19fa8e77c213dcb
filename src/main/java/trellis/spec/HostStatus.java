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
 * A host's state and the health of its components.
 * Fields this record does not name are kept in {@code extra} and written back as they came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostStatus(
        @JsonProperty("state") String state,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("components") ObjectNode components,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public HostStatus {
        extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }
}
