package trellis.ui.wizard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import trellis.spec.validation.Problem;
import trellis.ui.wizard.ServiceWizardModel.Page;

/**
 * The validator's problems of a whole spec, put at the wizard's fields: a path under the edited
 * service ({@code services[3].config.db_pool}) becomes its field key ({@code config.db_pool}), a
 * problem of a user added in the wizard becomes {@code database_users}, any other is
 * {@link #OTHER} unless the spec had it before.
 */
final class FieldProblems {
    static final String OTHER = "other";
    private static final Pattern SERVICE_PATH = Pattern.compile("^services\\[(\\d+)](?:\\.(.*))?$");
    private static final Pattern USER_PATH = Pattern.compile("^database_users\\[(\\d+)].*");

    private FieldProblems() {
    }

    static Map<String, List<String>> byField(List<Problem> problems, int serviceIndex, int existingUsers, Set<String> earlier) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Problem p : problems) {
            String key = fieldOf(p.path(), serviceIndex, existingUsers);
            if (key.equals(OTHER) && earlier.contains(p.toString())) {
                continue; // already in the spec before the wizard: not this service's to fix
            }
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(p.message());
        }
        return out;
    }

    static String fieldOf(String path, int serviceIndex, int existingUsers) {
        Matcher m = SERVICE_PATH.matcher(path);
        if (m.matches() && Integer.parseInt(m.group(1)) == serviceIndex) {
            String rest = m.group(2);
            if (rest == null || rest.isEmpty()) {
                return "service_id"; // "service IDs must be unique within a database"
            }
            return rest.replaceAll("^(host_ids|database_connection\\.target_nodes)\\[\\d+]$", "$1");
        }
        if (path.equals("database_users")) {
            return "database_users";
        }
        Matcher u = USER_PATH.matcher(path);
        if (u.matches() && Integer.parseInt(u.group(1)) >= existingUsers) {
            return "database_users";
        }
        return OTHER;
    }

    static Page pageOf(String field) {
        if (field.equals("service_type")) {
            return Page.TYPE;
        }
        if (field.equals("service_id") || field.equals("version")) {
            return Page.IDENTITY;
        }
        if (field.equals("host_ids")) {
            return Page.PLACEMENT;
        }
        if (field.equals("connect_as") || field.equals("database_users")) {
            return Page.CONNECT_AS;
        }
        if (field.equals("config") || field.startsWith("config.") || field.startsWith("config[")) {
            return Page.CONFIGURATION;
        }
        if (field.equals(OTHER)) {
            return Page.REVIEW;
        }
        return Page.RESOURCES;
    }

    static List<String> ofPage(Map<String, List<String>> byField, Page page) {
        List<String> out = new ArrayList<>();
        byField.forEach((field, messages) -> {
            if (pageOf(field) == page) {
                messages.forEach(msg -> out.add(field + ": " + msg));
            }
        });
        return out;
    }
}
