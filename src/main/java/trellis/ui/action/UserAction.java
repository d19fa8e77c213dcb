package trellis.ui.action;

/**
 * Something a person does in the console, as an object (after Scene Builder's {@code Job}): it
 * says what it does ("Remove service 'api'"), whether it can run now, runs, and, when it edits a
 * spec draft, undoes and redoes itself. Actions that act on a control plane or a file are not
 * undoable: what they started is not taken back by the console.
 */
public abstract class UserAction {
    /** What the action does, for a person: "Remove service 'api'". */
    public abstract String description();

    /** Whether the action can run now; {@link ActionManager} runs only those that can. */
    public boolean canRun() {
        return true;
    }

    public abstract void run();

    /** Whether {@link #undo()} takes the action back; only edits of a spec draft are. */
    public boolean isUndoable() {
        return false;
    }

    public void undo() {
        throw new UnsupportedOperationException(description() + " cannot be undone");
    }

    /** Does the action again after an undo; by default, runs it again. */
    public void redo() {
        run();
    }

    /** An action that does one thing on the FX thread and is not undone. */
    public static UserAction of(String description, Runnable run) {
        return new UserAction() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public void run() {
                run.run();
            }
        };
    }

    @Override
    public String toString() {
        return description();
    }
}
