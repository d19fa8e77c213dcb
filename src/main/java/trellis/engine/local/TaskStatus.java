package trellis.engine.local;

import java.util.Locale;

/** Where a task is, in the Control Plane's words. */
enum TaskStatus {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELING, CANCELED;

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean done() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }

    /** A status as stored or reported; null for a word this version does not know. */
    static TaskStatus of(String word) {
        for (TaskStatus s : values()) {
            if (s.word().equals(word)) {
                return s;
            }
        }
        return null;
    }
}
