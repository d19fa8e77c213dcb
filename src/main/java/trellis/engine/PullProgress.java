package trellis.engine;

/**
 * How far a pull of one image has come: bytes of its layers downloaded, of the bytes the layers
 * announced so far ({@code totalBytes} grows while the engine learns of more layers). The last
 * report of a pull that succeeded has {@code done} set and {@code doneBytes == totalBytes}.
 */
public record PullProgress(String image, long doneBytes, long totalBytes, boolean done) {
    /** A report while the pull is under way. */
    public PullProgress(String image, long doneBytes, long totalBytes) {
        this(image, doneBytes, totalBytes, false);
    }
}
