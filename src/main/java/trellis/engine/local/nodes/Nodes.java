package trellis.engine.local.nodes;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trellis.engine.ControlPlaneException;
import trellis.engine.local.StateStore;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import com.github.dockerjava.api.DockerClient;
import trellis.engine.local.LocalEngineSettings;
import java.util.List;

/**
 * The PostgreSQL servers of database nodes, by node name: started by Trellis (embedded or in a
 * container) or attached. Passwords live in memory only; the store keeps how each node was had
 * (and an attached node's variable name), so a restart finds them again. The spec's database and
 * users are created on the nodes Trellis started, and on attached ones only when asked.
 */
public final class Nodes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Nodes.class);
    /** How long a check of a node waits for it to answer. */
    static final int CHECK_TIMEOUT_SECONDS = 5;

    private final NodeStarter starter;
    private final StateStore store;
    private final String nodeLabel;
    private final Map<String, NodeConnection> nodes = new ConcurrentHashMap<>();
    /** Servers Trellis runs from the embedded binaries, stopped with the engine. */
    private final Map<String, EmbeddedPostgres> embedded = new ConcurrentHashMap<>();
    /** Nodes the spec's database and users are created on (started ones, and attached ones when asked). */
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();
    /** How each node came to be, for the node plan. */
    private final Map<String, NodeKind> kinds = new ConcurrentHashMap<>();
    /** Nodes a person chose to skip: nothing started, attached, created or granted there (this session). */
    private final Set<String> skipped = ConcurrentHashMap.newKeySet();

    /** @param nodeLabel the label Trellis puts on the node containers it starts */
    public Nodes(DockerClient docker, LocalEngineSettings settings, StateStore store,
                 String nodeLabel) {
        this.starter = new NodeStarter(docker, settings);
        this.store = store;
        this.nodeLabel = nodeLabel;
    }

    public NodeConnection startEmbedded(String nodeName) throws IOException {
        NodeStarter.Started s = starter.embedded(nodeName);
        embedded.put(nodeName, s.server());
        NodeConnection nc = s.connection();
        nodes.put(nodeName, nc);
        remember(nodeName, NodeKind.STARTED, nc, null, true);
        return nc;
    }

    public NodeConnection startContainer(String nodeName) throws ControlPlaneException {
        NodeConnection nc = starter.container(nodeName, nodeLabel);
        nodes.put(nodeName, nc);
        provisioned.add(nodeName);
        remember(nodeName, NodeKind.CONTAINER, nc, null, true);
        return nc;
    }

    /** Attaches a node for this session only (nothing stored). */
    public void attachForSession(String nodeName, NodeConnection connection) {
        skipped.remove(nodeName);
        nodes.put(nodeName, connection);
    }

    /** Attaches a server with the password in environment variable {@code passwordEnv} (its name is stored). */
    public NodeConnection attachWithEnv(String nodeName, String host, int port, String database, String adminUser,
                                        String passwordEnv, String containerHost, boolean provision) {
        return attach(nodeName, host, port, database, adminUser, Passwords.fromEnv(passwordEnv), passwordEnv, containerHost, provision);
    }

    /** Attaches a server with a typed password, kept in memory for this session only. */
    public NodeConnection attachWithPassword(String nodeName, String host, int port, String database, String adminUser,
                                             char[] password, String containerHost, boolean provision) {
        return attach(nodeName, host, port, database, adminUser, new String(password), null, containerHost, provision);
    }

    private NodeConnection attach(String nodeName, String host, int port, String database, String adminUser,
                                  String password, String passwordEnv, String containerHost, boolean provision) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
        NodeConnection nc = new NodeConnection(url, adminUser, password,
                containerHost == null || containerHost.isBlank() ? NodeConnection.HOST_GATEWAY : containerHost, port);
        nodes.put(nodeName, nc);
        if (provision) {
            provisioned.add(nodeName);
        } else {
            provisioned.remove(nodeName);
        }
        remember(nodeName, NodeKind.ATTACHED, nc, passwordEnv, provision);
        return nc;
    }

    public Optional<NodeConnection> node(String nodeName) {
        return Optional.ofNullable(nodes.get(nodeName));
    }

    /** How a node came to be; empty when the engine has nothing for it. */
    public Optional<NodeKind> kind(String nodeName) {
        return nodes.containsKey(nodeName) ? Optional.of(kinds.getOrDefault(nodeName, NodeKind.ATTACHED)) : Optional.empty();
    }

    /** Skips a node for this session: what the engine had for it is let go (an embedded server keeps running). */
    public void skip(String nodeName) {
        skipped.add(nodeName);
        nodes.remove(nodeName);
        provisioned.remove(nodeName);
    }

    /** Takes a skipped node back: the next apply starts or uses a server for it again. */
    public void unskip(String nodeName) {
        skipped.remove(nodeName);
    }

    public boolean skipped(String nodeName) {
        return skipped.contains(nodeName);
    }

    /** Connects as the admin user and says what answered ("PostgreSQL 17.7"). */
    public String check(String nodeName) throws ControlPlaneException {
        NodeConnection nc = nodes.get(nodeName);
        if (nc == null) {
            throw new ControlPlaneException(404, "not_found", "node " + nodeName + " is not attached");
        }
        try (Connection c = nc.connect(CHECK_TIMEOUT_SECONDS);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1).split(" ")[0];
        } catch (SQLException e) {
            throw new ControlPlaneException(502, "node_unreachable", "node " + nodeName + " (" + nc + "): " + e.getMessage());
        }
    }

    private void remember(String nodeName, NodeKind kind, NodeConnection nc, String passwordEnv, boolean provision) {
        kinds.put(nodeName, kind);
        skipped.remove(nodeName);
        try {
            store.node(new StateStore.NodeRecord(nodeName, kind.word(), nc.jdbcUrl(), nc.user(), passwordEnv, nc.containerHost(),
                    nc.containerPort(), provision));
        } catch (SQLException e) {
            LOG.warn("node {} kept for this session only: {}", nodeName, e.getMessage());
        }
    }

    /** At start: attached nodes again (password from their variable), started nodes started again on their data. */
    public void restore() throws SQLException {
        for (StateStore.NodeRecord n : store.nodes()) {
            try {
                switch (NodeKind.of(n.kind())) {
                    case STARTED -> startEmbedded(n.name());
                    case CONTAINER -> startContainer(n.name());
                    case ATTACHED -> {
                        nodes.put(n.name(), new NodeConnection(n.jdbcUrl(), n.adminUser(), Passwords.fromEnv(n.passwordEnv()),
                                n.containerHost(), n.containerPort()));
                        kinds.put(n.name(), NodeKind.ATTACHED);
                        if (n.provision()) {
                            provisioned.add(n.name());
                        }
                    }
                }
            } catch (IOException | ControlPlaneException | RuntimeException e) {
                LOG.warn("node {} not available: {}", n.name(), DefaultNodes.words(e));
            }
        }
    }

    /** Creates the spec's database and users on the nodes that take them; each statement goes to {@code log}. */
    public void provision(DatabaseSpec spec, Consumer<String> log) {
        for (DatabaseNode node : spec.nodes() == null ? List.<DatabaseNode>of() : spec.nodes()) {
            EmbeddedPostgres pg = skipped.contains(node.name()) ? null : embedded.get(node.name());
            NodeConnection attached = provisioned.contains(node.name()) ? nodes.get(node.name()) : null;
            if (pg == null && attached == null) {
                continue;
            }
            try (Connection c = pg != null ? pg.getPostgresDatabase().getConnection()
                    : DriverManager.getConnection(attached.jdbcUrl(), attached.user(), attached.password())) {
                for (String sql : NodeProvisioner.provision(c, spec)) {
                    log.accept("node " + node.name() + ": " + sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("node " + node.name() + ": cannot create the database and its users: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Stops the servers Trellis runs from the embedded binaries. */
    @Override
    public void close() {
        for (var pg : embedded.values()) {
            try {
                pg.close();
            } catch (IOException e) {
                LOG.warn("a PostgreSQL node did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}
