package trellis.topology;

import java.util.Locale;

/**
 * Where a service instance is in its life. The first four are the Control Plane's own states;
 * {@code PENDING} and {@code ORPHAN} are what Trellis infers by comparing the spec with what runs.
 */
public enum LifecycleState {
    CREATING, RUNNING, FAILED, DELETING,
    /** In the spec, not (yet) reported by the control plane. */
    PENDING,
    /** Reported by the control plane, no longer in the spec. */
    ORPHAN,
    /** A state string this version of Trellis does not know. */
    UNKNOWN;

    /** The word the API and the console use: {@code creating}, {@code running} ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LifecycleState fromApi(String state) {
        if (state == null) {
            return UNKNOWN;
        }
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "creating" -> CREATING;
            case "running" -> RUNNING;
            case "failed" -> FAILED;
            case "deleting" -> DELETING;
            default -> UNKNOWN;
        };
    }
}
