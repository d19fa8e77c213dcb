package trellis.ui.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import trellis.spec.DatabaseSpec;
import trellis.spec.DatabaseUser;
import trellis.spec.Json;
import trellis.spec.ServiceSpec;

/**
 * The Database users dialog's decisions, without JavaFX: the users of a spec, which services
 * connect as each, and the edits (add or change a user, remove one no service connects as). Each
 * edit returns a new spec with every other field as it was; the dialog runs it as an EditSpecAction.
 */
public final class DatabaseUsers {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$.-]{0,62}");

    private DatabaseUsers() {
    }

    public static List<DatabaseUser> of(DatabaseSpec spec) {
        return spec.databaseUsers() == null ? List.of() : spec.databaseUsers();
    }

    public static Optional<DatabaseUser> named(DatabaseSpec spec, String username) {
        return of(spec).stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** The services that connect as this user, by id, in the spec's order. */
    public static List<String> connectedBy(DatabaseSpec spec, String username) {
        return (spec.services() == null ? List.<ServiceSpec>of() : spec.services()).stream()
                .filter(s -> username.equals(s.connectAs())).map(ServiceSpec::serviceId).toList();
    }

    /** Why the user cannot be removed, or empty when it can. */
    public static Optional<String> whyNotRemovable(DatabaseSpec spec, String username) {
        List<String> by = connectedBy(spec, username);
        if (by.isEmpty()) {
            return Optional.empty();
        }
        String services = String.join(", ", by.stream().map(s -> "'" + s + "'").toList());
        return Optional.of("User '" + username + "' cannot be removed: " + (by.size() == 1 ? "service " : "services ")
                + services + (by.size() == 1 ? " connects" : " connect") + " as it. Give "
                + (by.size() == 1 ? "that service" : "those services") + " another connect_as user first (Edit service).");
    }

    /**
     * What is wrong with an edit of a user, in words naming the field, or empty.
     *
     * @param original the username being changed, or null for a new user
     * @param password the password typed; blank keeps the old one (a new user must have one)
     */
    public static Optional<String> problem(DatabaseSpec spec, String original, String username, String password) {
        if (username == null || username.isBlank()) {
            return Optional.of("Username: enter a name, e.g. reporter.");
        }
        if (!NAME.matcher(username).matches()) {
            return Optional.of("Username: '" + username + "' is not a PostgreSQL role name; use letters, digits and _ "
                    + "(at most 63), starting with a letter or _.");
        }
        if (!username.equals(original) && named(spec, username).isPresent()) {
            return Optional.of("Username: '" + username + "' is already a user of this database; pick another name.");
        }
        if (original != null && !username.equals(original) && !connectedBy(spec, original).isEmpty()) {
            return Optional.of("Username: '" + original + "' cannot be renamed while a service connects as it.");
        }
        boolean hadPassword = original != null && named(spec, original).map(u -> u.password() != null).orElse(false);
        if ((password == null || password.isEmpty()) && original == null) {
            return Optional.of("Password: a new user needs a password.");
        }
        if ((password == null || password.isEmpty()) && original != null && !hadPassword && !username.equals(original)) {
            return Optional.of("Password: enter the password again for the renamed user.");
        }
        return Optional.empty();
    }

    /**
     * The spec with the user added (original null) or changed in place; a blank password keeps the
     * one it had; fields the dialog does not show are kept.
     */
    public static DatabaseSpec withUser(DatabaseSpec spec, String original, String username, String password, boolean dbOwner,
                                        List<String> attributes, List<String> roles) {
        List<DatabaseUser> users = new ArrayList<>(of(spec));
        DatabaseUser old = original == null ? null : named(spec, original).orElse(null);
        String pw = password == null || password.isEmpty() ? (old == null ? null : old.password()) : password;
        DatabaseUser next = new DatabaseUser(username, pw, dbOwner ? Boolean.TRUE : (old != null && old.dbOwner() != null ? Boolean.FALSE : null),
                attributes.isEmpty() && (old == null || old.attributes() == null) ? null : List.copyOf(attributes),
                roles.isEmpty() && (old == null || old.roles() == null) ? null : List.copyOf(roles),
                old == null ? new LinkedHashMap<>() : old.extra());
        if (old == null) {
            users.add(next);
        } else {
            users.set(users.indexOf(old), next);
        }
        return withUsers(spec, users);
    }

    /** The spec without the user; refuses when a service connects as it (the reason is the message). */
    public static DatabaseSpec withoutUser(DatabaseSpec spec, String username) {
        whyNotRemovable(spec, username).ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        return withUsers(spec, of(spec).stream().filter(u -> !u.username().equals(username)).toList());
    }

    private static DatabaseSpec withUsers(DatabaseSpec spec, List<DatabaseUser> users) {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.toTree(spec).deepCopy();
        tree.set("database_users", Json.toTree(users));
        return Json.convert(tree, DatabaseSpec.class);
    }
}
