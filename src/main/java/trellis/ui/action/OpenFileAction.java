package trellis.ui.action;

import java.nio.file.Path;
import java.util.function.Consumer;
import trellis.ui.model.SpecFiles;

/** File > Open (also a dropped file, a file on the command line): reads and checks the file off the FX thread. */
public final class OpenFileAction extends UserAction {
    private final ActionContext ctx;
    private final Path path;
    private final Consumer<SpecFiles.Opened> onOpened;
    private final Runnable onFailed;

    /** {@code onOpened} shows the file; {@code onFailed} runs before the alert when it cannot be. */
    public OpenFileAction(ActionContext ctx, Path path, Consumer<SpecFiles.Opened> onOpened, Runnable onFailed) {
        this.ctx = ctx;
        this.path = path;
        this.onOpened = onOpened;
        this.onFailed = onFailed;
    }

    @Override
    public String description() {
        return "Open '" + path.getFileName() + "'";
    }

    @Override
    public void run() {
        ctx.runner().run(() -> SpecFiles.read(path), onOpened, error -> {
            onFailed.run();
            ctx.alert("Cannot open " + path.getFileName(), ActionContext.message(error)
                    + "\n\nTrellis opens create bodies {\"id\": ..., \"spec\": {...}} such as the examples of the documentation.");
        });
    }
}
