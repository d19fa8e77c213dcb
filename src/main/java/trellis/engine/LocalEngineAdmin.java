package trellis.engine;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What only an engine that runs services on Docker itself can be asked: place a host on a Docker
 * endpoint, start or attach a database node, and check that a node answers. The console reaches
 * the local engine through this port and {@link ControlPlane}, never through its class.
 */
public interface LocalEngineAdmin extends ControlPlane {
    /** Places a host id on a Docker endpoint ({@code unix://}, {@code tcp://}, {@code ssh://}). */
    void bindHost(String hostId, String dockerEndpoint);

    /** The endpoints host ids are bound to; a host not listed runs on the default engine. */
    Map<String, String> hostBindings();

    /** Starts a PostgreSQL server for a node on this machine; returns how it is reached. */
    Object startNode(String nodeName) throws IOException;

    /** Starts a PostgreSQL container for a node; returns how it is reached. */
    Object startNodeContainer(String nodeName) throws ControlPlaneException;

    /** Attaches a PostgreSQL server whose admin password is in the environment variable {@code passwordEnv}. */
    Object attachNode(String nodeName, String host, int port, String database, String adminUser,
                      String passwordEnv, String containerHost, boolean provision);

    /** Attaches a PostgreSQL server with a typed password, kept in memory for this session only. */
    Object attachNodeWithPassword(String nodeName, String host, int port, String database, String adminUser,
                                  char[] password, String containerHost, boolean provision);

    /** How a node is reached (its {@code toString} names it without a password), or empty. */
    Optional<?> node(String nodeName);

    /** Connects to a node and says what answered, e.g. "PostgreSQL 17.7". */
    String checkNode(String nodeName) throws ControlPlaneException;

    /**
     * The node plan in words, said before a deploy: one line per node of the spec under the
     * person's choices (a node not named: start here), e.g. "node n1: Trellis will start
     * PostgreSQL 17 on this machine". Connects to the servers named, so not on the FX thread.
     */
    List<String> nodePlan(trellis.spec.DatabaseSpec spec, Map<String, NodeChoice> choices);

    /** Makes the person's per-node choices the engine's: attaches the servers, skips the nodes named. */
    void chooseNodes(Map<String, NodeChoice> choices);

    /** Tells the listener how far each image pull has come; called on the engine's threads. */
    void addPullListener(Consumer<PullProgress> listener);
}
