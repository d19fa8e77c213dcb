package trellis.engine.local.nodes;

import java.util.Objects;

/** Where node passwords come from when no person typed them: an environment variable, named, never stored. */
final class Passwords {
    private Passwords() {
    }

    /** The value of {@code variable}; empty when there is no variable or it is not set (trust or peer authentication). */
    static String fromEnv(String variable) {
        return variable == null ? "" : Objects.requireNonNullElse(System.getenv(variable), "");
    }
}
