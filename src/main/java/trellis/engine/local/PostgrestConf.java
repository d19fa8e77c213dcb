package trellis.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * postgrest.conf as the Control Plane writes it (database/postgrest_service_config.go
 * GenerateConf): the db-uri carries the connect_as credentials and every target node, so no
 * credential is ever an environment variable; the other keys take the parser's defaults.
 */
final class PostgrestConf {
    private PostgrestConf() {
    }

    /** A host:port a container reaches a node at. */
    record Endpoint(String host, int port) {
    }

    static String generate(JsonNode config, String user, String password, String database, List<Endpoint> hosts,
                           String targetSessionAttrs) {
        StringBuilder b = new StringBuilder();
        line(b, "db-uri", dbUri(user, password, database, hosts, targetSessionAttrs));
        line(b, "db-schemas", text(config, "db_schemas", "public"));
        line(b, "db-anon-role", text(config, "db_anon_role", ""));
        b.append("db-pool = ").append(config != null && config.path("db_pool").isNumber() ? config.get("db_pool").asLong() : 10).append('\n');
        b.append("db-max-rows = ").append(config != null && config.path("max_rows").isNumber() ? config.get("max_rows").asLong() : 1000).append('\n');
        for (String[] k : new String[][]{{"jwt_secret", "jwt-secret"}, {"jwt_aud", "jwt-aud"},
                {"jwt_role_claim_key", "jwt-role-claim-key"}, {"server_cors_allowed_origins", "server-cors-allowed-origins"}}) {
            if (config != null && config.path(k[0]).isTextual()) {
                line(b, k[1], config.get(k[0]).asText());
            }
        }
        return b.toString();
    }

    /** postgresql://user:pass@host1:port1,host2:port2/db[?target_session_attrs=...], escaped as Go's url package does. */
    static String dbUri(String user, String password, String database, List<Endpoint> hosts, String targetSessionAttrs) {
        StringBuilder b = new StringBuilder("postgresql://").append(userInfo(user));
        if (password != null) {
            b.append(':').append(userInfo(password));
        }
        b.append('@');
        for (int i = 0; i < hosts.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(hosts.get(i).host()).append(':').append(hosts.get(i).port());
        }
        b.append('/').append(URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20"));
        if (targetSessionAttrs != null && !targetSessionAttrs.isEmpty()) {
            b.append("?target_session_attrs=").append(URLEncoder.encode(targetSessionAttrs, StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static String userInfo(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Go's %q: a double-quoted string with backslash escapes. */
    private static void line(StringBuilder b, String key, String value) {
        b.append(key).append(" = \"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        b.append("\"\n");
    }

    private static String text(JsonNode config, String key, String fallback) {
        return config != null && config.path(key).isTextual() ? config.get(key).asText() : fallback;
    }
}
