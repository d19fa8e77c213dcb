package trellis.engine.local;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trellis.spec.HealthCheckResult;
import trellis.spec.PortMapping;
import trellis.spec.ServiceInstance;
import trellis.spec.ServiceInstanceStatus;
import trellis.topology.LifecycleRules.Health;
import trellis.topology.LifecycleRules.Observation;
import trellis.topology.LifecycleRules.Seen;
import trellis.topology.LifecycleState;

/**
 * Looks at a database's containers (one list call per engine), turns what Docker says of each into
 * an {@link Observation}, moves each instance by the {@link LifecycleMonitor} and reports the API's
 * instances from the monitor's records. Inspects a container only when it is in trouble.
 */
final class InstanceView {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceView.class);
    private static final String PORT_NAME = "http";

    private final SpecCatalog catalog;
    private final DockerHosts hosts;
    private final LifecycleMonitor monitor;
    /** Containers being removed, so a look in the meantime reports them as deleting. */
    private final Predicate<String> removing;
    /** Why an instance of a database has no container, when its last apply said; else null. */
    private final java.util.function.BiFunction<String, String, String> whyNotCreated;

    InstanceView(SpecCatalog catalog, DockerHosts hosts, LifecycleMonitor monitor, Predicate<String> removing,
                 java.util.function.BiFunction<String, String, String> whyNotCreated) {
        this.whyNotCreated = whyNotCreated;
        this.catalog = catalog;
        this.hosts = hosts;
        this.monitor = monitor;
        this.removing = removing;
    }

    List<ServiceInstance> refresh(String databaseId) {
        Instant now = Instant.now();
        boolean applying = catalog.busy(databaseId);
        Map<String, SpecCatalog.Placement> expected = new LinkedHashMap<>();
        for (SpecCatalog.Placement p : SpecCatalog.placements(databaseId, catalog.spec(databaseId))) {
            expected.put(p.instanceId(), p);
        }
        Map<String, ServiceInstance> out = new LinkedHashMap<>();
        Set<String> listed = new HashSet<>();
        for (DockerClient engine : hosts.enginesOf(catalog.spec(databaseId))) {
            List<Container> found;
            try {
                found = engine.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.DATABASE, databaseId)).exec();
            } catch (RuntimeException e) {
                LOG.debug("listing the containers of {} failed", databaseId, e);
                silent(databaseId, engine, e, expected, out, applying, now);
                continue;
            }
            for (Container c : found) {
                if (!listed.add(c.getId()) || c.getLabels() == null) {
                    continue;
                }
                String host = Labels.label(c, Labels.HOST);
                if (host != null && hosts.engineFor(host) != engine) {
                    // a host's instances are reported by the engine it is bound to, even when another
                    // endpoint reaches the same daemon: that host's silence must not be covered up
                    listed.remove(c.getId());
                    continue;
                }
                String name = Labels.name(databaseId, Labels.label(c, Labels.SERVICE), host);
                LifecycleMonitor.InstanceRecord rec = monitor.observe(databaseId, name, observation(c, monitor.record(name)),
                        Instant.ofEpochSecond(c.getCreated()), now);
                rec.containerId = c.getId();
                out.put(name, instance(rec, Labels.label(c, Labels.SERVICE), host, c));
            }
        }
        for (SpecCatalog.Placement p : expected.values()) {
            if (!out.containsKey(p.instanceId())) {
                Observation seen = applying ? new Observation(Seen.STARTING, null) : new Observation(Seen.MISSING, whyMissing(databaseId, p));
                LifecycleMonitor.InstanceRecord rec = monitor.observe(databaseId, p.instanceId(), seen, null, now);
                out.put(p.instanceId(), instance(rec, p.serviceId(), p.hostId(), null));
            }
        }
        for (LifecycleMonitor.InstanceRecord rec : monitor.records(databaseId)) {
            if (!out.containsKey(rec.instanceId)) {
                monitor.forget(rec.instanceId, now);
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Why an instance has no container: what the last apply said (an image that could not be
     * pulled), removed outside Trellis when a container of it was seen, else that none was seen.
     */
    private String whyMissing(String databaseId, SpecCatalog.Placement p) {
        String why = whyNotCreated.apply(databaseId, p.instanceId());
        if (why != null) {
            return why;
        }
        LifecycleMonitor.InstanceRecord rec = monitor.record(p.instanceId());
        return rec != null && rec.containerId != null ? "no container: it was removed outside Trellis; apply the spec again"
                : "no container (none seen since the engine started); apply the spec again";
    }

    /** The instances of an engine that does not answer: no status, or missing / starting when none was ever seen. */
    private void silent(String databaseId, DockerClient engine, RuntimeException e, Map<String, SpecCatalog.Placement> expected,
                        Map<String, ServiceInstance> out, boolean applying, Instant now) {
        for (SpecCatalog.Placement p : expected.values()) {
            String host = p.hostId();
            if (hosts.engineFor(host) != engine || out.containsKey(p.instanceId())) {
                continue;
            }
            String why = "the Docker engine of " + host + " (" + hosts.endpointOf(host) + ") does not answer: " + e.getMessage();
            LifecycleMonitor.InstanceRecord rec = monitor.record(p.instanceId());
            Seen seen = rec != null && rec.containerId != null ? Seen.NO_STATUS : applying ? Seen.STARTING : Seen.MISSING;
            rec = monitor.observe(databaseId, p.instanceId(), new Observation(seen, why), null, now);
            out.put(p.instanceId(), instance(rec, p.serviceId(), host, null));
        }
    }

    /** What Docker's container list says of one container, inspecting it only when it is in trouble. */
    private Observation observation(Container c, LifecycleMonitor.InstanceRecord rec) {
        String status = c.getStatus() == null ? "" : c.getStatus();
        String dockerState = c.getState() == null ? "" : c.getState();
        if (removing.test(c.getId()) || "removing".equals(dockerState)) {
            return new Observation(Seen.REMOVING, null);
        }
        if ("created".equals(dockerState) || "restarting".equals(dockerState)) {
            // made and not yet started, or started again by Docker: no verdict yet
            return new Observation(Seen.STARTING, null);
        }
        if (!"running".equals(dockerState)) {
            boolean same = rec != null && rec.failedWith(c.getId(), Seen.STOPPED);
            return new Observation(Seen.STOPPED, same ? rec.error : exitError(c));
        }
        if (status.contains("(healthy)")) {
            return new Observation(Seen.HEALTHY, null);
        }
        if (status.contains("(unhealthy)")) {
            boolean same = rec != null && rec.failedWith(c.getId(), Seen.UNHEALTHY);
            return new Observation(Seen.UNHEALTHY, same ? rec.error : healthError(c));
        }
        return new Observation(Seen.STARTING, null);
    }

    /** The instance in the API's shape: the monitor's state, the container's ports, image and health. */
    private static ServiceInstance instance(LifecycleMonitor.InstanceRecord rec, String service, String host, Container c) {
        ServiceInstanceStatus instanceStatus = null;
        if (c != null) {
            List<PortMapping> ports = new ArrayList<>();
            for (var p : c.getPorts()) {
                if (p.getPrivatePort() != null && p.getPublicPort() != null) {
                    ports.add(new PortMapping(PORT_NAME, p.getPrivatePort(), p.getPublicPort(), null));
                }
            }
            String image = c.getImage() == null ? "" : c.getImage();
            String version = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : image;
            String lastHealth = rec.lastHealthAt == null ? null : rec.lastHealthAt.toString();
            String message = rec.health == Health.UNHEALTHY ? rec.error : null;
            instanceStatus = new ServiceInstanceStatus(c.getId(), version, List.of(DockerHosts.LOOPBACK), ports,
                    new HealthCheckResult(rec.health.word(), rec.lastStatusAt.toString(), message, null),
                    lastHealth, rec.state == LifecycleState.RUNNING, null);
        }
        return new ServiceInstance(rec.instanceId, service, rec.databaseId, host, rec.state.word(), instanceStatus, rec.error,
                rec.createdAt.toString(), rec.updatedAt.toString(), null);
    }

    private String exitError(Container c) {
        DockerClient engine = hosts.engineOf(c);
        try {
            InspectContainerResponse info = engine.inspectContainerCmd(c.getId()).exec();
            return "container exited with code " + info.getState().getExitCodeLong() + ContainerLogs.lastOutput(engine, c.getId());
        } catch (NotFoundException e) {
            return "container is gone";
        }
    }

    private String healthError(Container c) {
        try {
            InspectContainerResponse info = hosts.engineOf(c).inspectContainerCmd(c.getId()).exec();
            return "health check failing: " + lastHealthOutput(info.getState().getHealth());
        } catch (NotFoundException e) {
            return "health check failing";
        }
    }

    private static String lastHealthOutput(HealthState health) {
        if (health == null || health.getLog() == null || health.getLog().isEmpty()) {
            return "no output";
        }
        HealthStateLog last = health.getLog().get(health.getLog().size() - 1);
        String out = last.getOutput() == null ? "" : last.getOutput().strip();
        return "exit " + last.getExitCodeLong() + (out.isEmpty() ? "" : ": " + out.lines().reduce((a, b) -> b).orElse(""));
    }
}
