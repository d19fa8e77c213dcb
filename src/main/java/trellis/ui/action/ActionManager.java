package trellis.ui.action;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs the person's actions and keeps the undo and redo stacks of those that edit (after Scene
 * Builder's {@code JobManager}). Running an undoable action clears the redo stack. The Edit menu
 * binds to the observable descriptions and flags. FX thread only.
 */
public final class ActionManager {
    private final Deque<UserAction> undo = new ArrayDeque<>();
    private final Deque<UserAction> redo = new ArrayDeque<>();
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");

    /** Runs the action when it can run; an undoable one goes on the undo stack and clears redo. */
    public boolean run(UserAction action) {
        if (!action.canRun()) {
            return false;
        }
        action.run();
        if (action.isUndoable()) {
            undo.push(action);
            redo.clear();
            update();
        }
        return true;
    }

    public void undo() {
        if (!undo.isEmpty()) {
            UserAction a = undo.pop();
            a.undo();
            redo.push(a);
            update();
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            UserAction a = redo.pop();
            a.redo();
            undo.push(a);
            update();
        }
    }

    /** The undo stack's descriptions, newest first. */
    public List<String> undoDescriptions() {
        return undo.stream().map(UserAction::description).toList();
    }

    /** The redo stack's descriptions, newest first. */
    public List<String> redoDescriptions() {
        return redo.stream().map(UserAction::description).toList();
    }

    /** What Undo would take back, or null. */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    /** The Edit menu's words: "Undo remove service 'api'", or "Undo" when there is nothing to undo. */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    private void update() {
        String u = undo.isEmpty() ? null : undo.peek().description();
        String r = redo.isEmpty() ? null : redo.peek().description();
        undoDescription.set(u);
        redoDescription.set(r);
        undoText.set(menuText("Undo", u));
        redoText.set(menuText("Redo", r));
        canUndo.set(u != null);
        canRedo.set(r != null);
    }

    static String menuText(String verb, String description) {
        if (description == null || description.isEmpty()) {
            return verb;
        }
        return verb + " " + description.substring(0, 1).toLowerCase(Locale.ROOT) + description.substring(1);
    }
}
