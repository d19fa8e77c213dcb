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
 * A database user of a spec; its password is a secret the Control Plane never returns.
 * Fields this record does not name are kept in {@code extra} and written back as they came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseUser(
        @JsonProperty("username") String username,
        @JsonProperty("password") String password,
        @JsonProperty("db_owner") Boolean dbOwner,
        @JsonProperty("attributes") List<String> attributes,
        @JsonProperty("roles") List<String> roles,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public DatabaseUser {
        extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }
}
