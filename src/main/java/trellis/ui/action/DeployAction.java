package trellis.ui.action;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.engine.LocalEngineAdmin;
import trellis.engine.NodeChoice;
import trellis.spec.Database;
import trellis.spec.Task;
import trellis.spec.UpdateDatabaseRequest;
import trellis.ui.Sources;
import trellis.ui.model.Deployment;
import trellis.ui.model.NodeChoices;

/**
 * File > Deploy: sends a spec file's spec to a control plane, a create or a full update. Asked
 * from the menu, it first looks whether the database exists there and asks the person to confirm
 * the plan; asked with {@code exists} known, it sends at once. To the local engine, the person
 * first chooses per database node (start here, attach, skip) and the confirmation adds the
 * engine's node plan in words.
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
            send(exists, Map.of());
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
            List<String> nodes = NodeChoices.nodes(file.body().spec());
            if (cp instanceof LocalEngineAdmin local && !nodes.isEmpty()) {
                ctx.dialogs().askDeployNodes(file.databaseId(), nodes).ifPresent(choices -> confirmWithNodes(local, existing, choices));
                return;
            }
            var question = Deployment.confirmation(file.body(), file.databaseId(), existing, cp.displayName());
            if (ctx.dialogs().confirm(question.header(), question.text())) {
                send(existing != null, Map.of());
            }
        }, error -> ctx.alert("Cannot reach " + cp.displayName(), ActionContext.message(error)));
    }

    /** The local engine says its node plan under the person's choices (it connects to the servers named), then the person confirms. */
    private void confirmWithNodes(LocalEngineAdmin local, Database existing, Map<String, NodeChoice> choices) {
        ctx.runner().run(() -> local.nodePlan(file.body().spec(), choices), plan -> {
            var question = Deployment.confirmation(file.body(), file.databaseId(), existing, cp.displayName(), plan);
            if (ctx.dialogs().confirm(question.header(), question.text())) {
                send(existing != null, choices);
            } else {
                forget(choices);
            }
        }, error -> {
            forget(choices);
            ctx.alert("Cannot reach " + cp.displayName(), ActionContext.message(error));
        });
    }

    private void send(boolean update, Map<String, NodeChoice> choices) {
        ctx.runner().run(() -> {
            if (!choices.isEmpty() && cp instanceof LocalEngineAdmin local) {
                try {
                    local.chooseNodes(choices);
                } finally {
                    forget(choices);
                }
            }
            return update
                    ? cp.updateDatabase(file.databaseId(), new UpdateDatabaseRequest(null, file.body().spec(), null))
                    : cp.createDatabase(file.body());
        }, task -> {
            ctx.log(cp.displayName() + ": " + task.type() + " of " + file.databaseId() + " started (task " + task.taskId() + ")");
            ctx.started(cp, task, description());
            onStarted.accept(task);
        }, error -> ctx.alert("Not deployed", ActionContext.message(error)));
    }

    /** The typed passwords live on in the engine only. */
    private static void forget(Map<String, NodeChoice> choices) {
        choices.values().forEach(c -> Arrays.fill(c.password(), '\0'));
    }
}
