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
 * One supporting service of a database: one instance per host in {@code host_ids}.
 * Fields this record does not name are kept in {@code extra} and written back as they came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceSpec(
        @JsonProperty("service_id") String serviceId,
        @JsonProperty("service_type") String serviceType,
        @JsonProperty("version") String version,
        @JsonProperty("host_ids") List<String> hostIds,
        @JsonProperty("connect_as") String connectAs,
        @JsonProperty("port") Integer port,
        @JsonProperty("cpus") String cpus,
        @JsonProperty("memory") String memory,
        @JsonProperty("config") ObjectNode config,
        @JsonProperty("database_connection") DatabaseConnection databaseConnection,
        @JsonProperty("orchestrator_opts") JsonNode orchestratorOpts,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ServiceSpec {
        extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }
}
