package trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.spec.Database;
import trellis.spec.Instance;
import trellis.spec.Json;
import trellis.spec.PortMapping;
import trellis.spec.ServiceInstance;
import trellis.spec.ServiceInstanceStatus;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"A database's instances and service instances: state, health, host and ports.",
                "With --watch, redraws every 2 s until Ctrl+C."},
        footer = ServerCommand.EXITS)
final class StatusCommand extends ServerCommand {
    @Parameters(paramLabel = "DB", description = "the database id")
    String databaseId;

    @Option(names = "--watch", description = "redraw every 2 s until Ctrl+C (an error is shown and the watch goes on)")
    boolean watch;

    /** For tests: stop a watch after this many pictures (0: never). */
    @Option(names = "--watch-count", hidden = true, defaultValue = "0")
    int watchCount;

    @Option(names = "--interval", hidden = true, defaultValue = "2000", description = "milliseconds between pictures")
    long intervalMillis;

    @Override
    int run(ControlPlane cp) throws Exception {
        if (!watch) {
            show(cp.database(databaseId));
            return 0;
        }
        boolean terminal = System.console() != null;
        for (int n = 1; ; n++) {
            if (terminal) {
                out().print("\033[H\033[2J");
            }
            out().println("Every " + intervalMillis / 1000.0 + " s on " + cp.displayName() + ", Ctrl+C stops; "
                    + LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
            try {
                show(cp.database(databaseId));
            } catch (ControlPlaneException e) {
                out().println(e.getMessage());
                out().flush();
            }
            if (watchCount > 0 && n >= watchCount) {
                return 0;
            }
            Thread.sleep(intervalMillis);
        }
    }

    private void show(Database db) {
        PrintWriter out = out();
        if (json) {
            Output.json(out, Json.toTree(db));
            return;
        }
        out.println("Database '" + db.id() + "': " + Table.or(db.state()) + (db.updatedAt() != null ? " (updated " + db.updatedAt() + ")" : ""));
        List<String> errors = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"INSTANCE", "NODE", "HOST", "STATE", "HEALTH", "PORTS"});
        for (Instance i : db.instances() == null ? List.<Instance>of() : db.instances()) {
            JsonNode port = i.connectionInfo() == null ? null : i.connectionInfo().get("port");
            rows.add(new String[] {Table.or(i.id()), Table.or(i.nodeName()), Table.or(i.hostId()), Table.or(i.state()),
                    i.postgres() == null ? "-" : Table.or(i.postgres().path("patroni_state").asText(null)),
                    port == null ? "-" : port.asText()});
            if (i.error() != null && !i.error().isBlank()) {
                errors.add("  " + i.id() + ": " + i.error());
            }
        }
        if (rows.size() > 1) {
            Table.print(out, rows, "  ");
        } else {
            out.println("  no instances");
        }
        rows.clear();
        rows.add(new String[] {"SERVICE INSTANCE", "SERVICE", "HOST", "STATE", "HEALTH", "PORTS"});
        for (ServiceInstance s : db.serviceInstances() == null ? List.<ServiceInstance>of() : db.serviceInstances()) {
            ServiceInstanceStatus st = s.status();
            String health = st == null || st.healthCheck() == null ? "-" : Table.or(st.healthCheck().status());
            rows.add(new String[] {Table.or(s.serviceInstanceId()), Table.or(s.serviceId()), Table.or(s.hostId()), Table.or(s.state()),
                    health, ports(st)});
            if (s.error() != null && !s.error().isBlank()) {
                errors.add("  " + s.serviceInstanceId() + ": " + s.error());
            }
        }
        if (rows.size() > 1) {
            Table.print(out, rows, "  ");
        } else {
            out.println("  no service instances");
        }
        if (!errors.isEmpty()) {
            out.println("Errors:");
            errors.forEach(out::println);
        }
        out.flush();
    }

    /** "3100->8080" (published on the host -> in the container), comma-separated; "8080" when not published. */
    private static String ports(ServiceInstanceStatus st) {
        if (st == null || st.ports() == null || st.ports().isEmpty()) {
            return "-";
        }
        List<String> out = new ArrayList<>();
        for (PortMapping p : st.ports()) {
            String inside = p.containerPort() == null ? "?" : String.valueOf(p.containerPort());
            out.add(p.hostPort() == null ? inside : p.hostPort() + "->" + inside);
        }
        return String.join(",", out);
    }
}
