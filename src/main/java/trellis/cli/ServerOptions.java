package trellis.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Option;
import trellis.engine.ControlPlane;
import trellis.engine.http.MutualTls;
import trellis.engine.http.RestControlPlane;
import trellis.engine.http.ServeToken;

/** How a command reaches a Control Plane (or a 'trellis serve'): the URL, mutual TLS and a bearer token. */
final class ServerOptions {
    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:3000",
            description = "the Control Plane (or 'trellis serve') (default: ${DEFAULT-VALUE})")
    URI server;

    @Option(names = "--ca-cert", paramLabel = "PEM", description = "the CA that signed the server's certificate (mutual TLS)")
    Path caCert;

    @Option(names = "--client-cert", paramLabel = "PEM", description = "this client's certificate (mutual TLS; with --client-key and --ca-cert)")
    Path clientCert;

    @Option(names = "--client-key", paramLabel = "PEM", description = "the unencrypted key of --client-cert")
    Path clientKey;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "the bearer token of a 'trellis serve' (serve.token); for a loopback --server your own serve's token is found without it")
    Path tokenFile;

    /** A TLS file or token file that cannot be used: said in one line, exit 2. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    ControlPlane connect() throws Unusable {
        SSLContext tls = null;
        if (caCert != null || clientCert != null || clientKey != null) {
            if (caCert == null || clientCert == null || clientKey == null) {
                throw new Unusable("mutual TLS needs all three of --ca-cert, --client-cert and --client-key; "
                        + (caCert == null ? "--ca-cert" : clientCert == null ? "--client-cert" : "--client-key") + " is missing");
            }
            try {
                tls = MutualTls.context(clientCert, clientKey, caCert);
            } catch (MutualTls.Unusable e) {
                throw new Unusable(e.getMessage());
            }
        }
        Optional<String> token;
        try {
            token = ServeToken.forServer(server, tokenFile, ServeToken.defaultFile());
        } catch (IOException e) {
            throw new Unusable("cannot read the token file " + (tokenFile != null ? tokenFile : ServeToken.defaultFile())
                    + ": " + e.getMessage() + "; pass the file 'trellis serve' wrote with --token-file FILE");
        }
        return new RestControlPlane(server, tls, Duration.ofSeconds(5), Duration.ofSeconds(30), token.orElse(null));
    }
}
