package trellis.spec.validation;

import java.util.List;

/** Adding a problem to a list, as every rule class of this package does. */
final class Problems {
    /** Values are quoted in messages; a 1 MB value must not make a 1 MB line. */
    static final int MAX_LENGTH = 600;

    private Problems() {
    }

    static void add(List<Problem> out, String path, String message) {
        out.add(new Problem(clip(path), clip(message)));
    }

    private static String clip(String s) {
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH - 3) + "..." : s;
    }
}
