package trellis.ui.action;

import java.util.List;
import trellis.engine.ControlPlane;
import trellis.spec.DatabaseSpec;
import trellis.spec.UpdateDatabaseRequest;
import trellis.ui.model.SpecEdits;

/**
 * File > Remove service: sends the database's full spec without the service. The secrets a GET
 * strips are put back from the specs given (those of the database's open files, read on the FX
 * thread when the action was made); when they cannot be, nothing is sent.
 */
public final class RemoveServiceAction extends UserAction {
    private final ActionContext ctx;
    private final ControlPlane cp;
    private final String databaseId;
    private final String serviceId;
    private final List<DatabaseSpec> secretSources;

    public RemoveServiceAction(ActionContext ctx, ControlPlane cp, String databaseId, String serviceId, List<DatabaseSpec> secretSources) {
        this.ctx = ctx;
        this.cp = cp;
        this.databaseId = databaseId;
        this.serviceId = serviceId;
        this.secretSources = List.copyOf(secretSources);
    }

    @Override
    public String description() {
        return "Remove service '" + serviceId + "'";
    }

    @Override
    public void run() {
        ctx.runner().run(() -> {
            DatabaseSpec spec = SpecEdits.withoutService(cp.database(databaseId).spec(), serviceId, secretSources);
            return cp.updateDatabase(databaseId, new UpdateDatabaseRequest(null, spec, null));
        }, task -> {
            ctx.log(cp.displayName() + ": removing service " + serviceId + " from " + databaseId + " (task " + task.taskId() + ")");
            ctx.started(cp, task, description() + " from '" + databaseId + "'");
        },
                error -> ctx.alert("Service not removed", ActionContext.message(error)));
    }
}
