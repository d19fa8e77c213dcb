package trellis.engine;

/**
 * A control plane said no, or could not be reached. {@code name} is the API's error name
 * ({@code operation_already_in_progress}, {@code not_found} ...) or {@code unreachable}.
 */
public class ControlPlaneException extends Exception {
    private final int status;
    private final String name;

    public ControlPlaneException(int status, String name, String message) {
        super(message);
        this.status = status;
        this.name = name;
    }

    public ControlPlaneException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.name = "unreachable";
    }

    /** HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    public String name() {
        return name;
    }

    public boolean unreachable() {
        return status == 0;
    }
}
