package trellis.engine.local;

import java.util.Locale;

/** What a database task does, in the Control Plane's words ({@code create}, {@code update}, {@code delete}). */
enum TaskKind {
    CREATE, UPDATE, DELETE;

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TaskKind of(String word) {
        for (TaskKind k : values()) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a task kind: " + word);
    }
}
