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
 * A host of the cluster.
 * Fields this record does not name are kept in {@code extra} and written back as they came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Host(
        @JsonProperty("id") String id,
        @JsonProperty("orchestrator") String orchestrator,
        @JsonProperty("data_dir") String dataDir,
        @JsonProperty("cpus") Integer cpus,
        @JsonProperty("memory") String memory,
        @JsonProperty("peer_addresses") List<String> peerAddresses,
        @JsonProperty("client_addresses") List<String> clientAddresses,
        @JsonProperty("status") HostStatus status,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Host {
        extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }
}
