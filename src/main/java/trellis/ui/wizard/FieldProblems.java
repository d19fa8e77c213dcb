package trellis.ui.wizard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import trellis.spec.validation.Problem;
import trellis.spec.validation.SpecValidator;
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
    /** An element of a list field ({@code host_ids[1]}) is the list's field; compiled once, not per problem and keystroke. */
    private static final Pattern LIST_ELEMENT = Pattern.compile("^(host_ids|database_connection\\.target_nodes)\\[\\d+]$");

    private FieldProblems() {
    }

    /** Fields the contract's schema checks, with a value that passes it, to look past them. */
    private static final List<String> SHAPED = List.of("host_ids", "version", "port", "service_id", "connect_as", "cpus", "memory");

    /**
     * The validator's problems of the spec, and those it would find once the contract's shape is
     * met. The validator stops at the contract's shape (as the Control Plane does), so an empty host
     * list on a later page would hide a bad service id on this one: the fields out of shape are given
     * a value that passes and the spec is checked again, until no new field is in trouble.
     */
    static List<Problem> throughShape(String databaseId, ObjectNode spec, int serviceIndex, List<Placement.HostChoice> hosts) {
        List<Problem> all = new ArrayList<>(SpecValidator.validateSpec(databaseId, spec));
        Set<String> seen = new LinkedHashSet<>();
        all.forEach(p -> seen.add(fieldOf(p.path(), serviceIndex, Integer.MAX_VALUE)));
        ObjectNode probe = spec;
        for (int round = 0; round < 3; round++) {
            ObjectNode next = probe.deepCopy();
            ObjectNode svc = (ObjectNode) next.withArray("services").get(serviceIndex);
            boolean patched = false;
            for (String key : seen) {
                if (SHAPED.contains(key) && svc != null) {
                    patched = true;
                    switch (key) {
                        case "host_ids" -> svc.putArray("host_ids").add(hosts.isEmpty() ? "host-1" : hosts.get(0).hostId());
                        case "version" -> svc.put("version", "latest");
                        case "service_id" -> svc.put("service_id", "probe-" + serviceIndex);
                        default -> svc.remove(key);
                    }
                }
            }
            if (!patched) {
                break;
            }
            probe = next;
            boolean grew = false;
            for (Problem p : SpecValidator.validateSpec(databaseId, probe)) {
                String key = fieldOf(p.path(), serviceIndex, Integer.MAX_VALUE);
                if (!seen.contains(key)) {
                    all.add(p);
                    grew = true;
                }
            }
            all.forEach(p -> seen.add(fieldOf(p.path(), serviceIndex, Integer.MAX_VALUE)));
            if (!grew) {
                break;
            }
        }
        return all;
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
            return LIST_ELEMENT.matcher(rest).replaceAll("$1");
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
