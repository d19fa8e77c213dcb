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
 * The spec of a database. An update replaces it whole, so nothing may be dropped from it on the way through Trellis.
 * Fields this record does not name are kept in {@code extra} and written back as they came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseSpec(
        @JsonProperty("database_name") String databaseName,
        @JsonProperty("postgres_version") String postgresVersion,
        @JsonProperty("spock_version") String spockVersion,
        @JsonProperty("port") Integer port,
        @JsonProperty("patroni_port") Integer patroniPort,
        @JsonProperty("cpus") String cpus,
        @JsonProperty("memory") String memory,
        @JsonProperty("nodes") List<DatabaseNode> nodes,
        @JsonProperty("database_users") List<DatabaseUser> databaseUsers,
        @JsonProperty("services") List<ServiceSpec> services,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public DatabaseSpec {
        extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }
}
