package trellis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import trellis.engine.ControlPlane;
import trellis.engine.DataFolder;
import trellis.engine.http.ApiServer;
import trellis.engine.http.MutualTls;
import trellis.engine.http.ServeToken;
import trellis.engine.local.LocalEngine;
import trellis.engine.local.LocalEngines;
import trellis.engine.local.LocalEngineSettings;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the local engine (Docker) behind the pgEdge Control Plane's /v1 REST API,",
                "so curl, Restish and 'trellis apply --server' work against it. Every request needs",
                "Authorization: Bearer <token>; the token is in serve.token in the data folder (its path is printed at start).",
                "Listens on loopback only, unless mutual TLS is configured (--tls-cert, --tls-key, --client-ca)."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "3000", description = "port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}); one that is not loopback needs mutual TLS")
    String bind;

    @Option(names = "--allow-origin", paramLabel = "ORIGIN",
            description = "a web page origin (scheme://host[:port]) allowed to call the API from a browser; repeatable. None by default")
    List<String> allowOrigins = new ArrayList<>();

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "a name (host or host:port) clients may call this server by, besides 127.0.0.1, localhost, [::1] and the --bind address; repeatable")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576",
            description = "largest request body accepted (default: ${DEFAULT-VALUE})")
    long maxBody;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "the server's certificate (chain), for mutual TLS")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "the server certificate's private key (unencrypted PEM)")
    Path tlsKey;

    @Option(names = "--client-ca", paramLabel = "PEM", description = "the CA client certificates must be signed by")
    Path clientCa;

    @Option(names = "--image", paramLabel = "TYPE=REFERENCE",
            description = {"the image of a service type (postgrest, mcp, rag, postgres), e.g. a mirror or a local build;"
                    + " repeatable. The spec's version is the tag unless REFERENCE carries its own"})
    java.util.Map<String, String> images = new java.util.LinkedHashMap<>();

    /** Tests point this elsewhere; null means the data folder ({@link DataFolder#path()}). */
    Path dataFolder;

    /** Tests hand in a control plane; null means the local engine. */
    ControlPlane backend;

    /** Counted down to stop serving (the shutdown hook does; tests may). */
    final CountDownLatch stop = new CountDownLatch(1);

    /** The running server, once started (tests read its port). */
    volatile ApiServer running;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmd;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = cmd.commandLine().getOut();
        PrintWriter err = cmd.commandLine().getErr();
        boolean anyTls = tlsCert != null || tlsKey != null || clientCa != null;
        if (anyTls && (tlsCert == null || tlsKey == null || clientCa == null)) {
            err.println("serve: mutual TLS needs --tls-cert, --tls-key and --client-ca together; missing "
                    + String.join(", ", missingTls()));
            return 2;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            err.println("serve: --bind " + bind + " is not an address of this machine; give an IP address such as 127.0.0.1");
            return 2;
        }
        if (!address.isLoopbackAddress() && !anyTls) {
            err.println("serve: refusing to listen on " + bind + " without mutual TLS (anyone who reaches it could run containers);"
                    + " bind 127.0.0.1, or add --tls-cert, --tls-key and --client-ca");
            return 2;
        }
        if (maxBody < 1) {
            err.println("serve: --max-body " + maxBody + " must be at least 1 byte");
            return 2;
        }
        SSLContext tls = null;
        if (anyTls) {
            try {
                tls = MutualTls.context(tlsCert, tlsKey, clientCa);
            } catch (MutualTls.Unusable e) {
                err.println("serve: " + e.getMessage());
                return 2;
            }
        }
        Path folder = dataFolder();
        Path tokenFile = folder.resolve(ServeToken.FILE_NAME);
        String token;
        try {
            DataFolder.ensure(folder);
            var unsafe = DataFolder.writableByOthers(folder);
            if (unsafe.isPresent()) {
                err.println("serve: refusing to run: " + unsafe.get());
                return 2;
            }
            token = ServeToken.loadOrCreate(tokenFile);
        } catch (IOException e) {
            err.println("serve: cannot write the token file " + tokenFile + ": " + e.getMessage()
                    + "; make " + folder + " a folder you own (chmod 700)");
            return 2;
        }

        ControlPlane engine = backend;
        if (engine == null) {
            LocalEngineSettings settings;
            try {
                settings = LocalEngineSettings.controlPlaneDefaults().withImages(images);
            } catch (IllegalArgumentException e) {
                err.println("serve: --image: " + e.getMessage());
                return 2;
            }
            var local = LocalEngines.detect(settings);
            if (local.isEmpty()) {
                err.println("serve: " + LocalEngines.describeUnavailable());
                return 2;
            }
            engine = local.get();
        }
        ApiServer server;
        try {
            server = new ApiServer(engine, new InetSocketAddress(address, port), ApiServer.Options.withToken(token)
                    .allowOrigins(allowOrigins).allowHosts(allowHosts).maxBody(maxBody).mutualTls(tls)).start();
        } catch (java.net.BindException e) {
            err.println("serve: port " + port + " on " + bind + " is taken; pick another with --port");
            engine.close();
            return 2;
        }
        String where = address instanceof java.net.Inet6Address ? "[" + bind + "]" : bind;
        out.println("Local engine API on " + server.scheme() + "://" + where + ":" + server.port() + "/v1 (Ctrl+C to stop)");
        out.println("Every request needs Authorization: Bearer <the token in " + tokenFile + ">");
        if (tls != null) {
            out.println("Mutual TLS: clients need a certificate signed by " + clientCa);
        }
        out.flush();
        running = server;
        ControlPlane toClose = engine;
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable shutdown = () -> {
            if (closed.compareAndSet(false, true)) {
                server.close();
                toClose.close();
            }
        };
        // the JVM may end right after its hooks: the hook closes, not the waiting thread
        Thread hook = new Thread(() -> {
            shutdown.run();
            stop.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stop.await();
        } finally {
            shutdown.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what ended the wait
            }
        }
        return 0;
    }

    private List<String> missingTls() {
        List<String> missing = new ArrayList<>();
        if (tlsCert == null) {
            missing.add("--tls-cert");
        }
        if (tlsKey == null) {
            missing.add("--tls-key");
        }
        if (clientCa == null) {
            missing.add("--client-ca");
        }
        return missing;
    }

    private Path dataFolder() {
        return dataFolder != null ? dataFolder : DataFolder.path();
    }
}
