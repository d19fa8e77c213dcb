package trellis.engine.local;

/**
 * The parts of an image reference, {@code [registry/]repository[:tag|@digest]}, as Docker reads
 * them: a colon after the last slash starts the tag; one before it is a registry's port
 * ({@code 127.0.0.1:5000/pgedge/postgrest}).
 */
final class ImageReference {
    /** Docker Hub's name when a reference names no registry. */
    static final String DOCKER_HUB = "docker.io";

    private ImageReference() {
    }

    /** The registry of a reference: its first part when that looks like a host (a dot, a port, localhost). */
    static String registry(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return DOCKER_HUB;
        }
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost") ? first : DOCKER_HUB;
    }

    /** The reference without its tag or digest. */
    static String repository(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.substring(0, at);
        }
        int colon = tagColon(image);
        return colon < 0 ? image : image.substring(0, colon);
    }

    /** The tag of a reference ({@code latest} when it names none); null for a digest. */
    static String tag(String image) {
        if (image.contains("@")) {
            return null;
        }
        int colon = tagColon(image);
        return colon < 0 ? "latest" : image.substring(colon + 1);
    }

    /** Whether a reference carries its own tag or digest (a trailing colon is not a tag). */
    static boolean hasTag(String image) {
        if (image.contains("@")) {
            return true;
        }
        int colon = tagColon(image);
        return colon >= 0 && colon < image.length() - 1;
    }

    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?(:[0-9]{1,5})?");
    private static final java.util.regex.Pattern PATH_PART = java.util.regex.Pattern.compile("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*");
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final java.util.regex.Pattern DIGEST = java.util.regex.Pattern.compile("[a-z0-9]+([+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}");

    /**
     * What Docker would refuse in a reference, in words; empty when it can be pulled. A reference
     * without a tag is a repository: the spec's version becomes its tag.
     */
    static java.util.Optional<String> problem(String image) {
        String s = image == null ? "" : image.strip();
        if (s.isEmpty()) {
            return java.util.Optional.of("it is empty");
        }
        if (!s.equals(image) || s.chars().anyMatch(Character::isWhitespace)) {
            return java.util.Optional.of("it contains a space");
        }
        String rest = s;
        int at = s.indexOf('@');
        if (at >= 0) {
            if (!DIGEST.matcher(s.substring(at + 1)).matches()) {
                return java.util.Optional.of("'" + s.substring(at + 1) + "' is not a digest (sha256: and 64 hex digits)");
            }
            rest = s.substring(0, at);
        }
        int colon = tagColon(rest);
        if (colon >= 0) {
            String tag = rest.substring(colon + 1);
            if (!TAG.matcher(tag).matches()) {
                return java.util.Optional.of(tag.isEmpty() ? "the tag after ':' is empty" : "'" + tag + "' is not a tag (letters, digits, '_', '.', '-')");
            }
            rest = rest.substring(0, colon);
        }
        String[] parts = rest.split("/", -1);
        int first = 0;
        if (parts.length > 1 && !DOCKER_HUB.equals(registry(rest))) {
            if (!HOST.matcher(parts[0]).matches()) {
                return java.util.Optional.of("'" + parts[0] + "' is not a registry host[:port]");
            }
            first = 1;
        }
        for (int i = first; i < parts.length; i++) {
            if (!PATH_PART.matcher(parts[i]).matches()) {
                return java.util.Optional.of(parts[i].isEmpty() ? "it has an empty name between slashes"
                        : "'" + parts[i] + "' is not a repository name (lower-case letters, digits, '.', '_', '-')");
            }
        }
        return java.util.Optional.empty();
    }

    /** Where the tag's colon is, or -1. */
    private static int tagColon(String image) {
        return image.indexOf(':', image.lastIndexOf('/') + 1);
    }
}
