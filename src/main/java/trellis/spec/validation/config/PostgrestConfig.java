package trellis.spec.validation.config;

import java.util.List;
import java.util.Set;
import trellis.spec.validation.config.ServiceConfigRules.ConfigProblem;

/** postgrest_service_config.go ParsePostgRESTServiceConfig. */
final class PostgrestConfig {
    static final Set<String> KNOWN = Set.of("db_schemas", "db_anon_role", "db_pool", "max_rows", "jwt_secret",
            "jwt_aud", "jwt_role_claim_key", "server_cors_allowed_origins");

    private PostgrestConfig() {
    }

    static List<ConfigProblem> validate(ConfigMap c) {
        ServiceConfigRules.Problems p = new ServiceConfigRules.Problems();
        List<String> unknown = c.unknown(KNOWN);
        if (!unknown.isEmpty()) {
            p.add(unknown.size() == 1 ? unknown.get(0) : "", ConfigMap.unknownKeysMessage(unknown)
                    + " (PostgREST takes: db_anon_role, db_schemas, db_pool, max_rows, jwt_secret, jwt_aud, jwt_role_claim_key, server_cors_allowed_origins)");
        }
        if (c.has("db_schemas")) {
            var v = c.get("db_schemas");
            if (!v.isTextual()) {
                p.add("db_schemas", "db_schemas must be a string");
            } else if (v.asText().isEmpty()) {
                p.add("db_schemas", "db_schemas must not be empty");
            }
        }
        if (!c.has("db_anon_role")) {
            p.add("db_anon_role", "db_anon_role is required: name the role PostgREST uses for anonymous requests, e.g. web_anon");
        } else {
            var v = c.get("db_anon_role");
            if (!v.isTextual()) {
                p.add("db_anon_role", "db_anon_role must be a string");
            } else if (v.asText().isEmpty()) {
                p.add("db_anon_role", "db_anon_role must not be empty");
            }
        }
        range(c, p, "db_pool", 1, 30);
        range(c, p, "max_rows", 1, 10000);
        var jwt = c.optionalString("jwt_secret");
        if (jwt.error() != null) {
            p.add("jwt_secret", jwt.error());
        } else if (jwt.value() != null && GoJson.utf8Length(jwt.value()) < 32) {
            // Go's len() counts UTF-8 bytes, so 11 three-byte characters are enough
            p.add("jwt_secret", "jwt_secret must be at least 32 characters");
        }
        for (String key : List.of("jwt_aud", "jwt_role_claim_key", "server_cors_allowed_origins")) {
            var r = c.optionalString(key);
            if (r.error() != null) {
                p.add(key, r.error());
            }
        }
        return p.list;
    }

    private static void range(ConfigMap c, ServiceConfigRules.Problems p, String key, long min, long max) {
        if (!c.has(key)) {
            return;
        }
        var r = c.optionalInt(key);
        if (r.error() != null) {
            p.add(key, r.error());
        } else if (r.value() < min || r.value() > max) {
            p.add(key, key + " must be between " + min + " and " + max);
        }
    }
}
