package trellis.engine.local.nodes;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import trellis.engine.ControlPlaneException;
import trellis.engine.NodeChoice;
import trellis.engine.local.LocalEngineSettings;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import trellis.spec.ServiceSpec;

/**
 * Database nodes by default: before an apply, a node of the spec that has neither a started nor
 * an attached server gets one Trellis starts (the embedded binaries, or a {@code postgres}
 * container when the engine's settings say so), unless the person chose to skip it. The same
 * words, said before anything runs, are the node plan ({@link NodePlan}).
 */
public final class DefaultNodes {
    /** The major version of the embedded PostgreSQL binaries Trellis ships (the pom's zonky BOM). */
    static final String EMBEDDED_MAJOR = "17";
    /** How long the plan waits for a server a person chose to attach. */
    static final int PROBE_TIMEOUT_SECONDS = 5;
    private static final String ANON_ROLE = "db_anon_role";

    private final Nodes nodes;
    private final boolean containers;
    private final boolean starts;
    private final String image;

    public DefaultNodes(Nodes nodes, LocalEngineSettings settings) {
        this.nodes = nodes;
        this.containers = settings.containerNodes();
        this.starts = settings.startsNodes();
        this.image = settings.image("postgres", NodeStarter.DEFAULT_POSTGRES_VERSION);
    }

    /** A failure in words: its message, or its kind and its cause's when it has none (never "null"). */
    static String words(Throwable e) {
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        String kind = e.getClass().getSimpleName();
        return e.getCause() == null || e.getCause() == e ? kind : kind + " (" + words(e.getCause()) + ")";
    }

    /** What Trellis starts for a node that has nothing. */
    String startWords() {
        return containers ? "PostgreSQL in a container (" + image + ") on this machine" : "PostgreSQL " + EMBEDDED_MAJOR + " on this machine";
    }

    /** The node plan of a spec under the person's choices (a node not named: start here), one line per node. */
    public List<String> plan(DatabaseSpec spec, Map<String, NodeChoice> choices) {
        return NodePlan.lines(spec, choices, name -> nodes.skipped(name) ? null : nodes.kind(name)
                        .map(k -> new NodePlan.Known(k, nodes.node(name).map(NodeConnection::address).orElse("?"), answer(name)))
                        .orElse(null),
                DefaultNodes::probe, startWords());
    }

    private String answer(String name) {
        try {
            return nodes.check(name);
        } catch (ControlPlaneException e) {
            return "does not answer: " + e.getMessage();
        }
    }

    /** Connects to a server a person chose to attach and says what answers, or why nothing does. */
    static String probe(NodeChoice c) {
        Properties props = new Properties();
        props.setProperty("user", c.user());
        props.setProperty("password", new String(c.password()));
        props.setProperty("connectTimeout", Integer.toString(PROBE_TIMEOUT_SECONDS));
        String url = "jdbc:postgresql://" + c.host() + ":" + c.port() + "/"
                + java.net.URLEncoder.encode(c.database(), java.nio.charset.StandardCharsets.UTF_8);
        try (Connection conn = DriverManager.getConnection(url, props); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1).split(" ")[0];
        } catch (SQLException e) {
            return "does not answer: " + e.getMessage();
        }
    }

    /** Makes the person's choices the engine's: attaches the servers named, skips the nodes named, takes back the rest. */
    public void choose(Map<String, NodeChoice> choices) {
        choices.forEach((name, c) -> {
            switch (c.kind()) {
                case START -> nodes.unskip(name);
                case SKIP -> nodes.skip(name);
                case ATTACH -> nodes.attachWithPassword(name, c.host(), c.port(), c.database(), c.user(), c.password(), null,
                        c.provision());
            }
        });
    }

    /**
     * Before an apply: a server for each node of the spec that has none (started and said in the
     * log), a warning for each skipped node. Nodes shared by two databases are started once.
     */
    public synchronized void ensure(DatabaseSpec spec, Consumer<String> log) {
        if (!starts) {
            return;
        }
        for (DatabaseNode node : spec.nodes() == null ? List.<DatabaseNode>of() : spec.nodes()) {
            String name = node.name();
            if (nodes.skipped(name)) {
                log.accept("warning: node " + name + ": " + NodePlan.skipped(spec, name));
                continue;
            }
            if (nodes.node(name).isPresent()) {
                continue;
            }
            log.accept("node " + name + ": nothing started or attached for it; Trellis starts " + startWords());
            NodeConnection nc;
            try {
                nc = containers ? nodes.startContainer(name) : nodes.startEmbedded(name);
            } catch (IOException | ControlPlaneException | RuntimeException e) {
                throw new IllegalStateException("node " + name + ": PostgreSQL did not start: " + words(e)
                        + "; attach a server you run for it (Engine > Database node) or skip it", e);
            }
            log.accept("node " + name + ": started, " + answer(name) + " answers at " + nc.address());
        }
    }

    /**
     * On the nodes Trellis runs, the anon roles the spec's services name and nobody else could
     * have made before the apply: created NOLOGIN when missing, so the grants that follow find them.
     */
    public void anonRoles(DatabaseSpec spec, Consumer<String> log) {
        for (ServiceSpec svc : spec.services() == null ? List.<ServiceSpec>of() : spec.services()) {
            if (svc.config() == null || !svc.config().path(ANON_ROLE).isTextual()) {
                continue;
            }
            String role = svc.config().get(ANON_ROLE).asText();
            for (String name : TargetNodes.of(spec, svc)) {
                NodeKind kind = nodes.kind(name).orElse(NodeKind.ATTACHED);
                NodeConnection nc = nodes.node(name).orElse(null);
                if (nc == null || kind == NodeKind.ATTACHED || nodes.skipped(name)) {
                    continue;
                }
                try (Connection c = nc.connect(PROBE_TIMEOUT_SECONDS)) {
                    if (!Sql.roleExists(c, role)) {
                        String sql = "CREATE ROLE " + Sql.ident(role) + " NOLOGIN";
                        Sql.exec(c, sql);
                        log.accept("node " + name + ": " + sql + " (" + ANON_ROLE + " of service '" + svc.serviceId()
                                + "'; Trellis runs this node)");
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("node " + name + ": cannot create the role " + role + " of service '"
                            + svc.serviceId() + "': " + e.getMessage(), e);
                }
            }
        }
    }
}
