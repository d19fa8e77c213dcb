package trellis.engine.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code trellis serve} checks of every request before it does anything for it: the Host
 * header (DNS rebinding), the Origin (cross-site pages), the bearer token, and a body only as JSON
 * of a bounded size. Each refusal answers in the contract's error shape, naming the way out.
 */
final class RequestGuard {
    private final ApiServer.Options options;
    private final Set<String> hosts;
    private final int port;

    RequestGuard(ApiServer.Options options, InetSocketAddress bound) {
        this.options = options;
        this.hosts = hostNames(bound, options.allowedHosts);
        this.port = bound.getPort();
    }

    /** What a Host header may say: this server by a loopback name or its bound address, with its port. */
    static Set<String> hostNames(InetSocketAddress bound, Set<String> extra) {
        int port = bound.getPort();
        Set<String> names = new HashSet<>(List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port));
        InetAddress a = bound.getAddress();
        if (a != null && !a.isAnyLocalAddress()) {
            String literal = a.getHostAddress();
            int zone = literal.indexOf('%');
            literal = zone >= 0 ? literal.substring(0, zone) : literal;
            names.add((a instanceof java.net.Inet6Address ? "[" + literal + "]" : literal) + ":" + port);
        }
        for (String h : extra) {
            names.add(h.contains(":") && !h.endsWith("]") ? h : h + ":" + port);
        }
        return Set.copyOf(names);
    }

    /**
     * Everything a request must be before anything is done for it: sent to this server by name
     * (DNS rebinding), not from a web page that was not allowed (cross-site), authenticated, and a
     * body only as JSON of a bounded size. False when it was answered here.
     */
    boolean admit(HttpExchange ex, String method) throws IOException {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || !hosts.contains(host.trim().toLowerCase(Locale.ROOT))) {
            ApiServer.error(ex, 421, "misdirected_request", "Host '" + host + "' is not this server; call it as 127.0.0.1:"
                    + port + " or localhost:" + port + " (start serve with --allow-host NAME to add a name)");
            return false;
        }
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            if (!options.allowedOrigins.contains(origin)) {
                ApiServer.error(ex, 403, "forbidden_origin", "requests from web pages at " + origin
                        + " are refused; start serve with --allow-origin " + origin + " to allow that page");
                return false;
            }
            ex.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            ex.getResponseHeaders().add("Vary", "Origin");
            if ("OPTIONS".equals(method)) {
                ex.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, DELETE");
                ex.getResponseHeaders().set("Access-Control-Allow-Headers", "Authorization, Content-Type");
                ex.getResponseHeaders().set("Access-Control-Max-Age", "600");
                ex.sendResponseHeaders(204, -1);
                return false;
            }
        }
        if (!ServeToken.matches(bearer(ex), options.token)) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            ApiServer.error(ex, 401, "unauthorized", "this server needs Authorization: Bearer <token>; the token is in serve.token"
                    + " in the data folder of the user running trellis serve (see its start message)");
            return false;
        }
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        boolean chunked = ex.getRequestHeaders().containsKey("Transfer-Encoding");
        long declared = 0;
        if (length != null) {
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                ApiServer.error(ex, 400, "invalid_input", "Content-Length '" + length + "' is not a number");
                return false;
            }
        }
        boolean hasBody = declared > 0 || chunked || Set.of("POST", "PUT", "PATCH").contains(method);
        if (hasBody && !isJson(ex.getRequestHeaders().getFirst("Content-Type"))) {
            ApiServer.error(ex, 415, "unsupported_media_type", "a request body must be sent as Content-Type: application/json, not "
                    + Objects.requireNonNullElse(ex.getRequestHeaders().getFirst("Content-Type"), "none"));
            return false;
        }
        if (declared > options.maxBody) {
            tooLarge(ex);
            return false;
        }
        return true;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json")) {
            return false;
        }
        for (String param : (semi < 0 ? "" : contentType.substring(semi + 1)).split(";")) {
            String p = param.trim().toLowerCase(Locale.ROOT).replace("\"", "");
            if (!p.isEmpty() && !p.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    void tooLarge(HttpExchange ex) throws IOException {
        // the rest of the body is not read: the connection is closed after this answer
        ex.getResponseHeaders().set("Connection", "close");
        ApiServer.error(ex, 413, "request_too_large", "the request body is larger than " + options.maxBody
                + " bytes; a spec is a few kilobytes (serve --max-body raises the limit)");
    }

    static String bearer(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return h.substring(7).trim();
    }

}
