package trellis.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;

/** A command on a Control Plane: --server and its TLS and token options, --json, and errors in one line with the exit code. */
abstract class ServerCommand extends CliCommand implements Callable<Integer> {
    static final String EXITS = "Exit: 0 done; 1 refused, not found, busy or the task failed; 2 unreachable, or a TLS or token file unusable.";

    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--json", description = "print JSON for scripts instead of text")
    boolean json;

    @Override
    public final Integer call() throws Exception {
        ControlPlane cp;
        try {
            cp = server.connect();
        } catch (ServerOptions.Unusable e) {
            err().println(name() + ": " + e.getMessage());
            err().flush();
            return 2;
        }
        try (cp) {
            return run(cp);
        } catch (ControlPlaneException e) {
            return failed(e);
        }
    }

    abstract int run(ControlPlane cp) throws ControlPlaneException, Exception;

    String name() {
        return cmd.name();
    }

    /** One line: the error in words; 2 when nothing answered, else 1. */
    int failed(ControlPlaneException e) {
        err().println(name() + ": " + e.getMessage()
                + (e.status() == 401 ? " (pass the server's token file with --token-file FILE)" : ""));
        err().flush();
        return e.unreachable() ? 2 : 1;
    }
}
