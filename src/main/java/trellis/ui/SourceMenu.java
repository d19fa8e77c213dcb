package trellis.ui;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;

/** A control plane's context menu in the sources: a profile's source is edited or removed from here. */
final class SourceMenu {
    private SourceMenu() {
    }

    /** The menu of this source, or null when it offers nothing (the local engine). */
    static ContextMenu of(RemoteSources remote, Sources.LiveSource live) {
        if (remote == null || remote.profileOf(live) == null) {
            return null;
        }
        MenuItem edit = new MenuItem("Edit profile…");
        edit.setId("source-edit-profile");
        edit.setOnAction(e -> remote.edit(live));
        MenuItem remove = new MenuItem("Remove profile…");
        remove.setId("source-remove-profile");
        remove.setOnAction(e -> remote.remove(live));
        return new ContextMenu(edit, remove);
    }
}
