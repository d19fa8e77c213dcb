package trellis.engine.local.nodes;

import java.util.Locale;

/** How Trellis came to have a database node; the state store keeps the word. */
public enum NodeKind {
    /** Embedded PostgreSQL binaries Trellis runs itself. */
    STARTED,
    /** A PostgreSQL container Trellis runs on the default Docker engine. */
    CONTAINER,
    /** A server a person runs; Trellis connects to it. */
    ATTACHED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a stored word names; an unknown word is an attached node (Trellis only connects). */
    public static NodeKind of(String word) {
        for (NodeKind k : values()) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        return ATTACHED;
    }
}
