package trellis.ui.action;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import trellis.ui.model.Templates;

/**
 * File > New from template: asks where to keep the new spec and its database id, writes the template there off the
 * FX thread, and opens it, so a person starts from a documented topology instead of a blank file.
 */
public final class NewFromTemplateAction extends UserAction {
    private final ActionContext ctx;
    private final Templates.Template template;
    private final Consumer<Path> open;

    public NewFromTemplateAction(ActionContext ctx, Templates.Template template, Consumer<Path> open) {
        this.ctx = ctx;
        this.template = template;
        this.open = open;
    }

    @Override
    public String description() {
        return "New spec from template '" + template.name() + "'";
    }

    @Override
    public void run() {
        ctx.dialogs().chooseSpecTarget(template.fileName()).ifPresent(target -> ctx.dialogs()
                .askText("New from template", "Database id of the new spec (" + template.title() + ")", template.databaseId())
                .map(String::strip).ifPresent(id -> write(target, id)));
    }

    private void write(Path target, String id) {
        ctx.runner().run(() -> {
            Files.write(target, Templates.withId(template, id));
            return target;
        }, written -> {
            ctx.log("New spec " + written.getFileName() + " from template '" + template.name() + "' (" + template.title() + ")");
            open.accept(written);
        }, error -> ctx.alert("Cannot write " + target.getFileName(), error instanceof IllegalArgumentException
                ? ActionContext.message(error) : ActionContext.message(error) + "\n\nChoose a folder you can write to."));
    }
}
