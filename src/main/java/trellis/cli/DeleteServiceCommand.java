package trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trellis.engine.ControlPlane;
import trellis.spec.Database;
import trellis.spec.Json;
import trellis.spec.Secrets;

@Command(name = "delete-service", mixinStandardHelpOptions = true,
        description = {"Removes one service from a database: sends the database's full spec without it (the Control Plane",
                "deletes a service left out), after the plan and a question, and follows the task. The service's",
                "connect_as database user stays. The server never sends passwords or keys back, so give them with --secrets."},
        footer = ServerCommand.EXITS)
final class DeleteServiceCommand extends ServerCommand {
    @Parameters(index = "0", paramLabel = "DB", description = "the database id")
    String databaseId;

    @Parameters(index = "1", paramLabel = "SERVICE", description = "the service_id to remove")
    String serviceId;

    @Option(names = "--secrets", paramLabel = "SECRETS",
            description = "a spec or body with the database's passwords and keys (an update replaces the whole spec)")
    Path secretsFile;

    @Option(names = {"-y", "--yes"}, description = "remove without asking")
    boolean yes;

    @Option(names = "--dry-run", description = "show the plan, send nothing")
    boolean dryRun;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "how long to follow the task (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    int run(ControlPlane cp) throws Exception {
        Database current = cp.database(databaseId);
        ObjectNode spec = (ObjectNode) Json.toTree(current.spec());
        ArrayNode kept = Json.MAPPER.createArrayNode();
        List<String> ids = new ArrayList<>();
        JsonNode removed = null;
        for (JsonNode s : spec.path("services")) {
            ids.add(s.path("service_id").asText());
            if (serviceId.equals(s.path("service_id").asText())) {
                removed = s;
            } else {
                kept.add(s);
            }
        }
        if (removed == null) {
            err().println("delete-service: database '" + databaseId + "' has no service '" + serviceId + "'; "
                    + (ids.isEmpty() ? "it has no services" : "its services: " + String.join(", ", ids)));
            err().flush();
            return 1;
        }
        spec.set("services", kept);
        JsonNode full = spec;
        if (secretsFile != null) {
            try {
                full = Secrets.merge(spec, SpecFile.read(secretsFile).spec());
            } catch (SpecFile.Unreadable e) {
                return unreadable(e);
            }
        }
        List<String> missing = Secrets.missing(full);
        if (!missing.isEmpty()) {
            out().println("Not sent: an update replaces the whole spec, and the server does not send these secrets back:");
            missing.forEach(m -> out().println("  " + m));
            out().println("Pass the database's spec file with --secrets FILE.");
            out().flush();
            return 1;
        }
        String user = removed.path("connect_as").asText("");
        if (!json && !user.isEmpty()) {
            out().println("The database user '" + user + "' (connect_as of '" + serviceId + "') stays: only the service is removed.");
        }
        return ServerChange.run(cp, databaseId, current, full,
                new ServerChange.Asked(yes, dryRun, json, Duration.ofSeconds(timeoutSeconds), "delete-service"), out(), err());
    }
}
