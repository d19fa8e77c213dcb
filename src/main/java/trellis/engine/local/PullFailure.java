package trellis.engine.local;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a pull failed, in words a person can act on, naming the image's registry: it cannot be
 * reached, the tag does not exist, or access is denied. From the messages of docker-java's
 * NotFoundException, InternalServerErrorException and DockerClientException, which carry the
 * engine's own words ({@code manifest unknown}, {@code connection refused}, {@code unauthorized}).
 */
final class PullFailure {
    private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Docker Hub's name when a reference names no registry. */
    static final String DOCKER_HUB = "docker.io";

    private PullFailure() {
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
        int colon = image.indexOf(':', image.lastIndexOf('/') + 1);
        return colon < 0 ? image : image.substring(0, colon);
    }

    /** The tag of a reference ({@code latest} when it names none); null for a digest. */
    static String tag(String image) {
        if (image.contains("@")) {
            return null;
        }
        int colon = image.indexOf(':', image.lastIndexOf('/') + 1);
        return colon < 0 ? "latest" : image.substring(colon + 1);
    }

    /** The sentence for a failed pull of {@code image}, from the exception's message. */
    static String describe(String image, Throwable e) {
        String raw = engineWords(e);
        String m = raw.toLowerCase(Locale.ROOT);
        String registry = registry(image);
        if (m.contains("unauthorized") || m.contains("authentication required") || m.contains("denied")
                || m.contains("no basic auth credentials")) {
            return "access denied: log in with docker login " + registry;
        }
        if (m.contains("no such host") || m.contains("connection refused") || m.contains("i/o timeout")
                || m.contains("network is unreachable") || m.contains("tls handshake") || m.contains("dial tcp")
                || m.contains("http response to https client") || m.contains("connection reset")) {
            return "registry " + registry + " cannot be reached: " + raw;
        }
        if (m.contains("manifest unknown") || m.contains("not found")) {
            String tag = tag(image);
            return tag == null ? "digest " + image.substring(image.indexOf('@') + 1) + " does not exist in " + repository(image)
                    : "tag " + tag + " does not exist in " + repository(image);
        }
        return "the pull failed: " + raw;
    }

    /** The engine's own words: the message field of its JSON answer when there is one, else the message. */
    static String engineWords(Throwable e) {
        Throwable t = e;
        String msg = null;
        while (t != null && msg == null) {
            msg = t.getMessage();
            t = t.getCause();
        }
        if (msg == null) {
            return e.getClass().getSimpleName();
        }
        Matcher j = JSON_MESSAGE.matcher(msg);
        String words = j.find() ? j.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : msg;
        return words.strip();
    }
}
