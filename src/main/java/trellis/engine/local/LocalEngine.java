package trellis.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.spec.Cluster;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;
import trellis.spec.HealthCheckResult;
import trellis.spec.Host;
import trellis.spec.HostStatus;
import trellis.spec.Json;
import trellis.spec.PortMapping;
import trellis.spec.Secrets;
import trellis.spec.ServiceInstance;
import trellis.spec.ServiceInstanceStatus;
import trellis.spec.ServiceSpec;
import trellis.spec.Task;
import trellis.spec.TaskLog;
import trellis.spec.TaskLogEntry;
import trellis.spec.UpdateDatabaseRequest;
import trellis.spec.validation.Problem;
import trellis.spec.validation.SpecValidator;

/**
 * Runs supporting services on Docker engines, as the pgEdge Control Plane runs them on Swarm: one
 * container per service and host, named {@code {database}-{service}-{host}}, labelled so it can be
 * found again, health-checked with the Control Plane's checks and timings, its port published on
 * 127.0.0.1. A host id runs on the engine it is bound to ({@link #bindHost}), else on the default
 * one; several host ids may share an engine.
 *
 * <p>Specs, tasks, task logs, lifecycle events, host bindings, granted anon roles and nodes live
 * in a SQLite {@link StateStore} (in memory when none is given). Instance states are kept by a
 * {@link LifecycleMonitor} fed by each engine's events stream, a periodic sweep and every
 * {@link #database} call; Docker remains the truth, so a restart rebuilds them from the containers.
 */
public final class LocalEngine implements ControlPlane, trellis.engine.InstanceLogs, trellis.engine.LocalEngineAdmin {
    static final String LABEL_DATABASE = "io.trellis.database";
    static final String LABEL_SERVICE = "io.trellis.service";
    static final String LABEL_HOST = "io.trellis.host";
    static final String LABEL_HASH = "io.trellis.spec-hash";
    static final int CONTAINER_PORT = 8080;
    private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);

    private final DockerClient docker;
    private final LocalEngineSettings settings;
    private final Map<String, DatabaseSpec> specs = new ConcurrentHashMap<>();
    private final Map<String, Instant> created = new ConcurrentHashMap<>();
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final Map<String, List<TaskLogEntry>> logs = new ConcurrentHashMap<>();
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    /** Containers being removed, so a poll in the meantime reports them as deleting. */
    private final Set<String> deleting = ConcurrentHashMap.newKeySet();
    /** Host ids bound to a Docker engine of their own; every other host id runs on {@link #docker}. */
    private final Map<String, DockerClient> hostEngines = new ConcurrentHashMap<>();
    private final Map<String, String> hostEndpoints = new ConcurrentHashMap<>();

    /** PostgreSQL servers of database nodes, by node name; grants run on the ones attached. */
    private final Map<String, NodeConnection> nodes = new ConcurrentHashMap<>();
    /** The anon role last granted per database/service/node, so a change revokes the old one. */
    private final Map<String, String> grantedAnon = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "trellis-local-engine");
        t.setDaemon(true);
        return t;
    });

    private final StateStore store;
    /** True when this engine made its Docker client (detect) and so must close it. */
    private boolean ownsClient;
    /** Set by {@link #halt()}: the process is "dead" and must record nothing more. */
    private volatile boolean halted;

    /** An engine that keeps its state in memory only. */
    public LocalEngine(DockerClient docker, LocalEngineSettings settings) {
        this(docker, settings, null);
    }

    private LocalEngine(DockerClient docker, LocalEngineSettings settings, StateStore store) {
        this.docker = docker;
        this.settings = settings;
        this.store = store;
        this.monitor = new LifecycleMonitor(settings.createTimeout(), settings.noStatusTimeout());
        monitor.addListener(this::recordTransition);
        watch(docker);
        long sweep = Math.max(50, settings.sweepInterval().toMillis());
        monitorClock.scheduleWithFixedDelay(this::sweep, sweep, sweep, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The lifecycle rules and each instance's record. */
    private final LifecycleMonitor monitor;
    /** Runs the sweep and the refreshes the events stream asks for, one at a time. */
    private final java.util.concurrent.ScheduledExecutorService monitorClock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trellis-monitor");
        t.setDaemon(true);
        return t;
    });
    /** Databases whose refresh an event already queued: a burst of events costs one look. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** The events stream of each engine, by client; absent or closed means it must be opened again. */
    private final Map<DockerClient, java.io.Closeable> streams = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private final List<java.util.function.Consumer<LifecycleMonitor.Transition>> transitionListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Hears every lifecycle move of every instance as the monitor makes it (the console's event log, the benchmark). */
    public void addTransitionListener(java.util.function.Consumer<LifecycleMonitor.Transition> listener) {
        transitionListeners.add(listener);
    }

    /** The last lifecycle moves of a database's instances, oldest first (kept in the state store when there is one). */
    public List<LifecycleMonitor.Transition> events(String databaseId, int limit) throws ControlPlaneException {
        if (store == null) {
            synchronized (memoryEvents) {
                List<LifecycleMonitor.Transition> mine = memoryEvents.stream().filter(t -> t.databaseId().equals(databaseId)).toList();
                return new ArrayList<>(mine.subList(Math.max(0, mine.size() - limit), mine.size()));
            }
        }
        try {
            return store.events(databaseId, limit);
        } catch (java.sql.SQLException e) {
            throw new ControlPlaneException(500, "server_error", "the state store cannot be read: " + e.getMessage());
        }
    }

    private final java.util.Deque<LifecycleMonitor.Transition> memoryEvents = new java.util.ArrayDeque<>();

    private void recordTransition(LifecycleMonitor.Transition t) {
        if (halted) {
            return;
        }
        LOG.info("{}: {} -> {}{}", t.instanceId(), t.from(), t.to(), t.error() == null ? "" : " (" + t.error() + ")");
        if (store != null) {
            try {
                store.event(t);
            } catch (java.sql.SQLException e) {
                LOG.warn("event of {} not recorded: {}", t.instanceId(), e.getMessage());
            }
        } else {
            synchronized (memoryEvents) {
                memoryEvents.addLast(t);
                while (memoryEvents.size() > 10_000) {
                    memoryEvents.removeFirst();
                }
            }
        }
        for (var l : transitionListeners) {
            l.accept(t);
        }
    }

    /**
     * Follows an engine's container events (only Trellis's, only the actions that change a state:
     * every health probe would otherwise arrive as an exec event) and refreshes the database an
     * event names. A stream that ends is opened again by the next sweep.
     */
    private void watch(DockerClient engine) {
        if (halted || streams.containsKey(engine)) {
            return;
        }
        try {
            var callback = new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Event>() {
                @Override
                public void onNext(com.github.dockerjava.api.model.Event ev) {
                    var actor = ev.getActor();
                    String db = actor == null || actor.getAttributes() == null ? null : actor.getAttributes().get(LABEL_DATABASE);
                    if (db != null && specs.containsKey(db)) {
                        String action = ev.getAction() == null ? "" : ev.getAction();
                        if (!action.equals("destroy") && !action.equals("create") && actor.getId() != null) {
                            syncFirst.put(actor.getId(), engine);
                        }
                        refreshSoon(db);
                    }
                }

                @Override
                public void onError(Throwable t) {
                    streams.remove(engine);
                    // an engine that went away: one line, not docker-java's stack trace; the sweep opens it again
                    LOG.info("the events stream of a Docker engine ended ({}); the next sweep opens it again", t.getMessage());
                    try {
                        close();
                    } catch (java.io.IOException alreadyClosed) {
                        // nothing left to close
                    }
                }

                @Override
                public void onComplete() {
                    streams.remove(engine);
                    super.onComplete();
                }
            };
            streams.put(engine, callback);
            engine.eventsCmd().withEventTypeFilter(com.github.dockerjava.api.model.EventType.CONTAINER)
                    .withLabelFilter(LABEL_DATABASE)
                    .withEventFilter("create", "start", "restart", "health_status", "kill", "die", "stop", "oom", "destroy",
                            "pause", "unpause")
                    .exec(callback);
        } catch (RuntimeException e) {
            streams.remove(engine);
            LOG.debug("no events stream yet: {}", e.getMessage());
        }
    }

    /**
     * Containers an event named, to inspect before the list: Docker reports "die" before the
     * container's list entry says it exited, and an inspect waits for the daemon to finish with it.
     */
    private final Map<String, DockerClient> syncFirst = new ConcurrentHashMap<>();

    private void refreshSoon(String databaseId) {
        if (queued.add(databaseId)) {
            try {
                monitorClock.execute(() -> {
                    queued.remove(databaseId);
                    for (String id : List.copyOf(syncFirst.keySet())) {
                        DockerClient engine = syncFirst.remove(id);
                        try {
                            engine.inspectContainerCmd(id).exec();
                        } catch (RuntimeException gone) {
                            // removed meanwhile: the list will not show it
                        }
                    }
                    refreshQuietly(databaseId);
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                queued.remove(databaseId);
            }
        }
    }

    private void refreshQuietly(String databaseId) {
        if (halted || !specs.containsKey(databaseId)) {
            return;
        }
        try {
            refresh(databaseId);
        } catch (RuntimeException e) {
            LOG.debug("refresh of {} failed", databaseId, e);
        }
    }

    /** Every database once, so time-outs fire without events; lost event streams are opened again. */
    private void sweep() {
        if (halted) {
            return;
        }
        watch(docker);
        for (DockerClient e : List.copyOf(hostEngines.values())) {
            watch(e);
        }
        for (String db : List.copyOf(specs.keySet())) {
            refreshQuietly(db);
        }
    }

    /**
     * An engine whose specs, tasks and task logs live in {@code store}. What was accepted before is
     * loaded, and an operation that a crash or a kill interrupted runs again under its own task: the
     * reconciler finds the containers it had made by their labels, so nothing is made twice.
     */
    public static LocalEngine open(DockerClient docker, LocalEngineSettings settings, StateStore store)
            throws java.sql.SQLException {
        LocalEngine e = new LocalEngine(docker, settings, store);
        for (StateStore.Stored d : store.databases()) {
            e.specs.put(d.id(), d.spec());
            e.created.put(d.id(), d.createdAt());
        }
        for (Map.Entry<String, String> h : store.hosts().entrySet()) {
            DockerClient engine = e.endpointClients.computeIfAbsent(h.getValue(), LocalEngine::client);
            e.hostEngines.put(h.getKey(), engine);
            e.hostEndpoints.put(h.getKey(), h.getValue());
            e.watch(engine);
        }
        e.grantedAnon.putAll(store.grants());
        e.reattachNodes();
        e.adoptContainers();
        for (Task t : store.tasks().values()) {
            e.tasks.put(t.taskId(), t);
            e.logs.put(t.taskId(), java.util.Collections.synchronizedList(new ArrayList<>(store.log(t.taskId()))));
        }
        for (Task t : List.copyOf(e.tasks.values())) {
            if (("pending".equals(t.status()) || "running".equals(t.status())) && e.busy.add(t.databaseId())) {
                DatabaseSpec spec = e.specs.get(t.databaseId());
                e.log(t, "resumed after the engine restarted");
                if ("delete".equals(t.type()) || spec == null) {
                    e.worker.execute(() -> e.run(t, () -> e.deleteAll(t)));
                } else {
                    e.worker.execute(() -> e.run(t, () -> e.reconcile(t, t.databaseId(), spec)));
                }
            }
        }
        return e;
    }

    /**
     * Matches what Docker runs with what the store says, at start: per database, service and host
     * one container stays (the one of the current spec, else the newest); extra copies a crash
     * could have left are removed. Containers of databases the store does not know are left
     * alone and named in the log: they may belong to another Trellis data directory.
     */
    private void adoptContainers() {
        List<DockerClient> engines = new ArrayList<>();
        engines.add(docker);
        for (DockerClient c : endpointClients.values()) {
            if (engines.stream().noneMatch(x -> x == c)) {
                engines.add(c);
            }
        }
        Map<String, List<Container>> byInstance = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (DockerClient engine : engines) {
            List<Container> all;
            try {
                all = engine.listContainersCmd().withShowAll(true).withLabelFilter(List.of(LABEL_DATABASE)).exec();
            } catch (RuntimeException unreachable) {
                continue;
            }
            for (Container c : all) {
                if (!seen.add(c.getId())) {
                    continue;
                }
                Map<String, String> l = c.getLabels();
                String db = l.get(LABEL_DATABASE);
                if (!specs.containsKey(db)) {
                    LOG.warn("container {} of database {} is not in the state store; left alone", c.getId().substring(0, 12), db);
                    continue;
                }
                byInstance.computeIfAbsent(name(db, l.get(LABEL_SERVICE), l.get(LABEL_HOST)), k -> new ArrayList<>()).add(c);
            }
        }
        for (Map.Entry<String, List<Container>> x : byInstance.entrySet()) {
            List<Container> copies = x.getValue();
            if (copies.size() < 2) {
                continue;
            }
            Container keep = copies.stream().max(java.util.Comparator.comparingLong(Container::getCreated)).orElseThrow();
            for (Container c : copies) {
                if (c != keep) {
                    try {
                        engineOf(c).removeContainerCmd(c.getId()).withForce(true).exec();
                        LOG.warn("{}: removed a duplicate container {}", x.getKey(), c.getId().substring(0, 12));
                    } catch (RuntimeException e) {
                        LOG.warn("{}: duplicate container {} not removed: {}", x.getKey(), c.getId().substring(0, 12), e.getMessage());
                    }
                }
            }
        }
    }

    /** Stops at once as a killed process would: no more containers, no more records. For tests. */
    void halt() {
        halted = true;
        worker.shutdownNow();
        monitorClock.shutdownNow();
        closeStreams();
    }

    private void closeStreams() {
        List<java.io.Closeable> open;
        synchronized (streams) {
            open = new ArrayList<>(streams.values());
            streams.clear();
        }
        for (java.io.Closeable c : open) {
            try {
                c.close();
            } catch (java.io.IOException | RuntimeException e) {
                // a stream of an engine that went away has nothing to close
            }
        }
    }

    /**
     * A PostgreSQL server Trellis attached to for a database node. The password lives in memory
     * only (read from an environment variable or asked for), and never reaches a log.
     */
    public record NodeConnection(String jdbcUrl, String user, String password, String containerHost, int containerPort) {
        /** A connection as the admin user that gives up after {@code timeoutSeconds} when nothing answers. */
        java.sql.Connection connect(int timeoutSeconds) throws java.sql.SQLException {
            java.util.Properties props = new java.util.Properties();
            props.setProperty("user", user);
            props.setProperty("password", password);
            props.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
            return java.sql.DriverManager.getConnection(jdbcUrl, props);
        }

        /** Containers reach the node through the Docker host gateway, at the port of the JDBC URL. */
        public NodeConnection(String jdbcUrl, String user, String password) {
            this(jdbcUrl, user, password, "host.docker.internal", portOf(jdbcUrl));
        }

        private static int portOf(String jdbcUrl) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("//[^:/]+:(\\d+)").matcher(jdbcUrl);
            return m.find() ? Integer.parseInt(m.group(1)) : 5432;
        }

        @Override
        public String toString() {
            return user + "@" + jdbcUrl;
        }
    }

    /**
     * Places a host id on a Docker engine endpoint ({@code unix://}, {@code tcp://} with TLS from
     * DOCKER_CERT_PATH, {@code ssh://} as docker-java supports); several host ids may share one.
     */
    public void bindHost(String hostId, String dockerEndpoint) {
        DockerClient engine = endpointClients.computeIfAbsent(dockerEndpoint, LocalEngine::client);
        hostEngines.put(hostId, engine);
        hostEndpoints.put(hostId, dockerEndpoint);
        if (store != null) {
            try {
                store.bindHost(hostId, dockerEndpoint);
            } catch (java.sql.SQLException e) {
                LOG.warn("host {} bound for this session only: {}", hostId, e.getMessage());
            }
        }
        watch(engine);
    }

    /** One client per endpoint: host ids that share an engine share its client and its events stream. */
    private final Map<String, DockerClient> endpointClients = new ConcurrentHashMap<>();

    private DockerClient engineFor(String hostId) {
        return hostId == null ? docker : hostEngines.getOrDefault(hostId, docker);
    }

    /**
     * The engines a database's containers can be on: the default one and those of the hosts its
     * spec names. An unreachable engine of some other host must not stop this database's work.
     */
    private List<DockerClient> enginesOf(String databaseId) {
        List<DockerClient> all = new ArrayList<>();
        all.add(docker);
        DatabaseSpec spec = specs.get(databaseId);
        if (spec != null) {
            for (ServiceSpec svc : orEmpty(spec.services())) {
                for (String h : orEmpty(svc.hostIds())) {
                    DockerClient e = engineFor(h);
                    if (all.stream().noneMatch(x -> x == e)) {
                        all.add(e);
                    }
                }
            }
        }
        return all;
    }

    /** PostgreSQL servers Trellis started itself, by node name: the spec's database and users are created there. */
    private final Map<String, io.zonky.test.db.postgres.embedded.EmbeddedPostgres> startedNodes = new ConcurrentHashMap<>();

    /**
     * Starts a PostgreSQL server for a node, for a person who has none: the embedded binaries,
     * data kept under the engine's data directory, listening on 127.0.0.1 and on the Docker
     * bridge's gateway (so containers reach it), which may connect with a password only. Stopped
     * with the engine.
     */
    public NodeConnection startNode(String nodeName) throws java.io.IOException {
        String gateway = null;
        try {
            var ipam = docker.inspectNetworkCmd().withNetworkId("bridge").exec().getIpam();
            if (ipam != null && ipam.getConfig() != null && !ipam.getConfig().isEmpty()) {
                gateway = ipam.getConfig().get(0).getGateway();
            }
        } catch (RuntimeException e) {
            LOG.warn("no Docker bridge gateway found ({}); node {} listens on 127.0.0.1 only", e.getMessage(), nodeName);
        }
        String listen = gateway == null ? "127.0.0.1" : "127.0.0.1," + gateway;
        Path dataDir = settings.dataDir().resolveSibling("nodes").resolve(nodeName);
        Files.createDirectories(dataDir.getParent());
        var pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", listen)
                .setDataDirectoryCustomizer(dir -> {
                    try {
                        Files.writeString(dir.toPath().resolve("pg_hba.conf"),
                                "\n# Trellis: containers on the Docker bridge, with a password only\n"
                                        + "host all all 172.16.0.0/12 scram-sha-256\n",
                                java.nio.file.StandardOpenOption.APPEND);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .start();
        startedNodes.put(nodeName, pg);
        NodeConnection nc = new NodeConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "",
                gateway == null ? "host.docker.internal" : gateway, pg.getPort());
        nodes.put(nodeName, nc);
        rememberNode(new StateStore.NodeRecord(nodeName, "started", nc.jdbcUrl(), "postgres", null, nc.containerHost(),
                nc.containerPort(), true));
        return nc;
    }

    /** Label on the PostgreSQL containers Trellis starts for nodes: the node's name. */
    public static final String LABEL_NODE = "io.trellis.node";

    /**
     * Starts a PostgreSQL container for a node, for a person who has Docker and no PostgreSQL: the
     * image of the {@code postgres} entry of the image settings (default {@code postgres:17}; any
     * image that takes POSTGRES_PASSWORD and listens on 5432, as the official one does), its data
     * in the named volume {@code trellis-node-<name>}, its port published on 127.0.0.1 for Trellis,
     * and reached by service containers at its address on the Docker bridge. The admin password
     * is generated and kept owner-only beside the engine's data, so the node is found again after
     * a restart. The spec's database and users are created there, as on every node Trellis
     * started. A container of that name that already exists is started again, not replaced.
     */
    public NodeConnection startNodeContainer(String nodeName) throws ControlPlaneException {
        String name = "trellis-node-" + nodeName;
        String image = settings.image("postgres", "17");
        Path secret = settings.dataDir().resolveSibling("nodes").resolve(nodeName + ".password");
        try {
            String password;
            if (Files.exists(secret)) {
                password = Files.readString(secret, StandardCharsets.UTF_8).strip();
            } else {
                byte[] raw = new byte[18];
                new java.security.SecureRandom().nextBytes(raw);
                password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                Files.createDirectories(secret.getParent());
                Files.writeString(secret, password, StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without modes: the user's own directory is all there is
                }
            }
            String id;
            var existing = docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL_NODE, nodeName)).exec();
            if (existing.isEmpty()) {
                var port = com.github.dockerjava.api.model.ExposedPort.tcp(5432);
                var hc = HostConfig.newHostConfig()
                        .withPortBindings(new com.github.dockerjava.api.model.PortBinding(
                                com.github.dockerjava.api.model.Ports.Binding.bindIp("127.0.0.1"), port))
                        .withBinds(new com.github.dockerjava.api.model.Bind(name,
                                new com.github.dockerjava.api.model.Volume("/var/lib/postgresql/data")))
                        .withRestartPolicy(com.github.dockerjava.api.model.RestartPolicy.unlessStoppedRestart());
                id = docker.createContainerCmd(image).withName(name)
                        .withLabels(Map.of(LABEL_NODE, nodeName)).withExposedPorts(port).withHostConfig(hc)
                        .withEnv("POSTGRES_PASSWORD=" + password, "POSTGRES_USER=postgres").exec().getId();
            } else {
                id = existing.get(0).getId();
            }
            var state = docker.inspectContainerCmd(id).exec();
            if (!Boolean.TRUE.equals(state.getState().getRunning())) {
                docker.startContainerCmd(id).exec();
                state = docker.inspectContainerCmd(id).exec();
            }
            var bound = state.getNetworkSettings().getPorts().getBindings()
                    .get(com.github.dockerjava.api.model.ExposedPort.tcp(5432));
            int hostPort = Integer.parseInt(bound[0].getHostPortSpec());
            // containers reach it on the bridge at its own port; without a bridge address, through the gateway at the published one
            String address = state.getNetworkSettings().getIpAddress();
            boolean onBridge = address != null && !address.isBlank();
            NodeConnection nc = new NodeConnection("jdbc:postgresql://127.0.0.1:" + hostPort + "/postgres", "postgres", password,
                    onBridge ? address : "host.docker.internal", onBridge ? 5432 : hostPort);
            awaitReady(nodeName, nc, Duration.ofSeconds(90));
            nodes.put(nodeName, nc);
            provisionAttached.add(nodeName);
            rememberNode(new StateStore.NodeRecord(nodeName, "container", nc.jdbcUrl(), "postgres", null, nc.containerHost(),
                    nc.containerPort(), true));
            return nc;
        } catch (java.io.IOException e) {
            throw new ControlPlaneException(500, "server_error", "node " + nodeName + ": cannot keep its password in "
                    + secret.getParent() + ": " + e.getMessage());
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            throw new ControlPlaneException(404, "not_found", "node " + nodeName + ": the image " + image
                    + " is not on this Docker engine; pull it (docker pull " + image + ") or set another PostgreSQL image for 'postgres' in the image settings");
        }
    }

    /** Waits until a node takes connections (a new container runs initdb first). */
    private static void awaitReady(String nodeName, NodeConnection nc, Duration within) throws ControlPlaneException {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try (java.sql.Connection c = nc.connect(3)) {
                return;
            } catch (java.sql.SQLException e) {
                last = e.getMessage();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ControlPlaneException(504, "timeout", "node " + nodeName + ": PostgreSQL did not take connections within "
                + within.toSeconds() + " s: " + last);
    }

    /** Attaches a node for this session only (nothing stored). */
    public void attachNode(String nodeName, NodeConnection connection) {
        nodes.put(nodeName, connection);
    }

    /**
     * Attaches a PostgreSQL server a person runs as a database node. The admin password is read
     * from the environment variable {@code passwordEnv} and kept in memory only; the store keeps
     * the variable's name. Containers reach the node at {@code containerHost} (null: the Docker
     * host gateway, {@code host.docker.internal}) and the same port. The spec's database and users
     * are created there only when {@code provision} says so; PostgREST's grants always run.
     */
    public NodeConnection attachNode(String nodeName, String host, int port, String database, String adminUser,
                                     String passwordEnv, String containerHost, boolean provision) {
        String password = passwordEnv == null ? "" : java.util.Objects.requireNonNullElse(System.getenv(passwordEnv), "");
        return attach(nodeName, host, port, database, adminUser, password, passwordEnv, containerHost, provision);
    }

    /**
     * The same with a password a person typed: it is kept in memory for this session only (the
     * store keeps no password and no variable), so after a restart the node must be attached again
     * or given a variable.
     */
    public NodeConnection attachNodeWithPassword(String nodeName, String host, int port, String database, String adminUser,
                                                 char[] password, String containerHost, boolean provision) {
        return attach(nodeName, host, port, database, adminUser, new String(password), null, containerHost, provision);
    }

    /** What the engine knows of a node: how it was attached, or null. */
    public Optional<NodeConnection> node(String nodeName) {
        return Optional.ofNullable(nodes.get(nodeName));
    }

    /** The endpoints host ids are bound to (a host not listed runs on the default engine). */
    public Map<String, String> hostBindings() {
        return Map.copyOf(hostEndpoints);
    }

    /**
     * Connects to a node as its admin user and says what answered ("PostgreSQL 17.7"), so a
     * person learns of a wrong password or port now, not at the next apply.
     */
    public String checkNode(String nodeName) throws ControlPlaneException {
        NodeConnection nc = nodes.get(nodeName);
        if (nc == null) {
            throw new ControlPlaneException(404, "not_found", "node " + nodeName + " is not attached");
        }
        try (java.sql.Connection c = nc.connect(5);
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1).split(" ")[0];
        } catch (java.sql.SQLException e) {
            throw new ControlPlaneException(502, "node_unreachable", "node " + nodeName + " (" + nc + "): " + e.getMessage());
        }
    }

    private NodeConnection attach(String nodeName, String host, int port, String database, String adminUser,
                                  String password, String passwordEnv, String containerHost, boolean provision) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + java.net.URLEncoder.encode(database, StandardCharsets.UTF_8);
        NodeConnection nc = new NodeConnection(url, adminUser, password,
                containerHost == null || containerHost.isBlank() ? "host.docker.internal" : containerHost, port);
        nodes.put(nodeName, nc);
        if (provision) {
            provisionAttached.add(nodeName);
        } else {
            provisionAttached.remove(nodeName);
        }
        rememberNode(new StateStore.NodeRecord(nodeName, "attached", url, adminUser, passwordEnv, nc.containerHost(), port, provision));
        return nc;
    }

    /** Attached nodes a person asked Trellis to create the spec's database and users on. */
    private final Set<String> provisionAttached = ConcurrentHashMap.newKeySet();

    private void rememberNode(StateStore.NodeRecord n) {
        if (store != null) {
            try {
                store.node(n);
            } catch (java.sql.SQLException e) {
                LOG.warn("node {} kept for this session only: {}", n.name(), e.getMessage());
            }
        }
    }

    /** At start: attached nodes again (password from their variable), started nodes started again on their data. */
    private void reattachNodes() throws java.sql.SQLException {
        for (StateStore.NodeRecord n : store.nodes()) {
            try {
                if ("started".equals(n.kind())) {
                    startNode(n.name());
                } else if ("container".equals(n.kind())) {
                    startNodeContainer(n.name());
                } else {
                    String password = n.passwordEnv() == null ? "" : java.util.Objects.requireNonNullElse(System.getenv(n.passwordEnv()), "");
                    nodes.put(n.name(), new NodeConnection(n.jdbcUrl(), n.adminUser(), password, n.containerHost(), n.containerPort()));
                    if (n.provision()) {
                        provisionAttached.add(n.name());
                    }
                }
            } catch (java.io.IOException | ControlPlaneException | RuntimeException e) {
                LOG.warn("node {} not available: {}", n.name(), e.getMessage());
            }
        }
    }

    /** A client for DOCKER_HOST, or the standard socket. */
    public static DockerClient client(String dockerHost) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost).build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(3)).responseTimeout(Duration.ofSeconds(60)).build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** The Docker endpoint this machine offers: DOCKER_HOST, else the standard socket when it exists. */
    public static Optional<String> dockerHost() {
        String env = System.getenv("DOCKER_HOST");
        if (env != null && !env.isBlank()) {
            return Optional.of(env);
        }
        return Files.exists(Path.of("/var/run/docker.sock")) ? Optional.of("unix:///var/run/docker.sock") : Optional.empty();
    }

    /** A local engine when a Docker engine answers; empty otherwise. */
    public static Optional<LocalEngine> detect(LocalEngineSettings settings) {
        return dockerHost().flatMap(host -> {
            try {
                DockerClient c = client(host);
                c.pingCmd().exec();
                LocalEngine e;
                try {
                    e = open(c, settings, new StateStore(StateStore.defaultFile()));
                } catch (java.sql.SQLException storeUnusable) {
                    LOG.warn("state store unusable ({}); the local engine keeps its state in memory", storeUnusable.getMessage());
                    e = new LocalEngine(c, settings);
                }
                e.ownsClient = true;
                return Optional.of(e);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** What to tell a person who has no Docker engine. */
    public static String describeUnavailable() {
        return "No Docker engine answers (DOCKER_HOST is not set and /var/run/docker.sock is missing or refuses): "
                + "start Docker (sudo systemctl start docker) to run services locally; spec files still open offline.";
    }

    @Override
    public String displayName() {
        return "Local engine";
    }

    @Override
    public Cluster cluster() throws ControlPlaneException {
        return new Cluster("local", Json.MAPPER.createObjectNode().put("state", "available"), hosts(), null);
    }

    @Override
    public List<Host> hosts() throws ControlPlaneException {
        Set<String> ids = new LinkedHashSet<>(hostEngines.keySet());
        for (DatabaseSpec s : specs.values()) {
            orEmpty(s.nodes()).forEach(n -> ids.addAll(orEmpty(n.hostIds())));
            orEmpty(s.services()).forEach(svc -> ids.addAll(orEmpty(svc.hostIds())));
        }
        Map<DockerClient, String[]> seen = new java.util.IdentityHashMap<>();
        List<Host> hosts = new ArrayList<>();
        for (String id : ids) {
            DockerClient engine = engineFor(id);
            String[] sv = seen.computeIfAbsent(engine, e -> {
                try {
                    return new String[]{"healthy", e.versionCmd().exec().getVersion(), null};
                } catch (RuntimeException ex) {
                    return new String[]{"unreachable", null, String.valueOf(ex.getMessage())};
                }
            });
            var components = Json.MAPPER.createObjectNode();
            var dockerStatus = components.putObject("docker").put("healthy", "healthy".equals(sv[0]));
            dockerStatus.putObject("details").put("engine", "Docker").put("version", sv[1])
                    .put("endpoint", hostEndpoints.getOrDefault(id, "default"));
            if (sv[2] != null) {
                dockerStatus.put("error", sv[2]);
            }
            hosts.add(new Host(id, "swarm", System.getProperty("java.io.tmpdir"), null, null, List.of("127.0.0.1"), List.of("127.0.0.1"),
                    new HostStatus(sv[0], Instant.now().toString(), components, null), null));
        }
        return hosts;
    }

    @Override
    public List<Database> databases() {
        List<Database> out = new ArrayList<>();
        for (String id : specs.keySet()) {
            out.add(new Database(id, null, busy.contains(id) ? "modifying" : "available", created.get(id).toString(),
                    Instant.now().toString(), null, null, null, null));
        }
        return out;
    }

    @Override
    public Database database(String databaseId) throws ControlPlaneException {
        DatabaseSpec spec = specs.get(databaseId);
        if (spec == null) {
            throw new ControlPlaneException(404, "not_found", "no database found with the given ID");
        }
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new ControlPlaneException("the Docker engine does not answer: " + e.getMessage(), e);
        }
        List<ServiceInstance> instances = refresh(databaseId);
        DatabaseSpec stripped = Json.convert(Secrets.strip(Json.toTree(spec)), DatabaseSpec.class);
        String t = created.get(databaseId).toString();
        return new Database(databaseId, null, busy.contains(databaseId) ? "modifying" : "available", t,
                Instant.now().toString(), stripped, List.of(), instances, null);
    }

    @Override
    public Task createDatabase(CreateDatabaseRequest request) throws ControlPlaneException {
        check(SpecValidator.validateCreate(Json.toTree(request)));
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        if (specs.containsKey(id)) {
            throw new ControlPlaneException(409, "database_already_exists", "a database already exists with the given ID");
        }
        return apply(id, request.spec(), "create", true);
    }

    @Override
    public Task updateDatabase(String databaseId, UpdateDatabaseRequest request) throws ControlPlaneException {
        DatabaseSpec current = specs.get(databaseId);
        if (current == null) {
            throw new ControlPlaneException(404, "not_found", "no database found with the given ID");
        }
        check(SpecValidator.validateUpdate(databaseId, Json.toTree(current), Json.toTree(request)));
        return apply(databaseId, request.spec(), "update", false);
    }

    @Override
    public Task deleteDatabase(String databaseId) throws ControlPlaneException {
        if (!specs.containsKey(databaseId)) {
            throw new ControlPlaneException(404, "not_found", "no database found with the given ID");
        }
        if (!busy.add(databaseId)) {
            throw new ControlPlaneException(409, "operation_already_in_progress",
                    "an operation is already in progress for the given entity");
        }
        Task task = newTask(databaseId, "delete");
        if (store != null) {
            try {
                store.addTask(task);
            } catch (java.sql.SQLException e) {
                busy.remove(databaseId);
                throw new ControlPlaneException(500, "server_error", "the local engine could not record the change: " + e.getMessage());
            }
        }
        worker.execute(() -> run(task, () -> deleteAll(task)));
        return task;
    }

    private void deleteAll(Task task) {
        String databaseId = task.databaseId();
        for (Container c : containers(databaseId)) {
            remove(task, c);
        }
        specs.remove(databaseId);
        if (store != null) {
            try {
                store.removeDatabase(databaseId);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("could not forget database " + databaseId + ": " + e.getMessage(), e);
            }
        }
    }

    private static void check(List<Problem> problems) throws ControlPlaneException {
        if (!problems.isEmpty()) {
            throw new ControlPlaneException(400, "invalid_input",
                    problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        }
    }

    /** One operation at a time per database, as the Control Plane's workflows. */
    private Task apply(String databaseId, DatabaseSpec spec, String type, boolean isNew) throws ControlPlaneException {
        if (!busy.add(databaseId)) {
            throw new ControlPlaneException(409, "operation_already_in_progress",
                    "an operation is already in progress for the given entity");
        }
        DatabaseSpec previous = specs.get(databaseId);
        Instant createdAt = isNew ? Instant.now() : created.get(databaseId);
        Task task = newTask(databaseId, type);
        if (store != null) {
            try {
                store.accept(databaseId, spec, createdAt, task);
            } catch (java.sql.SQLException e) {
                busy.remove(databaseId);
                tasks.remove(task.taskId());
                throw new ControlPlaneException(500, "server_error", "the local engine could not record the change: " + e.getMessage());
            }
        }
        specs.put(databaseId, spec);
        created.put(databaseId, createdAt);
        worker.execute(() -> run(task, () -> reconcile(task, databaseId, spec)));
        return task;
    }

    private void run(Task task, Runnable work) {
        String db = task.databaseId();
        try {
            update(task, "running", null);
            work.run();
            update(task, "completed", null);
        } catch (RuntimeException e) {
            if (!halted) {
                log(task, "failed: " + e.getMessage());
                update(task, "failed", e.getMessage());
            }
        } finally {
            busy.remove(db);
        }
    }

    /** Makes the containers match the spec: creates the missing, replaces the changed, removes the rest. */
    private void reconcile(Task task, String databaseId, DatabaseSpec spec) {
        provisionStartedNodes(task, spec);
        Map<String, Container> existing = new LinkedHashMap<>();
        for (Container c : containers(databaseId)) {
            existing.put(c.getLabels().get(LABEL_SERVICE) + "/" + c.getLabels().get(LABEL_HOST), c);
        }
        for (ServiceSpec svc : orEmpty(spec.services())) {
            String hash = hash(svc);
            for (String host : orEmpty(svc.hostIds())) {
                Container c = existing.remove(svc.serviceId() + "/" + host);
                if (c != null && hash.equals(c.getLabels().get(LABEL_HASH))) {
                    log(task, name(databaseId, svc.serviceId(), host) + ": unchanged");
                    continue;
                }
                if (halted) {
                    throw new IllegalStateException("engine halted");
                }
                if (c != null) {
                    remove(task, c);
                }
                createAndStart(task, databaseId, svc, host, hash);
            }
        }
        for (Container gone : existing.values()) {
            remove(task, gone);
        }
        for (ServiceSpec svc : orEmpty(spec.services())) {
            if ("postgrest".equals(svc.serviceType())) {
                grants(task, databaseId, spec, svc);
            }
        }
    }

    /** On nodes Trellis started, and on attached ones only when asked: the spec's database and users. */
    private void provisionStartedNodes(Task task, DatabaseSpec spec) {
        for (trellis.spec.DatabaseNode node : orEmpty(spec.nodes())) {
            var pg = startedNodes.get(node.name());
            NodeConnection attached = provisionAttached.contains(node.name()) ? nodes.get(node.name()) : null;
            if (pg == null && attached == null) {
                continue;
            }
            try (java.sql.Connection c = pg != null ? pg.getPostgresDatabase().getConnection()
                    : java.sql.DriverManager.getConnection(attached.jdbcUrl(), attached.user(), attached.password())) {
                for (String sql : NodeProvisioner.provision(c, spec)) {
                    log(task, "node " + node.name() + ": " + sql);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("node " + node.name() + ": cannot create the database and its users: "
                        + e.getMessage(), e);
            }
        }
    }

    /** PostgREST's role grants on every attached node the service connects to. */
    private void grants(Task task, String databaseId, DatabaseSpec spec, ServiceSpec svc) {
        String anon = svc.config() != null && svc.config().path("db_anon_role").isTextual()
                ? svc.config().get("db_anon_role").asText() : null;
        String schemas = svc.config() != null && svc.config().path("db_schemas").isTextual()
                ? svc.config().get("db_schemas").asText() : "public";
        List<String> targets = svc.databaseConnection() != null && svc.databaseConnection().targetNodes() != null
                && !svc.databaseConnection().targetNodes().isEmpty()
                ? svc.databaseConnection().targetNodes()
                : orEmpty(spec.nodes()).stream().map(trellis.spec.DatabaseNode::name).toList();
        for (String node : targets) {
            NodeConnection nc = nodes.get(node);
            if (nc == null) {
                log(task, svc.serviceId() + ": no PostgreSQL attached for node " + node + "; grants not applied there");
                continue;
            }
            String key = databaseId + "/" + svc.serviceId() + "/" + node;
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(nc.jdbcUrl(), nc.user(), nc.password())) {
                List<String> problems = PostgrestGrants.preflight(c, svc.connectAs(), anon, schemas);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("service '" + svc.serviceId() + "' on node " + node + ": "
                            + String.join("; ", problems));
                }
                String database = spec.databaseName() != null ? spec.databaseName() : c.getCatalog();
                for (String sql : PostgrestGrants.apply(c, database, svc.connectAs(), anon, grantedAnon.get(key))) {
                    log(task, svc.serviceId() + " on node " + node + ": " + sql);
                }
                grantedAnon.put(key, anon);
                if (store != null) {
                    store.granted(key, anon);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("service '" + svc.serviceId() + "' on node " + node
                        + ": grants failed: " + e.getMessage(), e);
            }
        }
    }

    private void createAndStart(Task task, String databaseId, ServiceSpec svc, String host, String hash) {
        createAndStart(task, databaseId, specs.get(databaseId), svc, host, hash);
    }

    private void createAndStart(Task task, String databaseId, DatabaseSpec spec, ServiceSpec svc, String host, String hash) {
        String name = name(databaseId, svc.serviceId(), host);
        Map<String, String> labels = Map.of(LABEL_DATABASE, databaseId, LABEL_SERVICE, svc.serviceId(),
                LABEL_HOST, host, LABEL_HASH, hash);
        ExposedPort port = ExposedPort.tcp(CONTAINER_PORT);
        HostConfig hc = HostConfig.newHostConfig();
        if (svc.port() != null) {
            hc.withPortBindings(new PortBinding(svc.port() == 0 ? Ports.Binding.bindIp("127.0.0.1")
                    : Ports.Binding.bindIpAndPort("127.0.0.1", svc.port()), port));
        }
        if (svc.cpus() != null && !svc.cpus().isEmpty()) {
            double cpus = svc.cpus().endsWith("m") ? Double.parseDouble(svc.cpus().replace("m", "")) / 1000
                    : Double.parseDouble(svc.cpus());
            hc.withNanoCPUs((long) (cpus * 1e9));
        }
        if (svc.memory() != null && !svc.memory().isEmpty()) {
            hc.withMemory(memoryBytes(svc.memory()));
        }
        HealthCheck health = new HealthCheck()
                .withTest(List.of("CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:" + CONTAINER_PORT + "/health"))
                .withInterval(settings.healthInterval().toNanos()).withTimeout(settings.healthTimeout().toNanos())
                .withRetries(settings.healthRetries()).withStartPeriod(settings.startPeriod().toNanos());
        // Containers reach database nodes on this machine through the Docker host gateway.
        hc.withExtraHosts("host.docker.internal:host-gateway");
        List<String> env = new ArrayList<>();
        List<String> cmd = null;
        String user = null;
        if ("postgrest".equals(svc.serviceType())) {
            Path dir = writePostgrestConf(task, name, spec, svc);
            hc.withBinds(new com.github.dockerjava.api.model.Bind(dir.toString(),
                    new com.github.dockerjava.api.model.Volume("/app/data"), com.github.dockerjava.api.model.AccessMode.ro));
            env.addAll(List.of("PGRST_SERVER_HOST=0.0.0.0", "PGRST_SERVER_PORT=8080", "PGRST_ADMIN_SERVER_PORT=8081"));
            if (settings.imageCommands()) {
                cmd = List.of("postgrest", "/app/data/postgrest.conf");
                user = "1000";
                health.withTest(List.of("CMD", "postgrest", "--ready"));
            }
        } else if ("mcp".equals(svc.serviceType())) {
            Connection conn = connection(spec, svc);
            String yaml = McpConfigYaml.generate(svc.config() == null ? Json.MAPPER.createObjectNode() : svc.config(),
                    conn.database(), conn.endpoints(), conn.targetSessionAttrs(), svc.connectAs(), conn.password());
            Path dir = writeInstanceFile(name, "config.yaml", yaml, 1001);
            log(task, name + ": config.yaml written (database " + conn.database() + " as " + svc.connectAs() + ")");
            // tokens.yaml and users.yaml belong to the MCP server once written: only when missing
            Instant now = Instant.now();
            if (!Files.exists(dir.resolve(McpAuthFiles.TOKENS))) {
                writeInstanceFile(name, McpAuthFiles.TOKENS, McpAuthFiles.tokens(svc.config(), now), 1001);
                log(task, name + ": tokens.yaml written (" + (svc.config() != null && svc.config().hasNonNull("init_token")
                        ? "the init_token's hash" : "empty") + ")");
            }
            if (!Files.exists(dir.resolve(McpAuthFiles.USERS))) {
                writeInstanceFile(name, McpAuthFiles.USERS, McpAuthFiles.users(svc.config(), now), 1001);
                log(task, name + ": users.yaml written (" + (svc.config() != null && svc.config().path("init_users").isArray()
                        ? svc.config().path("init_users").size() + " bootstrap user(s)" : "empty") + ")");
            }
            // read-write, as the Control Plane mounts it: the MCP server keeps its token files there
            hc.withBinds(new com.github.dockerjava.api.model.Bind(dir.toString(),
                    new com.github.dockerjava.api.model.Volume("/app/data"), com.github.dockerjava.api.model.AccessMode.rw));
            // a changed config restarts the container, as PGEDGE_CONFIG_VERSION does for Swarm
            env.add("PGEDGE_CONFIG_VERSION=" + hash);
            if (settings.imageCommands()) {
                cmd = List.of("/app/pgedge-postgres-mcp", "-config", "/app/data/config.yaml");
                user = "1001";
                health.withTest(List.of("CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"));
            }
        } else if ("rag".equals(svc.serviceType())) {
            Connection conn = connection(spec, svc);
            RagConfigYaml.Generated rag = RagConfigYaml.generate(svc.config() == null ? Json.MAPPER.createObjectNode() : svc.config(),
                    conn.database(), conn.endpoints().isEmpty() ? new PostgrestConf.Endpoint("host.docker.internal", 5432)
                            : conn.endpoints().get(0), svc.connectAs(), conn.password());
            Path dir = writeInstanceFile(name, "pgedge-rag-server.yaml", rag.yaml(), 1001);
            Path keys = null;
            for (Map.Entry<String, String> k : rag.keyFiles().entrySet()) {
                keys = writeInstanceFile(name + "-keys", k.getKey(), k.getValue(), 1001);
            }
            log(task, name + ": pgedge-rag-server.yaml written with " + rag.keyFiles().size() + " API-key file(s)");
            List<com.github.dockerjava.api.model.Bind> binds = new ArrayList<>();
            binds.add(new com.github.dockerjava.api.model.Bind(dir.toString(),
                    new com.github.dockerjava.api.model.Volume("/app/data"), com.github.dockerjava.api.model.AccessMode.rw));
            if (keys != null) {
                binds.add(new com.github.dockerjava.api.model.Bind(keys.toString(),
                        new com.github.dockerjava.api.model.Volume(RagConfigYaml.KEYS_DIR), com.github.dockerjava.api.model.AccessMode.ro));
            }
            hc.withBinds(binds);
            env.add("PGEDGE_CONFIG_VERSION=" + hash);
            if (settings.imageCommands()) {
                cmd = List.of("/app/pgedge-rag-server", "-config", "/app/data/pgedge-rag-server.yaml");
                user = "1001";
                // no curl in that image: a TCP probe, as the Control Plane does
                health.withTest(List.of("CMD-SHELL", "exec 3<>/dev/tcp/127.0.0.1/8080"));
            }
        } else {
            env.add("PGEDGE_CONFIG_VERSION=" + hash);
        }
        String image = settings.image(svc.serviceType(), svc.version());
        DockerClient docker = engineFor(host);
        var create = docker.createContainerCmd(image).withName(name).withLabels(labels).withExposedPorts(port)
                .withHostConfig(hc).withHealthcheck(health).withEnv(env);
        if (cmd != null) {
            create.withCmd(cmd);
        }
        if (user != null) {
            create.withUser(user);
        }
        String id = create.exec().getId();
        docker.startContainerCmd(id).exec();
        log(task, name + ": container " + id.substring(0, 12) + " created from " + image + " and started");
    }

    /** Where an instance connects: the database, its target nodes as containers reach them, the credentials. */
    private record Connection(String database, List<PostgrestConf.Endpoint> endpoints, String targetSessionAttrs, String password) {
    }

    private Connection connection(DatabaseSpec spec, ServiceSpec svc) {
        String password = orEmpty(spec.databaseUsers()).stream().filter(u -> svc.connectAs().equals(u.username()))
                .map(trellis.spec.DatabaseUser::password).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        List<String> targets = svc.databaseConnection() != null && svc.databaseConnection().targetNodes() != null
                && !svc.databaseConnection().targetNodes().isEmpty() ? svc.databaseConnection().targetNodes()
                : orEmpty(spec.nodes()).stream().map(trellis.spec.DatabaseNode::name).toList();
        List<PostgrestConf.Endpoint> endpoints = new ArrayList<>();
        for (String node : targets) {
            NodeConnection nc = nodes.get(node);
            endpoints.add(nc != null ? new PostgrestConf.Endpoint(nc.containerHost(), nc.containerPort())
                    : new PostgrestConf.Endpoint("host.docker.internal", 5432));
        }
        String tsa = svc.databaseConnection() == null ? null : svc.databaseConnection().targetSessionAttrs();
        return new Connection(spec.databaseName() == null ? "postgres" : spec.databaseName(), endpoints, tsa, password);
    }

    /** The instance's postgrest.conf, as the Control Plane writes it. */
    private Path writePostgrestConf(Task task, String instance, DatabaseSpec spec, ServiceSpec svc) {
        Connection conn = connection(spec, svc);
        String conf = PostgrestConf.generate(svc.config(), svc.connectAs(), conn.password(), conn.database(),
                conn.endpoints(), conn.targetSessionAttrs());
        Path dir = writeInstanceFile(instance, "postgrest.conf", conf, 1000);
        log(task, instance + ": postgrest.conf written (db-uri for " + svc.connectAs() + " on " + conn.endpoints().size() + " node(s))");
        return dir;
    }

    /**
     * Writes a configuration file of an instance, readable by its owner only (and handed to the
     * container's uid when Trellis runs as root and can), as the Control Plane does. It holds the
     * connect_as password, as the image expects.
     */
    private Path writeInstanceFile(String instance, String fileName, String content, int containerUid) {
        Path dir = settings.dataDir().resolve(instance);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(fileName);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                Files.setAttribute(file, "unix:uid", containerUid);
            } catch (UnsupportedOperationException | java.io.IOException | SecurityException notRoot) {
                // not root: the file stays the user's own; the container runs as that user's uid on most desktops
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write " + dir + "/" + fileName + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private void remove(Task task, Container c) {
        String name = c.getNames().length > 0 ? c.getNames()[0].replaceFirst("^/", "") : c.getId();
        deleting.add(c.getId());
        Map<String, String> l = c.getLabels();
        if (l != null && l.get(LABEL_DATABASE) != null) {
            monitor.observe(l.get(LABEL_DATABASE), name(l.get(LABEL_DATABASE), l.get(LABEL_SERVICE), l.get(LABEL_HOST)),
                    new LifecycleMonitor.Observation(LifecycleMonitor.Seen.REMOVING, null), null, Instant.now());
        }
        try {
            engineOf(c).removeContainerCmd(c.getId()).withForce(true).exec();
            log(task, name + ": removed");
        } catch (NotFoundException alreadyGone) {
            log(task, name + ": already gone");
        } finally {
            deleting.remove(c.getId());
        }
    }

    private List<Container> containers(String databaseId) {
        Map<String, Container> all = new LinkedHashMap<>();
        for (DockerClient engine : enginesOf(databaseId)) {
            // two host ids may name the same engine through two clients: one container is listed once
            engine.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL_DATABASE, databaseId)).exec()
                    .forEach(c -> all.putIfAbsent(c.getId(), c));
        }
        return new ArrayList<>(all.values());
    }

    private DockerClient engineOf(Container c) {
        return engineFor(c.getLabels() == null ? null : c.getLabels().get(LABEL_HOST));
    }

    /**
     * Looks at a database's containers once (one list call per engine) and moves each instance by
     * the monitor's rules; the API's instances are the monitor's records. The events stream and the
     * sweep call this too, so a state changes without anyone polling.
     */
    List<ServiceInstance> refresh(String databaseId) {
        DatabaseSpec spec = specs.get(databaseId);
        Instant now = Instant.now();
        boolean applying = busy.contains(databaseId);
        Map<String, String[]> expected = new LinkedHashMap<>();
        if (spec != null) {
            for (ServiceSpec svc : orEmpty(spec.services())) {
                for (String host : orEmpty(svc.hostIds())) {
                    expected.put(name(databaseId, svc.serviceId(), host), new String[]{svc.serviceId(), host});
                }
            }
        }
        Map<String, ServiceInstance> out = new LinkedHashMap<>();
        Set<String> listed = new java.util.HashSet<>();
        for (DockerClient engine : enginesOf(databaseId)) {
            List<Container> found;
            try {
                found = engine.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL_DATABASE, databaseId)).exec();
            } catch (RuntimeException e) {
                LOG.debug("listing the containers of {} failed", databaseId, e);
                for (Map.Entry<String, String[]> x : expected.entrySet()) {
                    String host = x.getValue()[1];
                    if (engineFor(host) != engine || out.containsKey(x.getKey())) {
                        continue;
                    }
                    String why = "the Docker engine of " + host + " (" + hostEndpoints.getOrDefault(host, "default")
                            + ") does not answer: " + e.getMessage();
                    LifecycleMonitor.InstanceRecord rec = monitor.record(x.getKey());
                    LifecycleMonitor.Seen seen = rec != null && rec.containerId != null ? LifecycleMonitor.Seen.NO_STATUS
                            : applying ? LifecycleMonitor.Seen.STARTING : LifecycleMonitor.Seen.MISSING;
                    rec = monitor.observe(databaseId, x.getKey(), new LifecycleMonitor.Observation(seen, why), null, now);
                    out.put(x.getKey(), instance(rec, x.getValue()[0], host, null));
                }
                continue;
            }
            for (Container c : found) {
                if (!listed.add(c.getId()) || c.getLabels() == null) {
                    continue;
                }
                String service = c.getLabels().get(LABEL_SERVICE);
                String host = c.getLabels().get(LABEL_HOST);
                if (host != null && engineFor(host) != engine) {
                    // a host's instances are reported by the engine it is bound to, even when another
                    // endpoint reaches the same daemon: that host's silence must not be covered up
                    listed.remove(c.getId());
                    continue;
                }
                String name = name(databaseId, service, host);
                LifecycleMonitor.InstanceRecord rec = monitor.record(name);
                LifecycleMonitor.Observation seen = observation(c, rec);
                rec = monitor.observe(databaseId, name, seen, Instant.ofEpochSecond(c.getCreated()), now);
                rec.containerId = c.getId();
                out.put(name, instance(rec, service, host, c));
            }
        }
        for (Map.Entry<String, String[]> x : expected.entrySet()) {
            if (!out.containsKey(x.getKey())) {
                LifecycleMonitor.Observation seen = applying
                        ? new LifecycleMonitor.Observation(LifecycleMonitor.Seen.STARTING, null)
                        : new LifecycleMonitor.Observation(LifecycleMonitor.Seen.MISSING, "no container: it was removed outside"
                        + " Trellis or the last apply did not create it; apply the spec again");
                LifecycleMonitor.InstanceRecord rec = monitor.observe(databaseId, x.getKey(), seen, null, now);
                out.put(x.getKey(), instance(rec, x.getValue()[0], x.getValue()[1], null));
            }
        }
        for (LifecycleMonitor.InstanceRecord rec : monitor.records(databaseId)) {
            if (!out.containsKey(rec.instanceId)) {
                monitor.forget(rec.instanceId, now);
            }
        }
        return new ArrayList<>(out.values());
    }

    /** What Docker's container list says of one container, inspecting it only when it is in trouble. */
    private LifecycleMonitor.Observation observation(Container c, LifecycleMonitor.InstanceRecord rec) {
        String status = c.getStatus() == null ? "" : c.getStatus();
        String dockerState = c.getState() == null ? "" : c.getState();
        boolean known = rec != null && c.getId().equals(rec.containerId) && "failed".equals(rec.state) && rec.error != null;
        if (deleting.contains(c.getId()) || "removing".equals(dockerState)) {
            return new LifecycleMonitor.Observation(LifecycleMonitor.Seen.REMOVING, null);
        }
        if ("created".equals(dockerState) || "restarting".equals(dockerState)) {
            // made and not yet started, or started again by Docker: no verdict yet
            return new LifecycleMonitor.Observation(LifecycleMonitor.Seen.STARTING, null);
        }
        if (!"running".equals(dockerState)) {
            boolean same = known && rec.lastSeen == LifecycleMonitor.Seen.STOPPED;
            return new LifecycleMonitor.Observation(LifecycleMonitor.Seen.STOPPED, same ? rec.error : exitError(c));
        }
        if (status.contains("(healthy)")) {
            return new LifecycleMonitor.Observation(LifecycleMonitor.Seen.HEALTHY, null);
        }
        if (status.contains("(unhealthy)")) {
            boolean same = known && rec.lastSeen == LifecycleMonitor.Seen.UNHEALTHY;
            return new LifecycleMonitor.Observation(LifecycleMonitor.Seen.UNHEALTHY, same ? rec.error : healthError(c));
        }
        return new LifecycleMonitor.Observation(LifecycleMonitor.Seen.STARTING, null);
    }

    /** The instance in the API's shape: the monitor's state, the container's ports, image and health. */
    private ServiceInstance instance(LifecycleMonitor.InstanceRecord rec, String service, String host, Container c) {
        ServiceInstanceStatus instanceStatus = null;
        if (c != null) {
            List<PortMapping> ports = new ArrayList<>();
            for (var p : c.getPorts()) {
                if (p.getPrivatePort() != null && p.getPublicPort() != null) {
                    ports.add(new PortMapping("http", p.getPrivatePort(), p.getPublicPort(), null));
                }
            }
            String image = c.getImage() == null ? "" : c.getImage();
            String version = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : image;
            String lastHealth = rec.lastHealthAt == null ? null : rec.lastHealthAt.toString();
            String message = "unhealthy".equals(rec.health) ? rec.error : null;
            instanceStatus = new ServiceInstanceStatus(c.getId(), version, List.of("127.0.0.1"), ports,
                    new HealthCheckResult(rec.health, rec.lastStatusAt.toString(), message, null),
                    lastHealth, "running".equals(rec.state), null);
        }
        return new ServiceInstance(rec.instanceId, service, rec.databaseId, host, rec.state, instanceStatus, rec.error,
                rec.createdAt.toString(), rec.updatedAt.toString(), null);
    }

    private String exitError(Container c) {
        try {
            InspectContainerResponse info = engineOf(c).inspectContainerCmd(c.getId()).exec();
            return "container exited with code " + info.getState().getExitCodeLong() + lastLogs(engineOf(c), c.getId());
        } catch (NotFoundException e) {
            return "container is gone";
        }
    }

    private String healthError(Container c) {
        try {
            InspectContainerResponse info = engineOf(c).inspectContainerCmd(c.getId()).exec();
            return "health check failing: " + lastHealthOutput(info.getState().getHealth());
        } catch (NotFoundException e) {
            return "health check failing";
        }
    }

    private static String lastHealthOutput(com.github.dockerjava.api.command.HealthState health) {
        if (health.getLog() == null || health.getLog().isEmpty()) {
            return "no output";
        }
        HealthStateLog last = health.getLog().get(health.getLog().size() - 1);
        String out = last.getOutput() == null ? "" : last.getOutput().strip();
        return "exit " + last.getExitCodeLong() + (out.isEmpty() ? "" : ": " + out.lines().reduce((a, b) -> b).orElse(""));
    }

    @Override
    public List<String> logs(String databaseId, String instanceId, int tail) throws ControlPlaneException {
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            Container c = containers(databaseId).stream()
                    .filter(x -> x.getNames().length > 0 && x.getNames()[0].replaceFirst("^/", "").equals(instanceId))
                    .findFirst().orElseThrow(() -> new ControlPlaneException(404, "not_found", "no instance " + instanceId));
            StringBuilder partial = new StringBuilder();
            engineOf(c).logContainerCmd(c.getId()).withStdOut(true).withStdErr(true).withTail(tail).withTimestamps(false)
                    .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                        @Override
                        public void onNext(com.github.dockerjava.api.model.Frame frame) {
                            partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(5, java.util.concurrent.TimeUnit.SECONDS);
            partial.toString().lines().forEach(lines::add);
            return lines;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlPlaneException("interrupted while reading logs", e);
        } catch (RuntimeException e) {
            throw new ControlPlaneException("the Docker engine does not answer: " + e.getMessage(), e);
        }
    }

    /** The last lines the container printed, for a failed instance's error. */
    private String lastLogs(DockerClient docker, String containerId) {
        StringBuilder sb = new StringBuilder();
        try {
            docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(3)
                    .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                        @Override
                        public void onNext(com.github.dockerjava.api.model.Frame frame) {
                            sb.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return "";
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? "" : "; last output: " + s.replace('\n', ' ');
    }

    @Override
    public Task task(String databaseId, String taskId) throws ControlPlaneException {
        Task t = tasks.get(taskId);
        if (t == null || !databaseId.equals(t.databaseId())) {
            throw new ControlPlaneException(404, "not_found", "no task found with the given ID");
        }
        return t;
    }

    @Override
    public TaskLog taskLog(String databaseId, String taskId, String afterEntryId) throws ControlPlaneException {
        Task t = task(databaseId, taskId);
        List<TaskLogEntry> all = logs.getOrDefault(taskId, List.of());
        int from = 0;
        if (afterEntryId != null) {
            try {
                from = Integer.parseInt(afterEntryId) + 1;
            } catch (NumberFormatException e) {
                from = 0;
            }
        }
        List<TaskLogEntry> entries;
        synchronized (all) {
            entries = new ArrayList<>(all.subList(Math.min(from, all.size()), all.size()));
        }
        String last = all.isEmpty() ? null : String.valueOf(all.size() - 1);
        return new TaskLog("database", databaseId, databaseId, taskId, t.status(), last, entries, null);
    }

    private Task newTask(String databaseId, String type) {
        String id = UUID.randomUUID().toString();
        Task t = new Task(id, null, "database", databaseId, databaseId, null, null, null, type, "pending", null,
                Instant.now().toString(), null, null);
        tasks.put(id, t);
        logs.put(id, java.util.Collections.synchronizedList(new ArrayList<>()));
        return t;
    }

    private void update(Task task, String status, String error) {
        if (halted) {
            return;
        }
        Task cur = tasks.get(task.taskId());
        boolean done = status.equals("completed") || status.equals("failed");
        Task next = new Task(cur.taskId(), null, cur.scope(), cur.entityId(), cur.databaseId(), null, null,
                null, cur.type(), status, error, cur.createdAt(), done ? Instant.now().toString() : null, null);
        tasks.put(task.taskId(), next);
        if (store != null) {
            try {
                store.updateTask(next);
            } catch (java.sql.SQLException e) {
                LOG.warn("task {} not recorded: {}", task.taskId(), e.getMessage());
            }
        }
    }

    private void log(Task task, String message) {
        if (halted) {
            return;
        }
        LOG.info("{} {}: {}", task.type(), task.databaseId(), message);
        List<TaskLogEntry> entries = logs.get(task.taskId());
        TaskLogEntry entry = new TaskLogEntry(Instant.now().toString(), message, null, null);
        int seq;
        synchronized (entries) {
            entries.add(entry);
            seq = entries.size() - 1;
        }
        if (store != null) {
            try {
                store.log(task.taskId(), seq, entry);
            } catch (java.sql.SQLException e) {
                LOG.warn("task log of {} not recorded: {}", task.taskId(), e.getMessage());
            }
        }
    }

    /** A validated memory quantity (go-humanize ParseBytes: 512M, 1GiB, 1,024K) in bytes. */
    static long memoryBytes(String memory) {
        String s = memory.strip();
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == ',')) {
            i++;
        }
        double n = Double.parseDouble(s.substring(0, i).replace(",", ""));
        String unit = s.substring(i).strip().toLowerCase(java.util.Locale.ROOT);
        int exp = unit.isEmpty() || unit.equals("b") ? 0 : "kmgtpe".indexOf(unit.charAt(0)) + 1;
        double base = unit.length() >= 2 && unit.charAt(1) == 'i' ? 1024 : 1000;
        return (long) (n * Math.pow(base, exp));
    }

    static String name(String databaseId, String serviceId, String hostId) {
        return databaseId + "-" + serviceId + "-" + hostId;
    }

    /** A change to anything but the host list replaces the service's containers. */
    static String hash(ServiceSpec svc) {
        JsonNode tree = Json.toTree(svc).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("host_ids");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Json.MAPPER.writeValueAsBytes(tree));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        monitorClock.shutdownNow();
        closeStreams();
        for (var pg : startedNodes.values()) {
            try {
                pg.close();
            } catch (java.io.IOException e) {
                LOG.warn("a PostgreSQL node did not stop cleanly: {}", e.getMessage());
            }
        }
        for (DockerClient c : endpointClients.values()) {
            try {
                c.close();
            } catch (Exception e) {
                // an engine that went away has nothing to close
            }
        }
        if (store != null) {
            try {
                store.close();
            } catch (java.sql.SQLException e) {
                // closing: nothing left to save
            }
        }
        if (ownsClient) {
            try {
                docker.close();
            } catch (Exception e) {
                // closing a client that cannot reach its engine has nothing left to do
            }
        }
    }
}
