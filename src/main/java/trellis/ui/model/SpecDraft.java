package trellis.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import trellis.spec.DatabaseSpec;

/**
 * A database spec being edited in the console (by the Add Service wizard, the visual editor):
 * the value every edit replaces, and the listeners told of each change. Edits go through
 * {@code trellis.ui.action.EditSpecAction} so that they can be undone.
 */
public final class SpecDraft {
    private DatabaseSpec spec;
    private final List<Consumer<DatabaseSpec>> listeners = new ArrayList<>();

    public SpecDraft(DatabaseSpec spec) {
        this.spec = Objects.requireNonNull(spec);
    }

    public DatabaseSpec spec() {
        return spec;
    }

    public void set(DatabaseSpec next) {
        spec = Objects.requireNonNull(next);
        listeners.forEach(l -> l.accept(next));
    }

    public void onChange(Consumer<DatabaseSpec> listener) {
        listeners.add(listener);
    }
}
