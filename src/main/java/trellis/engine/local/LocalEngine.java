package trellis.engine.local;

import trellis.engine.PullProgress;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.engine.InstanceLogs;
import trellis.engine.NodeChoice;
import trellis.engine.local.nodes.DefaultNodes;
import trellis.engine.local.nodes.NodeConnection;
import trellis.engine.local.nodes.Nodes;
import trellis.engine.local.nodes.ServiceGrants;
import trellis.spec.Cluster;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;
import trellis.spec.Host;
import trellis.spec.Json;
import trellis.spec.Secrets;
import trellis.spec.Task;
import trellis.spec.TaskLog;
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
 * <p>A façade over parts with one job each (see {@code package-info.java}): {@link DockerHosts},
 * {@link ContainerWatcher}, {@link InstanceView}, {@link Reconciler} with a {@link ServiceRuntime}
 * per service type, the database {@link Nodes}, and a {@link TaskJournal} over the
 * {@link StateStore}. It owns the threads ({@link EngineThreads}) and hands them to the parts.
 */
public final class LocalEngine implements ControlPlane, InstanceLogs, trellis.engine.LocalEngineAdmin, trellis.engine.InstanceFileView {
    static final String LABEL_DATABASE = Labels.DATABASE;
    /** Label on the PostgreSQL containers Trellis starts for nodes: the node's name. */
    public static final String LABEL_NODE = Labels.NODE;
    private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);

    private final DockerClient docker;
    private final EngineThreads threads = new EngineThreads();
    private final StateStore store;
    private final SpecCatalog catalog = new SpecCatalog();
    private final TaskJournal journal;
    private final LifecycleMonitor monitor;
    private final ContainerWatcher watcher;
    private final DockerHosts hosts;
    private final Nodes nodes;
    private final DefaultNodes defaultNodes;
    private final ServiceGrants grants;
    private final Reconciler reconciler;
    private final InstanceView view;
    private final List<Consumer<LifecycleMonitor.Transition>> transitionListeners = new CopyOnWriteArrayList<>();
    /** True when this engine made its Docker client (detect) and so must close it. */
    private boolean ownsClient;

    /** An engine that keeps its state in memory only. */
    public LocalEngine(DockerClient docker, LocalEngineSettings settings) {
        this(docker, settings, memoryStore());
    }

    private static StateStore memoryStore() {
        try {
            return StateStore.inMemory();
        } catch (SQLException e) {
            throw new IllegalStateException("an in-memory state store cannot be made: " + e.getMessage(), e);
        }
    }

    private LocalEngine(DockerClient docker, LocalEngineSettings settings, StateStore store) {
        this.docker = docker;
        this.store = store;
        this.journal = new TaskJournal(store, threads::halted);
        this.monitor = new LifecycleMonitor(settings.createTimeout(), settings.noStatusTimeout());
        monitor.addListener(this::recordTransition);
        this.watcher = new ContainerWatcher(threads, catalog::contains, this::refresh, catalog::ids, this::engines);
        this.hosts = new DockerHosts(docker, store, watcher::watch);
        this.nodes = new Nodes(docker, settings, store, LABEL_NODE);
        this.grants = new ServiceGrants(nodes, store);
        this.defaultNodes = new DefaultNodes(nodes, settings);
        this.reconciler = new Reconciler(catalog, hosts, monitor, nodes, defaultNodes, grants, settings, threads);
        this.view = new InstanceView(catalog, hosts, monitor, reconciler::removing, reconciler::whyNotCreated);
        watcher.start(settings.sweepInterval());
    }

    private List<DockerClient> engines() {
        return hosts.all();
    }

    private void refresh(String databaseId) {
        view.refresh(databaseId);
    }

    /**
     * An engine whose specs, tasks and task logs live in {@code store}. What was accepted before is
     * loaded, and an operation that a crash or a kill interrupted runs again under its own task: the
     * reconciler finds the containers it had made by their labels, so nothing is made twice.
     */
    public static LocalEngine open(DockerClient docker, LocalEngineSettings settings, StateStore store) throws SQLException {
        LocalEngine e = new LocalEngine(docker, settings, store);
        for (StateStore.Stored d : store.databases()) {
            e.catalog.put(d.id(), d.spec(), d.createdAt());
        }
        e.hosts.restore();
        e.grants.restore();
        e.nodes.restore();
        e.reconciler.adoptContainers();
        for (Task t : e.journal.load()) {
            if (e.catalog.claim(t.databaseId())) {
                DatabaseSpec spec = e.catalog.spec(t.databaseId());
                e.journal.log(t, "resumed after the engine restarted");
                e.start(t, spec);
            }
        }
        return e;
    }

    /** Hears every lifecycle move of every instance as the monitor makes it (the console's event log, the benchmark). */
    public void addTransitionListener(Consumer<LifecycleMonitor.Transition> listener) {
        transitionListeners.add(listener);
    }

    @Override
    public void addPullListener(Consumer<PullProgress> listener) {
        reconciler.puller().addListener(listener);
    }

    /** The last lifecycle moves of a database's instances, oldest first. */
    public List<LifecycleMonitor.Transition> events(String databaseId, int limit) throws ControlPlaneException {
        return journal.events(databaseId, limit);
    }

    private void recordTransition(LifecycleMonitor.Transition t) {
        if (threads.halted()) {
            return;
        }
        LOG.info("{}: {} -> {}{}", t.instanceId(), t.from(), t.to(), t.error() == null ? "" : " (" + t.error() + ")");
        journal.event(t);
        for (var l : transitionListeners) {
            l.accept(t);
        }
    }

    /** Stops at once as a killed process would: no more containers, no more records. For tests. */
    void halt() {
        threads.halt();
        watcher.close();
    }

    /**
     * Places a host id on a Docker engine endpoint ({@code unix://}, {@code tcp://} with TLS from
     * DOCKER_CERT_PATH, {@code ssh://} as docker-java supports); several host ids may share one.
     */
    public void bindHost(String hostId, String dockerEndpoint) {
        hosts.bind(hostId, dockerEndpoint);
    }

    /** The endpoints host ids are bound to (a host not listed runs on the default engine). */
    public Map<String, String> hostBindings() {
        return hosts.bindings();
    }

    /**
     * Starts a PostgreSQL server for a node, for a person who has none: the embedded binaries,
     * data kept under the engine's data directory, listening on 127.0.0.1 and on the Docker
     * bridge's gateway (so containers reach it), which may connect with a password only. Stopped
     * with the engine.
     */
    public NodeConnection startNode(String nodeName) throws IOException {
        return nodes.startEmbedded(nodeName);
    }

    /**
     * Starts a PostgreSQL container for a node, for a person who has Docker and no PostgreSQL: the
     * image of the {@code postgres} entry of the image settings (default {@code postgres:17}), its
     * data in the named volume {@code trellis-node-<name>}, its port published on 127.0.0.1, its
     * generated admin password kept owner-only beside the engine's data. A container of that name
     * that already exists is started again, not replaced.
     */
    public NodeConnection startNodeContainer(String nodeName) throws ControlPlaneException {
        return nodes.startContainer(nodeName);
    }

    /** Attaches a node for this session only (nothing stored). */
    public void attachNode(String nodeName, NodeConnection connection) {
        nodes.attachForSession(nodeName, connection);
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
        return nodes.attachWithEnv(nodeName, host, port, database, adminUser, passwordEnv, containerHost, provision);
    }

    /** The same with a password a person typed: kept in memory for this session only. */
    public NodeConnection attachNodeWithPassword(String nodeName, String host, int port, String database, String adminUser,
                                                 char[] password, String containerHost, boolean provision) {
        return nodes.attachWithPassword(nodeName, host, port, database, adminUser, password, containerHost, provision);
    }

    /** What the engine knows of a node: how it was attached, or empty. */
    public Optional<NodeConnection> node(String nodeName) {
        return nodes.node(nodeName);
    }

    /** The node plan in words, one line per node of the spec: what will be started, attached or skipped. Connects (I/O). */
    @Override
    public List<String> nodePlan(DatabaseSpec spec, Map<String, NodeChoice> choices) {
        return defaultNodes.plan(spec, choices);
    }

    /** Makes a person's per-node choices the engine's, before a deploy: attach, skip, or start here (the default). */
    @Override
    public void chooseNodes(Map<String, NodeChoice> choices) {
        defaultNodes.choose(choices);
    }

    /** Connects to a node as its admin user and says what answered ("PostgreSQL 17.7"). */
    public String checkNode(String nodeName) throws ControlPlaneException {
        return nodes.check(nodeName);
    }

    /** This engine made its Docker client ({@link LocalEngines#detect}) and closes it with itself. */
    void ownClient() {
        ownsClient = true;
    }

    @Override
    public String displayName() {
        return "Local engine";
    }

    @Override
    public Cluster cluster() throws ControlPlaneException {
        return new Cluster("local", Json.MAPPER.createObjectNode().put("state", SpecCatalog.DatabaseState.AVAILABLE.word()), hosts(), null);
    }

    @Override
    public List<Host> hosts() throws ControlPlaneException {
        Set<String> ids = new LinkedHashSet<>(hosts.boundHosts().keySet());
        ids.addAll(catalog.hostIds());
        return hosts.hosts(ids);
    }

    @Override
    public List<Database> databases() {
        List<Database> out = new ArrayList<>();
        for (String id : catalog.ids()) {
            catalog.createdAt(id).ifPresent(at -> out.add(new Database(id, null, state(id), at.toString(),
                    Instant.now().toString(), null, null, null, null)));
        }
        return out;
    }

    private String state(String databaseId) {
        return catalog.state(databaseId).word();
    }

    @Override
    public Database database(String databaseId) throws ControlPlaneException {
        DatabaseSpec spec = catalog.spec(databaseId);
        if (spec == null) {
            throw notFound();
        }
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new ControlPlaneException("the Docker engine does not answer: " + e.getMessage(), e);
        }
        var instances = view.refresh(databaseId);
        DatabaseSpec stripped = Json.convert(Secrets.strip(Json.toTree(spec)), DatabaseSpec.class);
        String t = catalog.createdAt(databaseId).map(Instant::toString).orElse(null);
        return new Database(databaseId, null, state(databaseId), t, Instant.now().toString(), stripped, List.of(), instances, null);
    }

    private static ControlPlaneException notFound() {
        return new ControlPlaneException(404, "not_found", "no database found with the given ID");
    }

    private static ControlPlaneException inProgress() {
        return new ControlPlaneException(409, "operation_already_in_progress", "an operation is already in progress for the given entity");
    }

    @Override
    public Task createDatabase(CreateDatabaseRequest request) throws ControlPlaneException {
        check(SpecValidator.validateCreate(Json.toTree(request)));
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        if (catalog.contains(id)) {
            throw new ControlPlaneException(409, "database_already_exists", "a database already exists with the given ID");
        }
        return apply(id, request.spec(), TaskKind.CREATE);
    }

    @Override
    public Task updateDatabase(String databaseId, UpdateDatabaseRequest request) throws ControlPlaneException {
        DatabaseSpec current = catalog.spec(databaseId);
        if (current == null) {
            throw notFound();
        }
        check(SpecValidator.validateUpdate(databaseId, Json.toTree(current), Json.toTree(request)));
        return apply(databaseId, request.spec(), TaskKind.UPDATE);
    }

    @Override
    public Task deleteDatabase(String databaseId) throws ControlPlaneException {
        if (!catalog.contains(databaseId)) {
            throw notFound();
        }
        if (!catalog.claim(databaseId)) {
            throw inProgress();
        }
        Task task = journal.create(databaseId, TaskKind.DELETE);
        try {
            journal.add(task);
        } catch (ControlPlaneException e) {
            catalog.release(databaseId);
            throw e;
        }
        start(task, null);
        return task;
    }

    private static void check(List<Problem> problems) throws ControlPlaneException {
        if (!problems.isEmpty()) {
            throw new ControlPlaneException(400, "invalid_input", problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        }
    }

    /** One operation at a time per database, as the Control Plane's workflows. */
    private Task apply(String databaseId, DatabaseSpec spec, TaskKind kind) throws ControlPlaneException {
        if (!catalog.claim(databaseId)) {
            throw inProgress();
        }
        Instant createdAt = kind == TaskKind.CREATE ? Instant.now() : catalog.createdAt(databaseId).orElseGet(Instant::now);
        Task task = journal.create(databaseId, kind);
        try {
            journal.accept(databaseId, spec, createdAt, task);
        } catch (ControlPlaneException e) {
            catalog.release(databaseId);
            throw e;
        }
        catalog.put(databaseId, spec, createdAt);
        start(task, spec);
        return task;
    }

    /** Runs a recorded task on the worker pool: a delete (or a task whose spec is gone) removes all, else the spec is applied. */
    private void start(Task task, DatabaseSpec spec) {
        String databaseId = task.databaseId();
        Consumer<String> log = message -> journal.log(task, message);
        if (TaskKind.of(task.type()) == TaskKind.DELETE || spec == null) {
            threads.work(() -> run(task, () -> reconciler.deleteAll(databaseId, store, log)));
        } else {
            threads.work(() -> run(task, () -> reconciler.apply(databaseId, spec, log, journal.cancelOf(task))));
        }
    }


    private void run(Task task, Runnable work) {
        try {
            journal.update(task, TaskStatus.RUNNING, null);
            journal.cancelOf(task).check("before it began; nothing was changed");
            work.run();
            journal.update(task, TaskStatus.COMPLETED, null);
        } catch (TaskCancel.Canceled e) {
            journal.log(task, e.getMessage());
            journal.update(task, TaskStatus.CANCELED, null);
        } catch (RuntimeException e) {
            if (!threads.halted()) {
                journal.log(task, "failed: " + e.getMessage());
                journal.update(task, TaskStatus.FAILED, e.getMessage());
            }
        } finally {
            catalog.release(task.databaseId());
        }
    }

    @Override
    public List<ShownFile> files(String databaseId, String instanceId) throws ControlPlaneException {
        DatabaseSpec spec = catalog.spec(databaseId);
        if (spec == null) {
            throw new ControlPlaneException(404, "not_found", "database " + databaseId + " is not on the local engine");
        }
        return reconciler.plan(databaseId, spec, instanceId).map(p -> Render.shown(p.masked(spec))).orElse(List.of());
    }

    @Override
    public List<String> logs(String databaseId, String instanceId, int tail) throws ControlPlaneException {
        try {
            Container c = reconciler.containers(databaseId).stream()
                    .filter(x -> x.getNames().length > 0 && Labels.containerName(x).equals(instanceId))
                    .findFirst().orElseThrow(() -> new ControlPlaneException(404, "not_found", "no instance " + instanceId));
            return new ArrayList<>(ContainerLogs.tail(hosts.engineOf(c), c.getId(), tail, ContainerLogs.READ_TIMEOUT).lines().toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlPlaneException("interrupted while reading logs", e);
        } catch (RuntimeException e) {
            throw new ControlPlaneException("the Docker engine does not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public Task task(String databaseId, String taskId) throws ControlPlaneException {
        return journal.task(databaseId, taskId);
    }

    @Override
    public List<Task> tasks(String databaseId) {
        return journal.tasks(databaseId);
    }

    @Override
    public boolean canCancelTasks() {
        return true;
    }

    @Override
    public Task cancelTask(String databaseId, String taskId) throws ControlPlaneException {
        return journal.cancel(databaseId, taskId);
    }

    @Override
    public TaskLog taskLog(String databaseId, String taskId, String afterEntryId) throws ControlPlaneException {
        return journal.taskLog(databaseId, taskId, afterEntryId);
    }

    @Override
    public void close() {
        threads.shutdown();
        watcher.close();
        nodes.close();
        hosts.close();
        try {
            store.close();
        } catch (SQLException e) {
            LOG.warn("the state store did not close cleanly: {}", e.getMessage());
        }
        if (ownsClient) {
            DockerDetection.closeQuietly(docker);
        }
    }
}
