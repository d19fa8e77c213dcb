package trellis.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.Secrets;

/**
 * The side-by-side JSON diff of two specs the review shows: each side as indented JSON with the
 * fields a person does not write hidden (those the contract's create body does not name, which the
 * server adds to what it returns) and every secret shown as {@link #MASK}, then lined up row by row
 * (a longest-common-subsequence line diff). No JavaFX.
 */
public final class SpecDiff {
    /** What a secret reads as on the review. */
    public static final String MASK = "••••";

    /** The fields the contract's create body names; any other is the server's and is hidden. */
    private static final Set<String> SPEC_FIELDS = Set.of("backup_config", "cpus", "database_name", "database_users", "memory",
            "nodes", "orchestrator_opts", "patroni_port", "pg_hba_conf", "pg_ident_conf", "port", "postgres_version",
            "postgresql_conf", "restore_config", "scripts", "services", "spock_version");
    private static final Set<String> SERVICE_FIELDS = Set.of("config", "connect_as", "cpus", "database_connection", "host_ids",
            "memory", "orchestrator_opts", "port", "service_id", "service_type", "version");
    private static final Set<String> USER_FIELDS = Set.of("attributes", "db_owner", "password", "roles", "username");

    private SpecDiff() {
    }

    public enum Kind { SAME, CHANGED, ADDED, REMOVED }

    /** One row of the side-by-side view; a side without a line there is null. */
    public record Row(String before, String after, Kind kind) {
    }

    /** A spec as the review shows it: server-owned fields hidden, secrets masked; the input is left alone. */
    public static JsonNode shown(DatabaseSpec spec) {
        if (spec == null) {
            return Json.MAPPER.createObjectNode();
        }
        ObjectNode tree = (ObjectNode) Json.toTree(spec).deepCopy();
        tree.retain(SPEC_FIELDS);
        tree.path("services").forEach(s -> {
            if (s instanceof ObjectNode o) {
                o.retain(SERVICE_FIELDS);
            }
        });
        tree.path("database_users").forEach(u -> {
            if (u instanceof ObjectNode o) {
                o.retain(USER_FIELDS);
            }
        });
        mask(tree);
        return tree;
    }

    /** The lines of {@link #shown}. */
    public static List<String> lines(DatabaseSpec spec) {
        return List.of(Json.write(shown(spec)).split("\\R"));
    }

    /** The two specs lined up: unchanged lines side by side, a run of changed lines paired, added and removed alone. */
    public static List<Row> rows(DatabaseSpec before, DatabaseSpec after) {
        return align(lines(before), lines(after));
    }

    static List<Row> align(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Row> out = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        List<String> come = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                flush(gone, come, out);
                out.add(new Row(a.get(i), b.get(j), Kind.SAME));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                come.add(b.get(j++));
            } else {
                gone.add(a.get(i++));
            }
        }
        flush(gone, come, out);
        return out;
    }

    /** A run of differing lines: a removed and an added line of the same key are one changed row, in order. */
    private static void flush(List<String> gone, List<String> come, List<Row> out) {
        int g = 0;
        for (String c : come) {
            int match = -1;
            for (int x = g; x < gone.size(); x++) {
                if (key(gone.get(x)).equals(key(c))) {
                    match = x;
                    break;
                }
            }
            if (match < 0) {
                out.add(new Row(null, c, Kind.ADDED));
                continue;
            }
            while (g < match) {
                out.add(new Row(gone.get(g++), null, Kind.REMOVED));
            }
            out.add(new Row(gone.get(g++), c, Kind.CHANGED));
        }
        while (g < gone.size()) {
            out.add(new Row(gone.get(g++), null, Kind.REMOVED));
        }
        gone.clear();
        come.clear();
    }

    private static String key(String line) {
        int colon = line.indexOf(" : ");
        return colon < 0 ? line.strip() : line.substring(0, colon);
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            List<String> secret = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : obj.properties()) {
                if (Secrets.isSecretKey(e.getKey()) && !e.getValue().isNull()) {
                    secret.add(e.getKey());
                } else {
                    mask(e.getValue());
                }
            }
            secret.forEach(k -> obj.set(k, TextNode.valueOf(MASK)));
        } else if (node instanceof ArrayNode arr) {
            arr.forEach(SpecDiff::mask);
        }
    }
}
