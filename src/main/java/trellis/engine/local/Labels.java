package trellis.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.model.Container;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import trellis.spec.Json;
import trellis.spec.ServiceSpec;
import com.fasterxml.jackson.core.JsonProcessingException;

/** How Trellis names and labels its containers, so it finds them again after a restart. */
final class Labels {
    static final String DATABASE = "io.trellis.database";
    static final String SERVICE = "io.trellis.service";
    static final String HOST = "io.trellis.host";
    static final String HASH = "io.trellis.spec-hash";
    /** On the PostgreSQL containers Trellis starts for nodes: the node's name. */
    static final String NODE = "io.trellis.node";
    /** Bytes of the spec's SHA-256 kept in the hash label: enough to tell two specs apart. */
    private static final int HASH_BYTES = 8;

    private Labels() {
    }

    /** {@code {database}-{service}-{host}}, the Control Plane's instance id and the container's name. */
    static String name(String databaseId, String serviceId, String hostId) {
        return databaseId + "-" + serviceId + "-" + hostId;
    }

    static Map<String, String> of(String databaseId, String serviceId, String hostId, String hash) {
        return Map.of(DATABASE, databaseId, SERVICE, serviceId, HOST, hostId, HASH, hash);
    }

    static String label(Container c, String key) {
        return c.getLabels() == null ? null : c.getLabels().get(key);
    }

    /** The instance id a labelled container stands for. */
    static String instanceOf(Container c) {
        return name(label(c, DATABASE), label(c, SERVICE), label(c, HOST));
    }

    /** The container's name as Docker shows it, without the leading slash; its id when it has none. */
    static String containerName(Container c) {
        return c.getNames() != null && c.getNames().length > 0 ? c.getNames()[0].replaceFirst("^/", "") : c.getId();
    }

    /** A change to anything but the host list replaces the service's containers. */
    static String hash(ServiceSpec svc) {
        JsonNode tree = Json.toTree(svc).deepCopy();
        ((ObjectNode) tree).remove("host_ids");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Json.MAPPER.writeValueAsBytes(tree));
            return HexFormat.of().formatHex(d, 0, HASH_BYTES);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the spec of service " + svc.serviceId() + ": " + e.getMessage(), e);
        }
    }
}
