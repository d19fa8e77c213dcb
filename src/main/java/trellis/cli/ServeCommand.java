package trellis.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import trellis.engine.DataFolder;
import trellis.engine.http.ApiServer;
import trellis.engine.http.ServeToken;
import trellis.engine.local.LocalEngine;
import trellis.engine.local.LocalEngineSettings;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the local engine (Docker) behind the pgEdge Control Plane's /v1 REST API,",
                "so curl, Restish and 'trellis apply --server' work against it."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "3000", description = "port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
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

    /** Tests point this elsewhere; null means the data folder ({@link DataFolder#path()}). */
    Path dataFolder;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmd;

    @Override
    public Integer call() throws Exception {
        var engine = LocalEngine.detect(LocalEngineSettings.controlPlaneDefaults());
        if (engine.isEmpty()) {
            cmd.commandLine().getErr().println("serve: " + LocalEngine.describeUnavailable());
            return 2;
        }
        Path tokenFile = dataFolder().resolve(ServeToken.FILE_NAME);
        String token;
        try {
            token = ServeToken.loadOrCreate(tokenFile);
        } catch (java.io.IOException e) {
            cmd.commandLine().getErr().println("serve: cannot write the token file " + tokenFile + ": " + e.getMessage()
                    + "; make " + tokenFile.getParent() + " writable by you");
            engine.get().close();
            return 2;
        }
        ApiServer server;
        try {
            server = new ApiServer(engine.get(), new InetSocketAddress(InetAddress.getByName(bind), port),
                    ApiServer.Options.withToken(token).allowOrigins(allowOrigins).allowHosts(allowHosts).maxBody(maxBody)).start();
        } catch (java.net.BindException e) {
            cmd.commandLine().getErr().println("serve: port " + port + " on " + bind + " is taken; pick another with --port");
            return 2;
        }
        cmd.commandLine().getOut().println("Local engine API on http://" + bind + ":" + server.port() + "/v1 (Ctrl+C to stop)");
        cmd.commandLine().getOut().println("Every request needs Authorization: Bearer <the token in " + tokenFile + ">");
        cmd.commandLine().getOut().flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            engine.get().close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    private Path dataFolder() {
        return dataFolder != null ? dataFolder : DataFolder.path();
    }
}
