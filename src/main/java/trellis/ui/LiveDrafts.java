package trellis.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;
import trellis.topology.DraftMarks;
import trellis.topology.LiveDraft;
import trellis.topology.Topology;
import trellis.ui.model.SpecDraft;

/**
 * The editor's drafts of live databases (a Control Plane's or the local engine's), one per source
 * and database: begun on the first gesture from the spec of the last poll, which stays the draft's
 * base until it is applied (the safe apply compares the server's spec with it). FX thread only.
 */
final class LiveDrafts {
    /** One live database's draft. */
    static final class Entry {
        final SpecDraft draft;
        DatabaseSpec base;
        final List<DraftMarks.Move> moves = new ArrayList<>();

        Entry(DatabaseSpec base) {
            this.base = base;
            this.draft = new SpecDraft(base);
        }

        boolean changed() {
            return !draft.spec().equals(base);
        }
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final Supplier<Database> lastPolled;
    private final Consumer<String> onEdited;

    /**
     * @param lastPolled the database shown as its poller last read it (null before the first poll)
     * @param onEdited   told of each edit of a draft, with its key
     */
    LiveDrafts(Supplier<Database> lastPolled, Consumer<String> onEdited) {
        this.lastPolled = lastPolled;
        this.onEdited = onEdited;
    }

    /** The key a live database's draft is kept under, here and in the draft store: stable across restarts. */
    static String key(Sources.LiveSource source) {
        return "live:" + source.controlPlane().displayName();
    }

    private static String entryKey(Sources.LiveSource source, String databaseId) {
        return key(source) + "\n" + databaseId;
    }

    /** The database's draft, or null when nothing was drafted on it in this session. */
    Entry get(Sources.LiveSource source, String databaseId) {
        return entries.get(entryKey(source, databaseId));
    }

    /** The spec of the database shown as last polled, or null before its first poll. */
    DatabaseSpec polledSpec() {
        Database db = lastPolled.get();
        return db == null ? null : db.spec();
    }

    /**
     * The database's draft for an edit: begun from {@code base} (the last poll's spec when null) if
     * there is none; one that has nothing left to apply starts again from the last poll's spec.
     */
    Entry begin(Sources.LiveSource source, String databaseId, DatabaseSpec base) {
        String k = entryKey(source, databaseId);
        Entry e = entries.get(k);
        DatabaseSpec polled = polledSpec();
        if (e == null) {
            e = new Entry(base != null ? base : polled);
            Entry made = e;
            e.draft.onChange(spec -> {
                if (entries.get(k) == made) {
                    onEdited.accept(k);
                }
            });
            entries.put(k, e);
        } else if (!e.changed() && polled != null && !polled.equals(e.base)) {
            e.base = polled;
            e.draft.set(polled);
        }
        return e;
    }

    /** After an accepted update: what was sent is the base now, so the draft has nothing left to apply. */
    void applied(Sources.LiveSource source, String databaseId, DatabaseSpec sent) {
        Entry e = entries.get(entryKey(source, databaseId));
        if (e != null) {
            e.base = sent;
            e.moves.clear();
            onEdited.accept(entryKey(source, databaseId));
        }
    }

    /**
     * What to draw for a poll of a live database: the draft's placement over what runs when the
     * database has a draft with changes, the poll's picture otherwise.
     */
    Topology picture(Sources.DatabaseRef ref, Database polled, Topology live) {
        if (ref == null || polled == null || !(ref.source() instanceof Sources.LiveSource source)) {
            return live;
        }
        Entry e = get(source, ref.databaseId());
        return e == null || !e.changed() ? live : LiveDraft.picture(polled, e.draft.spec(), source.hosts().known());
    }
}
