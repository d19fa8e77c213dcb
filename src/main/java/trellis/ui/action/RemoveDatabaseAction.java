package trellis.ui.action;

import trellis.engine.ControlPlane;

/** File > Remove database: deletes it on its control plane; the poller then shows its instances going. */
public final class RemoveDatabaseAction extends UserAction {
    private final ActionContext ctx;
    private final ControlPlane cp;
    private final String databaseId;

    public RemoveDatabaseAction(ActionContext ctx, ControlPlane cp, String databaseId) {
        this.ctx = ctx;
        this.cp = cp;
        this.databaseId = databaseId;
    }

    @Override
    public String description() {
        return "Remove database '" + databaseId + "'";
    }

    @Override
    public void run() {
        ctx.runner().run(() -> cp.deleteDatabase(databaseId),
                task -> {
                    ctx.log(cp.displayName() + ": delete of " + databaseId + " started (task " + task.taskId() + ")");
                    ctx.started(cp, task, description());
                },
                error -> ctx.alert("Not removed", ActionContext.message(error)));
    }
}
