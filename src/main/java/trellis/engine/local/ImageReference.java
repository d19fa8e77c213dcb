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

    /** Where the tag's colon is, or -1. */
    private static int tagColon(String image) {
        return image.indexOf(':', image.lastIndexOf('/') + 1);
    }
}
