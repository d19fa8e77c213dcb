package trellis.ui.action;

import java.util.function.Consumer;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.spec.Database;
import trellis.spec.Task;
import trellis.spec.UpdateDatabaseRequest;
import trellis.ui.Sources;
import trellis.ui.model.Deployment;

/**
 * File > Deploy: sends a spec file's spec to a control plane, a create or a full update. Asked
 * from the menu, it first looks whether the database exists there and asks the person to confirm
 * the plan; asked with {@code exists} known, it sends at once.
 */
public final class DeployAction extends UserAction {
    private final ActionContext ctx;
    private final Sources.FileSource file;
    private final ControlPlane cp;
    private final Boolean exists;
    private final Consumer<Task> onStarted;

    /** {@code exists} null: ask the control plane and confirm first. */
    public DeployAction(ActionContext ctx, Sources.FileSource file, ControlPlane cp, Boolean exists, Consumer<Task> onStarted) {
        this.ctx = ctx;
        this.file = file;
        this.cp = cp;
        this.exists = exists;
        this.onStarted = onStarted;
    }

    @Override
    public String description() {
        return "Deploy '" + file.databaseId() + "' to " + cp.displayName();
    }

    @Override
    public void run() {
        if (exists != null) {
            send(exists);
            return;
        }
        ctx.runner().run(() -> {
            try {
                return cp.database(file.databaseId());
            } catch (ControlPlaneException e) {
                if (e.status() != 404) {
                    throw e;
                }
                return (Database) null;
            }
        }, existing -> {
            var question = Deployment.confirmation(file.body(), file.databaseId(), existing, cp.displayName());
            if (ctx.dialogs().confirm(question.header(), question.text())) {
                send(existing != null);
            }
        }, error -> ctx.alert("Cannot reach " + cp.displayName(), ActionContext.message(error)));
    }

    private void send(boolean update) {
        ctx.runner().run(() -> update
                ? cp.updateDatabase(file.databaseId(), new UpdateDatabaseRequest(null, file.body().spec(), null))
                : cp.createDatabase(file.body()), task -> {
            ctx.log(cp.displayName() + ": " + task.type() + " of " + file.databaseId() + " started (task " + task.taskId() + ")");
            ctx.started(cp, task, description());
            onStarted.accept(task);
        }, error -> ctx.alert("Not deployed", ActionContext.message(error)));
    }
}
