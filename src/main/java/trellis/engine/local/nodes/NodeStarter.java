package trellis.engine.local.nodes;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trellis.engine.ControlPlaneException;
import trellis.engine.local.LocalEngineSettings;

/**
 * Starts PostgreSQL servers for nodes, for a person who has none: the embedded binaries, or a
 * container of the {@code postgres} image on the default Docker engine.
 */
final class NodeStarter {
    private static final Logger LOG = LoggerFactory.getLogger(NodeStarter.class);
    static final String LOOPBACK = "127.0.0.1";
    static final int POSTGRES_PORT = 5432;
    static final String ADMIN_USER = "postgres";
    /** Where Docker's default address pools put bridge networks: containers connect from there. */
    static final String DOCKER_BRIDGE_RANGE = "172.16.0.0/12";
    static final String DEFAULT_POSTGRES_VERSION = "17";
    static final String CONTAINER_PREFIX = "trellis-node-";
    static final String CONTAINER_DATA = "/var/lib/postgresql/data";
    /** A new container runs initdb before it takes connections. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    static final Duration READY_POLL = Duration.ofMillis(250);
    static final int READY_CONNECT_TIMEOUT_SECONDS = 3;
    /** Random bytes of a generated admin password (24 URL-safe characters). */
    static final int PASSWORD_BYTES = 18;
    static final String OWNER_ONLY = "rw-------";

    private final DockerClient docker;
    private final LocalEngineSettings settings;

    NodeStarter(DockerClient docker, LocalEngineSettings settings) {
        this.docker = docker;
        this.settings = settings;
    }

    private Path nodesDir() {
        return settings.dataDir().resolveSibling("nodes");
    }

    /**
     * The default engine's bridge gateway, so containers reach a server on this machine; null when none. The
     * bridge network's IPAM config names it on most engines; some (Debian's Docker 20.10) give the subnet only,
     * and then the bridge's own interface on this machine ({@code docker0}, or the name in the network's options)
     * has it: without it the node listened on 127.0.0.1 alone and the containers' connections were refused.
     */
    private String bridgeGateway(String nodeName) {
        try {
            var network = docker.inspectNetworkCmd().withNetworkId("bridge").exec();
            var ipam = network.getIpam();
            String configured = ipam == null || ipam.getConfig() == null || ipam.getConfig().isEmpty() ? null : ipam.getConfig().get(0).getGateway();
            String bridge = network.getOptions() == null ? null : network.getOptions().get("com.docker.network.bridge.name");
            String gateway = gatewayOf(configured, () -> interfaceAddress(bridge == null ? "docker0" : bridge));
            if (gateway == null) {
                LOG.warn("the Docker bridge has no gateway; node {} listens on {} only", nodeName, LOOPBACK);
            }
            return gateway;
        } catch (RuntimeException e) {
            LOG.warn("no Docker bridge gateway found ({}); node {} listens on {} only", e.getMessage(), nodeName, LOOPBACK);
        }
        return null;
    }

    /**
     * The gateway the bridge's config names, else the bridge interface's own address (looked up only then);
     * null when neither is known.
     */
    static String gatewayOf(String configured, java.util.function.Supplier<String> interfaceAddress) {
        return configured != null && !configured.isBlank() ? configured : interfaceAddress.get();
    }

    /** The first IPv4 address of the network interface {@code name} on this machine, or null (no such interface). */
    static String interfaceAddress(String name) {
        try {
            java.net.NetworkInterface nif = java.net.NetworkInterface.getByName(name);
            if (nif == null) {
                return null;
            }
            return nif.inetAddresses().filter(a -> a instanceof java.net.Inet4Address).map(java.net.InetAddress::getHostAddress)
                    .findFirst().orElse(null);
        } catch (java.net.SocketException e) {
            return null;
        }
    }

    /**
     * The embedded binaries, data under the engine's data directory, listening on 127.0.0.1 and on
     * the Docker bridge's gateway, which may connect with a password only.
     */
    Started embedded(String nodeName) throws IOException {
        String gateway = bridgeGateway(nodeName);
        String listen = gateway == null ? LOOPBACK : LOOPBACK + "," + gateway;
        Path dataDir = nodesDir().resolve(nodeName);
        Files.createDirectories(dataDir.getParent());
        EmbeddedPostgres pg;
        try {
            pg = startEmbedded(dataDir, listen);
        } catch (IllegalStateException e) {
            // zonky locks the data folder: held by another process it says "could not lock"; held in this one the
            // lock throws OverlappingFileLockException, with no message at all ("PostgreSQL did not start: null")
            if (!(e instanceof java.nio.channels.OverlappingFileLockException)
                    && (e.getMessage() == null || !e.getMessage().startsWith("could not lock"))) {
                throw e;
            }
            throw new IOException("its data folder " + dataDir + " is in use by a PostgreSQL server Trellis started before"
                    + " (an engine still running, in this process or another); close that engine first", e);
        }
        NodeConnection nc = new NodeConnection(pg.getJdbcUrl(ADMIN_USER, ADMIN_USER), ADMIN_USER, "",
                gateway == null ? NodeConnection.HOST_GATEWAY : gateway, pg.getPort());
        return new Started(pg, nc);
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir, String listen) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", listen)
                .setDataDirectoryCustomizer(dir -> {
                    try {
                        Files.writeString(dir.toPath().resolve("pg_hba.conf"),
                                "\n# Trellis: containers on the Docker bridge, with a password only\n"
                                        + "host all all " + DOCKER_BRIDGE_RANGE + " scram-sha-256\n",
                                StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .start();
    }

    record Started(EmbeddedPostgres server, NodeConnection connection) {
    }

    /**
     * A container of the {@code postgres} image, its data in the volume {@code trellis-node-<name>},
     * its port published on 127.0.0.1, its generated admin password kept owner-only beside the
     * engine's data. A container of that name that already exists is started again, not replaced.
     */
    NodeConnection container(String nodeName, String nodeLabel) throws ControlPlaneException {
        String name = CONTAINER_PREFIX + nodeName;
        String image = settings.image("postgres", DEFAULT_POSTGRES_VERSION);
        Path secret = nodesDir().resolve(nodeName + ".password");
        try {
            String password = password(secret);
            String id;
            var existing = docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(nodeLabel, nodeName)).exec();
            if (existing.isEmpty()) {
                var port = ExposedPort.tcp(POSTGRES_PORT);
                var hc = HostConfig.newHostConfig()
                        .withPortBindings(new PortBinding(Ports.Binding.bindIp(LOOPBACK), port))
                        .withBinds(new Bind(name, new Volume(CONTAINER_DATA)))
                        .withRestartPolicy(RestartPolicy.unlessStoppedRestart());
                id = docker.createContainerCmd(image).withName(name)
                        .withLabels(Map.of(nodeLabel, nodeName)).withExposedPorts(port).withHostConfig(hc)
                        .withEnv("POSTGRES_PASSWORD=" + password, "POSTGRES_USER=" + ADMIN_USER).exec().getId();
            } else {
                id = existing.get(0).getId();
            }
            var state = docker.inspectContainerCmd(id).exec();
            if (!Boolean.TRUE.equals(state.getState().getRunning())) {
                docker.startContainerCmd(id).exec();
                state = docker.inspectContainerCmd(id).exec();
            }
            var bound = state.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(POSTGRES_PORT));
            int hostPort = Integer.parseInt(bound[0].getHostPortSpec());
            // containers reach it on the bridge at its own port; without a bridge address, through the gateway at the published one
            String address = state.getNetworkSettings().getIpAddress();
            boolean onBridge = address != null && !address.isBlank();
            NodeConnection nc = new NodeConnection("jdbc:postgresql://" + LOOPBACK + ":" + hostPort + "/postgres", ADMIN_USER, password,
                    onBridge ? address : NodeConnection.HOST_GATEWAY, onBridge ? POSTGRES_PORT : hostPort);
            awaitReady(nodeName, nc);
            return nc;
        } catch (IOException e) {
            throw new ControlPlaneException(500, "server_error", "node " + nodeName + ": cannot keep its password in "
                    + secret.getParent() + ": " + e.getMessage());
        } catch (NotFoundException e) {
            throw new ControlPlaneException(404, "not_found", "node " + nodeName + ": the image " + image
                    + " is not on this Docker engine; pull it (docker pull " + image + ") or set another PostgreSQL image for 'postgres' in the image settings");
        }
    }

    /** The admin password kept in {@code secret}, generated and kept owner-only the first time. */
    private static String password(Path secret) throws IOException {
        if (Files.exists(secret)) {
            return Files.readString(secret, StandardCharsets.UTF_8).strip();
        }
        byte[] raw = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(raw);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, password, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            LOG.warn("{}: no POSIX permissions on this file system; only the user's own directory protects it", secret);
        }
        return password;
    }

    /** Waits until a node takes connections (a new container runs initdb first). */
    private static void awaitReady(String nodeName, NodeConnection nc) throws ControlPlaneException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try (Connection c = nc.connect(READY_CONNECT_TIMEOUT_SECONDS)) {
                return;
            } catch (SQLException e) {
                last = e.getMessage();
            }
            try {
                Thread.sleep(READY_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                last = "interrupted while waiting";
                break;
            }
        }
        throw new ControlPlaneException(504, "timeout", "node " + nodeName + ": PostgreSQL did not take connections within "
                + READY_TIMEOUT.toSeconds() + " s: " + last);
    }
}
