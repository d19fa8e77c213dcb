package trellis.spec.validation;

/**
 * One validation problem: where it is, as a JSON path into the document that was checked
 * (for example {@code spec.services[0].connect_as}), and what is wrong with it, in words that
 * name the field and the way out.
 */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path == null || path.isEmpty() ? message : path + ": " + message;
    }
}
