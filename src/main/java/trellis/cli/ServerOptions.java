package trellis.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;
import trellis.engine.ConnectionProfile;
import trellis.engine.ControlPlane;
import trellis.engine.http.ClientTls;
import trellis.engine.http.MutualTls;
import trellis.engine.http.RestControlPlane;
import trellis.engine.http.ServeToken;

/** How a command reaches a Control Plane (or a 'trellis serve'): the URL, mutual TLS and a bearer token. */
final class ServerOptions {
    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:3000",
            description = "the Control Plane (or 'trellis serve') (default: ${DEFAULT-VALUE})")
    URI server;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "a connection profile saved in the console (profiles.json): its URL, certificates and timeouts")
    String profile;

    @Option(names = "--ca-cert", paramLabel = "PEM", description = "the CA that signed the server's certificate (without it, the CAs this Java trusts)")
    Path caCert;

    @Option(names = "--client-cert", paramLabel = "PEM", description = "this client's certificate (mutual TLS; with --client-key)")
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
        URI url = server;
        Path ca = caCert;
        Path cert = clientCert;
        Path key = clientKey;
        Duration connectTimeout = Duration.ofSeconds(5);
        Duration requestTimeout = Duration.ofSeconds(30);
        if (profile != null) {
            if (caCert != null || clientCert != null || clientKey != null) {
                throw new Unusable("--profile " + profile + " brings its own certificates; give --profile or --ca-cert/--client-cert/--client-key, not both");
            }
            ConnectionProfile p = ServerProfile.named(profile, ServerProfile.file());
            url = p.uri();
            ca = p.caPath();
            cert = p.clientCertPath();
            key = p.clientKeyPath();
            connectTimeout = p.connectTimeout();
            requestTimeout = p.requestTimeout();
        } else if ((clientCert == null) != (clientKey == null)) {
            throw new Unusable("--client-cert and --client-key go together; " + (clientCert == null ? "--client-cert" : "--client-key") + " is missing");
        }
        ClientTls tls = null;
        if (ca != null || cert != null || key != null) {
            try {
                tls = ClientTls.of(cert, key, ca);
            } catch (MutualTls.Unusable e) {
                throw new Unusable(e.getMessage());
            }
        }
        server = url;
        Optional<String> token;
        try {
            token = ServeToken.forServer(server, tokenFile, ServeToken.defaultFile());
        } catch (IOException e) {
            throw new Unusable("cannot read the token file " + (tokenFile != null ? tokenFile : ServeToken.defaultFile())
                    + ": " + e.getMessage() + "; pass the file 'trellis serve' wrote with --token-file FILE");
        }
        RestControlPlane cp = new RestControlPlane(server, tls, connectTimeout, requestTimeout, token.orElse(null));
        return profile != null ? cp.named(profile) : cp;
    }
}
