package trellis.engine.local;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trellis.engine.local.nodes.DefaultNodes;
import trellis.engine.local.nodes.Nodes;
import trellis.engine.local.nodes.ServiceGrants;
import trellis.spec.DatabaseSpec;
import trellis.spec.ServiceSpec;
import trellis.topology.LifecycleRules.Observation;
import trellis.topology.LifecycleRules.Seen;

/**
 * Makes a database's containers match its spec: creates the missing, replaces the changed (the
 * spec-hash label tells), removes the rest; first a server for each node that has none
 * ({@link DefaultNodes}) and the nodes' database and users, last the grants. Each
 * container is an {@link InstancePlan} (one {@link ServiceRuntime}'s recipe over what every
 * instance gets: labels, the published port on 127.0.0.1, resources, the health check timings and
 * the host gateway), written and created as planned: {@code trellis render} shows the same plan.
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    /** Containers reach database nodes on this machine through the Docker host gateway. */
    static final String HOST_GATEWAY_ENTRY = trellis.engine.local.nodes.NodeConnection.HOST_GATEWAY + ":host-gateway";
    static final double NANOS_PER_CPU = 1e9;
    static final double MILLICPUS_PER_CPU = 1000;
    /** Characters of a container id shown in logs, as docker ps shows them. */
    static final int SHORT_ID = 12;
    /** Docker's state of a container made and never started. */
    static final String CREATED = "created";

    private final SpecCatalog catalog;
    private final DockerHosts hosts;
    private final LifecycleMonitor monitor;
    private final Nodes nodes;
    private final DefaultNodes defaultNodes;
    private final ServiceGrants grants;
    private final InstanceFiles files;
    private final LocalEngineSettings settings;
    private final EngineThreads threads;
    /** Containers being removed, so a look in the meantime reports them as deleting. */
    private final Set<String> removing = ConcurrentHashMap.newKeySet();
    /** Per database, why the instances of its last apply have no container (a failed pull). */
    private final Map<String, Map<String, String>> notCreated = new ConcurrentHashMap<>();
    private final ImagePuller puller = new ImagePuller(System::nanoTime, DockerCredentials.standard());

    Reconciler(SpecCatalog catalog, DockerHosts hosts, LifecycleMonitor monitor, Nodes nodes, DefaultNodes defaultNodes,
               ServiceGrants grants, LocalEngineSettings settings, EngineThreads threads) {
        this.catalog = catalog;
        this.hosts = hosts;
        this.monitor = monitor;
        this.nodes = nodes;
        this.defaultNodes = defaultNodes;
        this.grants = grants;
        this.files = new InstanceFiles(settings.dataDir());
        this.settings = settings;
        this.threads = threads;
    }

    boolean removing(String containerId) {
        return removing.contains(containerId);
    }

    /** Why an instance of the last apply has no container, when that apply said (a failed pull); else null. */
    String whyNotCreated(String databaseId, String instanceId) {
        return notCreated.getOrDefault(databaseId, Map.of()).get(instanceId);
    }

    /**
     * Applies a spec; each step goes to {@code log}. The images of the containers to create are
     * pulled first, where their engine lacks them: when one cannot be, nothing is created. A
     * cancel stops the pull, or the apply before its next container.
     */
    void apply(String databaseId, DatabaseSpec spec, Consumer<String> log, TaskCancel cancel) {
        notCreated.remove(databaseId);
        Map<String, Container> existing = new LinkedHashMap<>();
        for (Container c : containers(databaseId)) {
            existing.put(Labels.label(c, Labels.SERVICE) + "/" + Labels.label(c, Labels.HOST), c);
        }
        long t0 = System.nanoTime();
        pullImages(databaseId, spec, existing, log, cancel);
        cancel.check("before creating anything");
        long t1 = System.nanoTime();
        defaultNodes.ensure(spec, log);
        nodes.provision(spec, log);
        defaultNodes.anonRoles(spec, log);
        long t2 = System.nanoTime();
        List<Runnable> creates = new ArrayList<>();
        for (ServiceSpec svc : SpecCatalog.orEmpty(spec.services())) {
            String hash = Labels.hash(svc);
            for (String host : SpecCatalog.orEmpty(svc.hostIds())) {
                Container c = existing.remove(svc.serviceId() + "/" + host);
                String name = Labels.name(databaseId, svc.serviceId(), host);
                if (c != null && hash.equals(Labels.label(c, Labels.HASH))) {
                    // made by an apply that was interrupted before it started it, else as it should be
                    log.accept(name + ": unchanged" + (CREATED.equals(c.getState()) ? ", " + startLeftOver(c) : ""));
                    continue;
                }
                creates.add(() -> {
                    if (threads.halted()) {
                        throw new IllegalStateException("engine halted");
                    }
                    cancel.check("before " + name + "; what was made before it stays");
                    if (c != null) {
                        remove(c, log);
                    }
                    createAndStart(databaseId, spec, svc, host, log);
                });
            }
        }
        // all at once, as 50 docker run started together are: one after another, 50 took minutes longer on a loaded machine
        threads.all(creates);
        long t3 = System.nanoTime();
        for (Container gone : existing.values()) {
            remove(gone, log);
        }
        for (ServiceSpec svc : SpecCatalog.orEmpty(spec.services())) {
            if (ServiceRuntime.forType(svc.serviceType()).needsGrants()) {
                grants.apply(databaseId, spec, svc, log);
            }
        }
        LOG.debug("apply of {}: images {} ms, nodes {} ms, {} container(s) made {} ms, removals and grants {} ms", databaseId,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, creates.size(), (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
    }

    /** Pulls the images of the instances to create (missing or changed); fails the apply, creating nothing, when one cannot be. */
    private void pullImages(String databaseId, DatabaseSpec spec, Map<String, Container> existing, Consumer<String> log,
                            TaskCancel cancel) {
        Map<DockerClient, Set<String>> needed = new IdentityHashMap<>();
        Map<String, String> imageOf = new LinkedHashMap<>();
        for (ServiceSpec svc : SpecCatalog.orEmpty(spec.services())) {
            String hash = Labels.hash(svc);
            String image = settings.image(svc.serviceType(), svc.version());
            for (String host : SpecCatalog.orEmpty(svc.hostIds())) {
                Container c = existing.get(svc.serviceId() + "/" + host);
                if (c == null || !hash.equals(Labels.label(c, Labels.HASH))) {
                    needed.computeIfAbsent(hosts.engineFor(host), k -> new LinkedHashSet<>()).add(image);
                    imageOf.put(Labels.name(databaseId, svc.serviceId(), host), image);
                }
            }
        }
        Map<String, String> failed = puller.pullMissing(needed, log, cancel);
        if (failed.isEmpty()) {
            return;
        }
        String first = failed.values().iterator().next();
        Map<String, String> why = new LinkedHashMap<>();
        imageOf.forEach((instance, image) -> why.put(instance, failed.getOrDefault(image, "not created: " + first)));
        notCreated.put(databaseId, why);
        throw new IllegalStateException(String.join("; ", failed.values()) + "; nothing was created");
    }

    ImagePuller puller() {
        return puller;
    }

    /** Removes every container of a database and forgets it. */
    void deleteAll(String databaseId, StateStore store, Consumer<String> log) {
        for (Container c : containers(databaseId)) {
            remove(c, log);
        }
        catalog.remove(databaseId);
        try {
            store.removeDatabase(databaseId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not forget database " + databaseId + ": " + e.getMessage(), e);
        }
    }

    /** The plan of one instance as the engine would make it now, when the spec has it. */
    java.util.Optional<InstancePlan> plan(String databaseId, DatabaseSpec spec, String instanceName) {
        for (ServiceSpec svc : SpecCatalog.orEmpty(spec.services())) {
            for (String host : SpecCatalog.orEmpty(svc.hostIds())) {
                if (Labels.name(databaseId, svc.serviceId(), host).equals(instanceName)) {
                    return java.util.Optional.of(InstancePlan.of(databaseId, spec, svc, host, settings, nodeAddress()));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private void createAndStart(String databaseId, DatabaseSpec spec, ServiceSpec svc, String host, Consumer<String> log) {
        InstancePlan plan = InstancePlan.of(databaseId, spec, svc, host, settings, nodeAddress());
        long t0 = System.nanoTime();
        Path dir = files.write(plan, log);
        DockerClient docker = hosts.engineFor(host);
        long t1 = System.nanoTime();
        String id = create(docker, plan.container(), dir);
        long t2 = System.nanoTime();
        docker.startContainerCmd(id).exec();
        LOG.debug("{}: files {} ms, create {} ms, start {} ms", plan.name(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                (System.nanoTime() - t2) / 1_000_000);
        log.accept(plan.name() + ": container " + id.substring(0, SHORT_ID) + " created from " + plan.container().image() + " and started");
    }

    /** Creates the container of a plan, its files in {@code dir}; returns its id. */
    static String create(DockerClient docker, ContainerPlan c, Path dir) {
        ExposedPort port = ExposedPort.tcp(ServiceRuntime.CONTAINER_PORT);
        HostConfig hc = HostConfig.newHostConfig();
        if (c.publishedPort() != null) {
            hc.withPortBindings(new PortBinding(c.publishedPort() == 0 ? Ports.Binding.bindIp(DockerHosts.LOOPBACK)
                    : Ports.Binding.bindIpAndPort(DockerHosts.LOOPBACK, c.publishedPort()), port));
        }
        if (c.nanoCpus() != null) {
            hc.withNanoCPUs(c.nanoCpus());
        }
        if (c.memory() != null) {
            hc.withMemory(c.memory());
        }
        hc.withExtraHosts(c.extraHosts().toArray(String[]::new));
        if (!c.mounts().isEmpty()) {
            hc.withBinds(c.binds(dir));
        }
        ContainerPlan.Health h = c.health();
        HealthCheck health = new HealthCheck().withTest(h.test()).withInterval(h.interval().toNanos())
                .withTimeout(h.timeout().toNanos()).withRetries(h.retries()).withStartPeriod(h.startPeriod().toNanos());
        var create = docker.createContainerCmd(c.image()).withName(c.name()).withLabels(c.labels())
                .withExposedPorts(port).withHostConfig(hc).withHealthcheck(health).withEnv(c.env());
        if (c.command() != null) {
            create.withCmd(c.command());
        }
        if (c.user() != null) {
            create.withUser(c.user());
        }
        return create.exec().getId();
    }

    /** Where containers reach a node the engine started or attached. */
    private java.util.function.Function<String, java.util.Optional<PostgrestConf.Endpoint>> nodeAddress() {
        return node -> nodes.node(node).map(nc -> new PostgrestConf.Endpoint(nc.containerHost(), nc.containerPort()));
    }

    /** Starts a container an interrupted apply made; that apply's own start may still land first. */
    private String startLeftOver(Container c) {
        try {
            hosts.engineOf(c).startContainerCmd(c.getId()).exec();
            return "started (an interrupted apply had not)";
        } catch (NotModifiedException alreadyStarted) {
            return "already started by the interrupted apply";
        }
    }

    void remove(Container c, Consumer<String> log) {
        String name = Labels.containerName(c);
        removing.add(c.getId());
        String db = Labels.label(c, Labels.DATABASE);
        if (db != null) {
            monitor.observe(db, Labels.instanceOf(c), new Observation(Seen.REMOVING, null), null, Instant.now());
        }
        try {
            hosts.engineOf(c).removeContainerCmd(c.getId()).withForce(true).exec();
            log.accept(name + ": removed");
        } catch (NotFoundException alreadyGone) {
            log.accept(name + ": already gone");
        } finally {
            removing.remove(c.getId());
        }
    }

    /** A database's containers on every engine it may use, each once. */
    List<Container> containers(String databaseId) {
        Map<String, Container> all = new LinkedHashMap<>();
        for (DockerClient engine : hosts.enginesOf(catalog.spec(databaseId))) {
            // two host ids may name the same engine through two clients: one container is listed once
            engine.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.DATABASE, databaseId)).exec()
                    .forEach(c -> all.putIfAbsent(c.getId(), c));
        }
        return new ArrayList<>(all.values());
    }

    /**
     * Matches what Docker runs with what the store says, at start: per database, service and host
     * one container stays (the newest); extra copies a crash could have left are removed.
     * Containers of databases the store does not know are left alone and named in the log: they
     * may belong to another Trellis data directory.
     */
    void adoptContainers() {
        Map<String, List<Container>> byInstance = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (DockerClient engine : hosts.all()) {
            List<Container> all;
            try {
                all = engine.listContainersCmd().withShowAll(true).withLabelFilter(List.of(Labels.DATABASE)).exec();
            } catch (RuntimeException unreachable) {
                LOG.warn("an engine does not answer ({}); its containers are adopted at the next apply", unreachable.getMessage());
                continue;
            }
            for (Container c : all) {
                if (!seen.add(c.getId())) {
                    continue;
                }
                String db = Labels.label(c, Labels.DATABASE);
                if (!catalog.contains(db)) {
                    LOG.warn("container {} of database {} is not in the state store; left alone", c.getId().substring(0, SHORT_ID), db);
                    continue;
                }
                byInstance.computeIfAbsent(Labels.instanceOf(c), k -> new ArrayList<>()).add(c);
            }
        }
        for (Map.Entry<String, List<Container>> x : byInstance.entrySet()) {
            List<Container> copies = x.getValue();
            if (copies.size() < 2) {
                continue;
            }
            Container keep = copies.stream().max(Comparator.comparingLong(Container::getCreated)).orElseThrow();
            for (Container c : copies) {
                if (c != keep) {
                    String shortId = c.getId().substring(0, SHORT_ID);
                    try {
                        hosts.engineOf(c).removeContainerCmd(c.getId()).withForce(true).exec();
                        LOG.warn("{}: removed a duplicate container {}", x.getKey(), shortId);
                    } catch (RuntimeException e) {
                        LOG.warn("{}: duplicate container {} not removed: {}", x.getKey(), shortId, e.getMessage());
                    }
                }
            }
        }
    }

    /** Kubernetes-style CPUs ({@code 0.5}, {@code 500m}) in Docker's nano-CPUs. */
    static long nanoCpus(String cpus) {
        double n = cpus.endsWith("m") ? Double.parseDouble(cpus.replace("m", "")) / MILLICPUS_PER_CPU : Double.parseDouble(cpus);
        return (long) (n * NANOS_PER_CPU);
    }

    /** A validated memory quantity (go-humanize ParseBytes: 512M, 1GiB, 1,024K) in bytes. */
    static long memoryBytes(String memory) {
        String s = memory.strip();
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == ',')) {
            i++;
        }
        double n = Double.parseDouble(s.substring(0, i).replace(",", ""));
        String unit = s.substring(i).strip().toLowerCase(Locale.ROOT);
        int exp = unit.isEmpty() || unit.equals("b") ? 0 : "kmgtpe".indexOf(unit.charAt(0)) + 1;
        double base = unit.length() >= 2 && unit.charAt(1) == 'i' ? 1024 : 1000;
        return (long) (n * Math.pow(base, exp));
    }
}
