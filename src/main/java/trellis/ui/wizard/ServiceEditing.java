package trellis.ui.wizard;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.stage.Window;
import trellis.spec.DatabaseSpec;
import trellis.spec.Host;
import trellis.ui.Theme;
import trellis.ui.action.ActionManager;
import trellis.ui.action.EditSpecAction;
import trellis.ui.model.SpecDraft;

/**
 * Where the menus, a host's context menu and the service bar open the wizard: Add service… and
 * Edit service… on a spec draft. Finish runs one {@link EditSpecAction} through the window's
 * {@link ActionManager}, so Edit > Undo takes the whole wizard back and Redo does it again.
 */
public final class ServiceEditing {
    private final ActionManager actions;
    private final Supplier<Window> owner;
    private final Supplier<Theme> theme;
    private BiFunction<DatabaseSpec, DatabaseSpec, Node> review = ServiceWizard.PLAN_IN_WORDS;

    public ServiceEditing(ActionManager actions, Supplier<Window> owner, Supplier<Theme> theme) {
        this.actions = actions;
        this.owner = owner;
        this.theme = theme;
    }

    /** The review page's content for the spec before and after (the review page component, when there is one). */
    public void setReview(BiFunction<DatabaseSpec, DatabaseSpec, Node> review) {
        this.review = review;
    }

    /** The wizard adding a service to the draft, on the given host when one is given (a host's context menu). */
    public ServiceWizard addService(SpecDraft draft, String databaseId, String onHost) {
        return addService(draft, databaseId, onHost, null);
    }

    /** The same, with the service's type chosen when {@code type} is not null (the palette's). */
    public ServiceWizard addService(SpecDraft draft, String databaseId, String onHost, String type) {
        ServiceWizardModel model = ServiceWizardModel.adding(databaseId, draft.spec());
        if (type != null) {
            model.setType(type);
        }
        if (onHost != null) {
            model.setOnHost(onHost, true);
        }
        return wizard(draft, model);
    }

    /** The same wizard with the service's values; its id and type stay. */
    public ServiceWizard editService(SpecDraft draft, String databaseId, String serviceId) {
        return wizard(draft, ServiceWizardModel.editing(databaseId, draft.spec(), serviceId));
    }

    /**
     * The wizard on a live database's spec: adding a service (on {@code onHost} when given) or editing
     * {@code serviceId} when given; {@code cluster} are the cluster's hosts; Finish gives the model to
     * {@code onFinish} (the review and apply), nothing is changed here.
     */
    public ServiceWizard live(DatabaseSpec spec, String databaseId, String serviceId, String onHost, List<Host> cluster,
                              Consumer<ServiceWizardModel> onFinish) {
        ServiceWizardModel model = serviceId == null ? ServiceWizardModel.adding(databaseId, spec)
                : ServiceWizardModel.editing(databaseId, spec, serviceId);
        model.setClusterHosts(cluster);
        if (onHost != null) {
            model.setOnHost(onHost, true);
        }
        return new ServiceWizard(owner.get(), theme.get(), model, review, onFinish);
    }

    private ServiceWizard wizard(SpecDraft draft, ServiceWizardModel model) {
        return new ServiceWizard(owner.get(), theme.get(), model, review, m -> actions.run(action(draft, m)));
    }

    /** The edit Finish makes: the draft's spec becomes the wizard's, and undo puts the one before back. */
    public static EditSpecAction action(SpecDraft draft, ServiceWizardModel model) {
        DatabaseSpec result = model.result();
        return new EditSpecAction(draft, model.description(), before -> result);
    }
}
