package trellis.ui.action;

import java.util.function.UnaryOperator;
import trellis.spec.DatabaseSpec;
import trellis.ui.model.SpecDraft;
import trellis.ui.model.SpecEdits;

/**
 * An edit of a spec draft: replaces the draft's spec with the edited one, and puts the spec it
 * replaced back on undo. The edit is computed when the action runs, from the draft as it is then.
 */
public final class EditSpecAction extends UserAction {
    private final SpecDraft draft;
    private final String description;
    private final UnaryOperator<DatabaseSpec> edit;
    private DatabaseSpec before;
    private DatabaseSpec after;

    public EditSpecAction(SpecDraft draft, String description, UnaryOperator<DatabaseSpec> edit) {
        this.draft = draft;
        this.description = description;
        this.edit = edit;
    }

    /** Removes a service from the draft. */
    public static EditSpecAction removeService(SpecDraft draft, String serviceId) {
        return new EditSpecAction(draft, "Remove service '" + serviceId + "'", s -> SpecEdits.withoutService(s, serviceId));
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void run() {
        before = draft.spec();
        after = edit.apply(before);
        draft.set(after);
    }

    @Override
    public boolean isUndoable() {
        return true;
    }

    @Override
    public void undo() {
        draft.set(before);
    }

    @Override
    public void redo() {
        draft.set(after);
    }
}
