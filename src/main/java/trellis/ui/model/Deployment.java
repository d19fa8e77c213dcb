package trellis.ui.model;

import java.util.List;
import java.util.Optional;
import trellis.engine.ControlPlane;
import trellis.engine.LocalEngineAdmin;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;
import trellis.topology.Plan;
import trellis.topology.PlanChange;

/** Where a spec file is deployed and what the person is asked before it is. */
public final class Deployment {
    private Deployment() {
    }

    /** The local engine when it is among the sources, else the first control plane, else none. */
    public static Optional<ControlPlane> target(List<ControlPlane> live) {
        return live.stream().filter(cp -> cp instanceof LocalEngineAdmin).findFirst().or(() -> live.stream().findFirst());
    }

    /** The question put before a deploy: its header and the plan's changes. */
    public record Confirmation(String header, String text) {
    }

    /**
     * What deploying the body to a control plane would change, against the database there
     * ({@code existing}) or, when there is none, an empty database of the same name.
     */
    public static Confirmation confirmation(CreateDatabaseRequest body, String databaseId, Database existing, String target) {
        return confirmation(body, databaseId, existing, target, List.of());
    }

    /** The same, with the node plan in words after the changes (the local engine's, before anything runs). */
    public static Confirmation confirmation(CreateDatabaseRequest body, String databaseId, Database existing, String target,
                                            List<String> nodePlan) {
        Confirmation c = changes(body, databaseId, existing, target);
        return nodePlan.isEmpty() ? c : new Confirmation(c.header(), c.text() + "\n\nDatabase nodes:\n" + String.join("\n", nodePlan));
    }

    private static Confirmation changes(CreateDatabaseRequest body, String databaseId, Database existing, String target) {
        DatabaseSpec before = existing != null && existing.spec() != null ? existing.spec()
                : new DatabaseSpec(body.spec().databaseName(), null, null, null, null, null, null,
                List.of(), List.of(), List.of(), null);
        List<PlanChange> plan = Plan.between(before, body.spec());
        return new Confirmation((existing == null ? "Create" : "Update") + " database '" + databaseId + "' on " + target + "?",
                plan.isEmpty() ? "No changes." : String.join("\n", plan.stream().map(Object::toString).toList())
                        + "\n\nRemoving a service never drops its connect_as user.");
    }
}
