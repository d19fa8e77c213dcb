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
    private PullFailure() {
    }

    /** The sentence for a failed pull of {@code image}, from the exception's message. */
    static String describe(String image, Throwable e) {
        String raw = engineWords(e);
        String m = raw.toLowerCase(Locale.ROOT);
        String registry = ImageReference.registry(image);
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
            String tag = ImageReference.tag(image);
            return tag == null ? "digest " + image.substring(image.indexOf('@') + 1) + " does not exist in " + ImageReference.repository(image)
                    : "tag " + tag + " does not exist in " + ImageReference.repository(image);
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
