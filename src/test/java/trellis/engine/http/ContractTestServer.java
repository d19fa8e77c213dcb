package trellis.engine.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import trellis.spec.Cluster;
import trellis.spec.Database;
import trellis.spec.Host;
import trellis.spec.Json;

/**
 * A JDK HTTP(S) server on 127.0.0.1 that answers the contract's read operations (version, cluster,
 * hosts, databases, one database) from what the test puts in it; with an SSL context it demands a
 * client certificate, as the Control Plane's mutual TLS does.
 */
public final class ContractTestServer implements AutoCloseable {
    public volatile String version = "0.9.0";
    public volatile String clusterId = "cluster-test";
    public final List<Host> hosts = new CopyOnWriteArrayList<>();
    public final Map<String, Database> databases = new ConcurrentHashMap<>();
    /** "GET /v1/version" ... in the order they came. */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** How many of the next database listings have their connection cut halfway through the answer. */
    public final java.util.concurrent.atomic.AtomicInteger dropListings = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpServer server;
    private final String scheme;

    public ContractTestServer(SSLContext requireClientCert) throws IOException {
        InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (requireClientCert == null) {
            server = HttpServer.create(at, 0);
            scheme = "http";
        } else {
            HttpsServer s = HttpsServer.create(at, 0);
            s.setHttpsConfigurator(new HttpsConfigurator(requireClientCert) {
                @Override
                public void configure(HttpsParameters p) {
                    var params = getSSLContext().getDefaultSSLParameters();
                    params.setNeedClientAuth(true);
                    p.setSSLParameters(params);
                }
            });
            server = s;
            scheme = "https";
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The same server named localhost (for a certificate that holds that name). */
    public URI localhostUri() {
        return URI.create(scheme + "://localhost:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            requests.add(ex.getRequestMethod() + " " + path);
            if (!"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, error("method_not_allowed", "only GET here"));
                return;
            }
            if (path.equals("/v1/version")) {
                ObjectNode v = Json.MAPPER.createObjectNode();
                v.put("version", version).put("revision", "e89ae93b").put("revision_time", "2025-01-01T01:30:00Z").put("arch", "amd64");
                send(ex, 200, v.toString());
            } else if (path.equals("/v1/cluster")) {
                send(ex, 200, Json.write(new Cluster(clusterId, Json.parse("{\"state\":\"available\"}"), List.copyOf(hosts), null)));
            } else if (path.equals("/v1/hosts")) {
                ObjectNode o = Json.MAPPER.createObjectNode();
                o.set("hosts", Json.toTree(List.copyOf(hosts)));
                send(ex, 200, o.toString());
            } else if (path.equals("/v1/databases")) {
                ObjectNode o = Json.MAPPER.createObjectNode();
                o.set("databases", Json.toTree(List.copyOf(databases.values())));
                if (dropListings.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    byte[] b = o.toString().getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, b.length);
                    ex.getResponseBody().write(b, 0, b.length / 2);
                    ex.getResponseBody().flush();
                    throw new IOException("cut on purpose");
                }
                send(ex, 200, o.toString());
            } else if (path.startsWith("/v1/databases/") && path.indexOf('/', "/v1/databases/".length()) < 0) {
                Database d = databases.get(URLDecoder.decode(path.substring("/v1/databases/".length()), StandardCharsets.UTF_8));
                if (d == null) {
                    send(ex, 404, error("not_found", "no database found with the given ID"));
                } else {
                    send(ex, 200, Json.write(d));
                }
            } else {
                send(ex, 404, error("not_found", "no such path"));
            }
        } catch (RuntimeException | IOException e) {
            // the test sees the missing answer (or the cut connection)
        }
    }

    private static String error(String name, String message) {
        return Json.MAPPER.createObjectNode().put("name", name).put("message", message).toString();
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        trellis.TestHttp.sendJson(ex, status, json);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
