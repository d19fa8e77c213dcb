package trellis.ui.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import trellis.engine.NodeChoice;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;

/**
 * The deploy dialog's per-node decisions without its controls: for each node of the spec, start
 * here (the default), attach to an existing server, or skip; what is wrong with what was typed;
 * and the choices the engine is given.
 */
public final class NodeChoices {
    private NodeChoices() {
    }

    /** The three answers as the dialog words them. */
    public enum Option {
        START("Start here"), ATTACH("Attach to an existing server"), SKIP("Skip");

        private final String label;

        Option(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One node's row as typed: the option and, for an attached server, where it is. The password is not held here. */
    public record Row(String node, Option option, String host, String port, String database, String user, boolean provision) {
        /** Start here, with the attach fields at their first values. */
        public static Row start(String node) {
            return new Row(node, Option.START, "127.0.0.1", "5432", "postgres", "postgres", true);
        }
    }

    /** The node names of a spec, in its order. */
    public static List<String> nodes(DatabaseSpec spec) {
        return spec.nodes() == null ? List.of() : spec.nodes().stream().map(DatabaseNode::name).toList();
    }

    /** The first thing wrong, naming the node, the field and the way out; empty when the deploy can go on. */
    public static Optional<String> problem(List<Row> rows) {
        for (Row r : rows) {
            if (r.option() != Option.ATTACH) {
                continue;
            }
            String at = "Node " + r.node() + " — ";
            if (blank(r.host())) {
                return Optional.of(at + "Host: enter the address of the PostgreSQL server (such as 127.0.0.1), or start it here.");
            }
            if (port(r.port()) < 0) {
                return Optional.of(at + "Port: '" + strip(r.port()) + "' is not a port; enter a number from 1 to 65535.");
            }
            if (blank(r.database())) {
                return Optional.of(at + "Database: enter the database to connect to (such as postgres).");
            }
            if (blank(r.user())) {
                return Optional.of(at + "Admin user: enter a role that may create roles and grant (such as postgres).");
            }
        }
        return Optional.empty();
    }

    /** What the engine is given, node by node; {@code password} gives the typed password of a node. Only when {@link #problem} is empty. */
    public static Map<String, NodeChoice> choices(List<Row> rows, Function<String, char[]> password) {
        Map<String, NodeChoice> out = new LinkedHashMap<>();
        for (Row r : rows) {
            out.put(r.node(), switch (r.option()) {
                case START -> NodeChoice.START;
                case SKIP -> NodeChoice.SKIP;
                case ATTACH -> NodeChoice.attach(strip(r.host()), port(r.port()), strip(r.database()), strip(r.user()),
                        password.apply(r.node()), r.provision());
            });
        }
        return out;
    }

    private static int port(String s) {
        try {
            int p = Integer.parseInt(strip(s));
            return p >= 1 && p <= 65535 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
