package trellis.spec.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Control Plane's rules for the PostgreSQL configuration a spec or node carries
 * ({@code postgresql_conf}, {@code pg_hba_conf}, {@code pg_ident_conf}), from
 * {@code server/internal/api/apiv1/validate.go}; part of {@link SpecRules}.
 */
final class PostgresConfRules extends RuleSet {
    private static final Set<String> HBA_TYPES = Set.of("local", "host", "hostssl", "hostnossl", "hostgssenc",
            "hostnogssenc", "include", "include_if_exists", "include_dir");
    private static final Set<String> INCLUDE_TYPES = Set.of("include", "include_if_exists", "include_dir");

    PostgresConfRules(List<Problem> out) {
        super(out);
    }

    /** validate.go validateAuthFileGUCs. */
    void authFileGucs(JsonNode conf, String p) {
        conf.fieldNames().forEachRemaining(key -> {
            String k = key.trim().toLowerCase(Locale.ROOT);
            if (k.equals("hba_file") || k.equals("ident_file")) {
                add(p + "[" + key + "]", "\"" + key + "\" is not allowed: it overrides the control-plane-managed "
                        + "pg_hba.conf/pg_ident.conf and would make pg_hba_conf/pg_ident_conf entries ineffective");
            }
        });
    }

    /** validate.go validateConfLibraries. */
    void confLibraries(JsonNode conf, String p) {
        var it = conf.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getKey().trim().toLowerCase(Locale.ROOT).equals("shared_preload_libraries")) {
                continue;
            }
            if (!e.getValue().isTextual()) {
                add(p + "[" + e.getKey() + "]", "\"" + e.getKey() + "\" must be a string");
                return;
            }
            for (String lib : e.getValue().asText().split(",", -1)) {
                if (lib.trim().equals("spock")) {
                    return;
                }
            }
            add(p + "[" + e.getKey() + "]", "\"spock\" must be included in shared_preload_libraries");
            return;
        }
    }

    /** validate.go validatePgHbaConf with hba.ParseEntry. */
    void pgHba(JsonNode lines, String p) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).asText();
            if (GoParse.isHbaComment(line)) {
                continue;
            }
            String err = hbaEntryError(line);
            if (err != null) {
                add(p + "[" + i + "]", "invalid pg_hba entry \"" + line + "\": " + err);
            }
        }
    }

    private static String hbaEntryError(String line) {
        List<String> tokens = GoParse.hbaTokens(line);
        if (tokens == null) {
            return "unterminated quoted string";
        }
        if (tokens.isEmpty()) {
            return "empty entry";
        }
        String type = tokens.get(0);
        if (!HBA_TYPES.contains(type)) {
            return "unknown connection type \"" + type + "\"";
        }
        if (INCLUDE_TYPES.contains(type)) {
            return tokens.size() != 2 ? type + " requires exactly one path argument" : null;
        }
        if (type.equals("local")) {
            return tokens.size() < 4 ? "local entry requires database, user, and an auth method" : null;
        }
        return tokens.size() < 5 ? type + " entry requires database, user, address, and an auth method" : null;
    }

    /** validate.go validatePgIdentConf with hba.ParseIdent. */
    void pgIdent(JsonNode lines, String p) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).asText();
            if (GoParse.isHbaComment(line)) {
                continue;
            }
            List<String> tokens = GoParse.hbaTokens(line);
            String err;
            if (tokens == null) {
                err = "unterminated quoted string";
            } else if (tokens.isEmpty()) {
                err = "empty entry";
            } else if (INCLUDE_TYPES.contains(tokens.get(0))) {
                err = tokens.size() != 2 ? tokens.get(0) + " requires exactly one path argument" : null;
            } else {
                err = tokens.size() != 3 ? "pg_ident entry requires map-name, system-username, and postgres-username" : null;
            }
            if (err != null) {
                add(p + "[" + i + "]", "invalid pg_ident entry \"" + line + "\": " + err);
            }
        }
    }
}
