package trellis.engine.local;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trellis.spec.DatabaseSpec;
import trellis.spec.Host;
import trellis.spec.HostStatus;
import trellis.spec.Json;
import trellis.spec.ServiceSpec;

/**
 * The Docker engines host ids run on: the default one, and those a host id was bound to. One client
 * per endpoint: host ids that share an engine share its client (and its events stream). Bindings
 * are kept in the state store, so they survive a restart.
 */
final class DockerHosts {
    private static final Logger LOG = LoggerFactory.getLogger(DockerHosts.class);
    static final String DEFAULT_ENDPOINT_NAME = "default";
    /** The address Trellis publishes service ports on and reports as the hosts' addresses. */
    static final String LOOPBACK = "127.0.0.1";

    private final DockerClient defaultEngine;
    private final StateStore store;
    private final Map<String, DockerClient> endpointClients = new ConcurrentHashMap<>();
    /** Host ids bound to an engine of their own; every other host id runs on the default one. */
    private final Map<String, DockerClient> hostEngines = new ConcurrentHashMap<>();
    private final Map<String, String> hostEndpoints = new ConcurrentHashMap<>();
    /** Told of each engine a host is bound to, so its events are followed. */
    private final Consumer<DockerClient> onBound;

    DockerHosts(DockerClient defaultEngine, StateStore store, Consumer<DockerClient> onBound) {
        this.defaultEngine = defaultEngine;
        this.store = store;
        this.onBound = onBound;
    }

    DockerClient defaultEngine() {
        return defaultEngine;
    }

    /** The bindings the store kept, bound again. */
    void restore() throws SQLException {
        for (Map.Entry<String, String> h : store.hosts().entrySet()) {
            use(h.getKey(), h.getValue());
        }
    }

    /** Places a host id on an endpoint, for good. */
    void bind(String hostId, String endpoint) {
        use(hostId, endpoint);
        try {
            store.bindHost(hostId, endpoint);
        } catch (SQLException e) {
            LOG.warn("host {} bound for this session only: {}", hostId, e.getMessage());
        }
    }

    private void use(String hostId, String endpoint) {
        DockerClient engine = endpointClients.computeIfAbsent(endpoint, DockerDetection::client);
        hostEngines.put(hostId, engine);
        hostEndpoints.put(hostId, endpoint);
        onBound.accept(engine);
    }

    Map<String, String> bindings() {
        return Map.copyOf(hostEndpoints);
    }

    String endpointOf(String hostId) {
        return hostEndpoints.getOrDefault(hostId, DEFAULT_ENDPOINT_NAME);
    }

    Map<String, DockerClient> boundHosts() {
        return Map.copyOf(hostEngines);
    }

    DockerClient engineFor(String hostId) {
        return hostId == null ? defaultEngine : hostEngines.getOrDefault(hostId, defaultEngine);
    }

    DockerClient engineOf(Container c) {
        return engineFor(Labels.label(c, Labels.HOST));
    }

    /** The default engine and every bound one, each once. */
    List<DockerClient> all() {
        List<DockerClient> engines = new ArrayList<>();
        addOnce(engines, defaultEngine);
        hostEngines.values().forEach(e -> addOnce(engines, e));
        endpointClients.values().forEach(e -> addOnce(engines, e));
        return engines;
    }

    /**
     * The engines a database's containers can be on: the default one and those of the hosts its
     * spec names. An unreachable engine of some other host must not stop this database's work.
     */
    List<DockerClient> enginesOf(DatabaseSpec spec) {
        List<DockerClient> all = new ArrayList<>();
        all.add(defaultEngine);
        if (spec != null) {
            for (ServiceSpec svc : SpecCatalog.orEmpty(spec.services())) {
                for (String h : SpecCatalog.orEmpty(svc.hostIds())) {
                    addOnce(all, engineFor(h));
                }
            }
        }
        return all;
    }

    private static void addOnce(List<DockerClient> engines, DockerClient e) {
        if (engines.stream().noneMatch(x -> x == e)) {
            engines.add(e);
        }
    }

    /** Each host id's status: its engine's version, or why it does not answer (each engine asked once). */
    List<Host> hosts(Iterable<String> ids) {
        Map<DockerClient, EngineStatus> seen = new IdentityHashMap<>();
        List<Host> hosts = new ArrayList<>();
        for (String id : ids) {
            EngineStatus sv = seen.computeIfAbsent(engineFor(id), EngineStatus::of);
            var components = Json.MAPPER.createObjectNode();
            var dockerStatus = components.putObject("docker").put("healthy", sv.healthy());
            dockerStatus.putObject("details").put("engine", "Docker").put("version", sv.version())
                    .put("endpoint", endpointOf(id));
            if (sv.error() != null) {
                dockerStatus.put("error", sv.error());
            }
            hosts.add(new Host(id, "swarm", System.getProperty("java.io.tmpdir"), null, null, List.of(LOOPBACK), List.of(LOOPBACK),
                    new HostStatus(sv.healthy() ? "healthy" : "unreachable", Instant.now().toString(), components, null), null));
        }
        return hosts;
    }

    private record EngineStatus(boolean healthy, String version, String error) {
        static EngineStatus of(DockerClient e) {
            try {
                return new EngineStatus(true, e.versionCmd().exec().getVersion(), null);
            } catch (RuntimeException ex) {
                return new EngineStatus(false, null, String.valueOf(ex.getMessage()));
            }
        }
    }

    /** Closes the clients this part made (the default one belongs to whoever made it). */
    void close() {
        endpointClients.values().forEach(DockerDetection::closeQuietly);
    }
}
