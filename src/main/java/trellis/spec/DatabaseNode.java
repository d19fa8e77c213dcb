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
 * A database node: a name and the hosts its instances run on. Backup, restore and tuning fields are kept in {@code extra}.
 * Fields this record does not name are kept in {@code extra} and written back as they came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseNode(
        @JsonProperty("name") String name,
        @JsonProperty("host_ids") List<String> hostIds,
        @JsonProperty("port") Integer port,
        @JsonProperty("patroni_port") Integer patroniPort,
        @JsonProperty("postgres_version") String postgresVersion,
        @JsonProperty("cpus") String cpus,
        @JsonProperty("memory") String memory,
        @JsonProperty("source_node") String sourceNode,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public DatabaseNode {
        extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }
}
