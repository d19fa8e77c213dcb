package trellis.ui.wizard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A database user added from the wizard's connect_as page; no JavaFX. */
final class NewUsers {
    private NewUsers() {
    }

    /** Why a user of this name and password cannot be added next to those named, or null when it can. */
    static String problem(String username, String password, List<String> existing) {
        String name = username == null ? "" : username.trim();
        if (name.isEmpty()) {
            return "Give the new user a username.";
        }
        if (existing.contains(name)) {
            return "The database already has a user named \"" + name + "\"; pick it in the list instead.";
        }
        if (password == null || password.isEmpty()) {
            return "Give \"" + name + "\" a password: the service connects with it.";
        }
        return null;
    }

    /** The database_users entry; roles and attributes are comma-separated lists. */
    static ObjectNode user(String username, String password, String roles, String attributes) {
        ObjectNode u = JsonNodeFactory.instance.objectNode();
        u.put("username", username.trim());
        u.put("password", password);
        List<String> attrs = split(attributes);
        if (!attrs.isEmpty()) {
            ArrayNode a = u.putArray("attributes");
            attrs.forEach(a::add);
        }
        List<String> roleList = split(roles);
        if (!roleList.isEmpty()) {
            ArrayNode r = u.putArray("roles");
            roleList.forEach(r::add);
        }
        return u;
    }

    static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (String s : list.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }
}
