package trellis.ui.action;

import java.nio.file.Path;
import javafx.scene.image.WritableImage;
import trellis.ui.export.TopologyPngExporter;

/** File > Export picture: the snapshot was taken on the FX thread; encoding and writing the file are not. */
public final class ExportPictureAction extends UserAction {
    private final ActionContext ctx;
    private final WritableImage picture;
    private final Path target;

    public ExportPictureAction(ActionContext ctx, WritableImage picture, Path target) {
        this.ctx = ctx;
        this.picture = picture;
        this.target = target;
    }

    @Override
    public String description() {
        return "Export picture to '" + target.getFileName() + "'";
    }

    @Override
    public void run() {
        ctx.runner().run(() -> {
            TopologyPngExporter.save(picture, target);
            return target.toFile();
        }, done -> ctx.log("exported " + done), e -> ctx.alert("Cannot write " + target.getFileName(), ActionContext.message(e)));
    }
}
