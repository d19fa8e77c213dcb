package trellis.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import trellis.engine.ControlPlane;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;

/**
 * The sources tree of the main window: spec files and control planes, and the databases in them.
 * It gives each control plane added its source id. FX thread only.
 */
final class SourcesTree {
    private final TreeView<Object> tree;
    private final TreeItem<Object> filesItem = new TreeItem<>("Spec files");
    private final TreeItem<Object> liveItem = new TreeItem<>("Control planes");
    private int liveSourcesAdded;

    SourcesTree(TreeView<Object> tree, Consumer<Sources.DatabaseRef> onSelect) {
        this.tree = tree;
        TreeItem<Object> root = new TreeItem<>("sources");
        root.getChildren().addAll(filesItem, liveItem);
        filesItem.setExpanded(true);
        liveItem.setExpanded(true);
        tree.setRoot(root);
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : item instanceof Sources.Source s ? s.label() : item.toString());
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue() instanceof Sources.DatabaseRef ref) {
                onSelect.accept(ref);
            }
        });
    }

    /** Adds a spec file (in place of one of the same name) and selects its database. */
    void showFile(Sources.FileSource source) {
        TreeItem<Object> item = new TreeItem<>(source.label());
        TreeItem<Object> dbItem = new TreeItem<>(new Sources.DatabaseRef(source, source.databaseId(), "offline"));
        item.getChildren().add(dbItem);
        item.setExpanded(true);
        filesItem.getChildren().removeIf(i -> i.getValue().equals(source.label()));
        filesItem.getChildren().add(item);
        tree.getSelectionModel().select(dbItem);
    }

    /** Adds a control plane as a new source, under an id of its own. */
    Sources.LiveSource addLive(ControlPlane cp) {
        Sources.LiveSource source = new Sources.LiveSource("live-" + ++liveSourcesAdded, cp);
        TreeItem<Object> item = new TreeItem<>(source);
        item.setExpanded(true);
        liveItem.getChildren().add(item);
        return source;
    }

    /** Lists a source's databases under it. */
    void addDatabases(Sources.LiveSource live, List<Database> dbs) {
        TreeItem<Object> item = itemOf(live);
        for (Database d : dbs) {
            item.getChildren().add(new TreeItem<>(new Sources.DatabaseRef(live, d.id(), d.state())));
        }
    }

    /** Selects the source's first database; false when it has none. */
    boolean selectFirstDatabase(Sources.LiveSource live) {
        TreeItem<Object> item = itemOf(live);
        if (item == null || item.getChildren().isEmpty()) {
            return false;
        }
        tree.getSelectionModel().select(item.getChildren().get(0));
        return true;
    }

    /**
     * Keeps a database's state word current ("catalog (available)"); returns {@code current},
     * or its updated reference when it is the one that changed.
     */
    Sources.DatabaseRef updateState(Sources.LiveSource live, Database db, Sources.DatabaseRef current) {
        TreeItem<Object> item = itemOf(live);
        if (item == null) {
            return current;
        }
        Sources.DatabaseRef out = current;
        for (TreeItem<Object> child : item.getChildren()) {
            if (child.getValue() instanceof Sources.DatabaseRef r && r.databaseId().equals(db.id())
                    && !Objects.equals(r.state(), db.state())) {
                Sources.DatabaseRef updated = new Sources.DatabaseRef(live, db.id(), db.state());
                child.setValue(updated);
                if (current == r) {
                    out = updated;
                }
            }
        }
        return out;
    }

    /** Selects a database just deployed under its control plane, adding it when it is new there. */
    void selectDeployed(String databaseId, ControlPlane cp) {
        for (TreeItem<Object> item : liveItem.getChildren()) {
            if (item.getValue() instanceof Sources.LiveSource live && live.controlPlane() == cp) {
                TreeItem<Object> db = item.getChildren().stream()
                        .filter(c -> c.getValue() instanceof Sources.DatabaseRef r && r.databaseId().equals(databaseId))
                        .findFirst().orElseGet(() -> {
                            TreeItem<Object> n = new TreeItem<>(new Sources.DatabaseRef(live, databaseId, "creating"));
                            item.getChildren().add(n);
                            return n;
                        });
                tree.getSelectionModel().select(db);
            }
        }
    }

    /** The specs of the spec files open for this database, in the tree's order. */
    List<DatabaseSpec> openFileSpecs(String databaseId) {
        List<DatabaseSpec> out = new ArrayList<>();
        for (TreeItem<Object> f : filesItem.getChildren()) {
            for (TreeItem<Object> d : f.getChildren()) {
                if (d.getValue() instanceof Sources.DatabaseRef r && r.source() instanceof Sources.FileSource fs
                        && databaseId.equals(fs.databaseId())) {
                    out.add(fs.body().spec());
                }
            }
        }
        return out;
    }

    /** The live sources, in the order they were added. */
    List<Sources.LiveSource> liveSources() {
        List<Sources.LiveSource> out = new ArrayList<>();
        for (TreeItem<Object> item : liveItem.getChildren()) {
            if (item.getValue() instanceof Sources.LiveSource live) {
                out.add(live);
            }
        }
        return out;
    }

    /** The first source that wraps this control plane, or null. */
    Sources.LiveSource liveSourceOf(ControlPlane cp) {
        return liveSources().stream().filter(l -> l.controlPlane() == cp).findFirst().orElse(null);
    }

    private TreeItem<Object> itemOf(Sources.LiveSource live) {
        return liveItem.getChildren().stream().filter(i -> i.getValue() == live).findFirst().orElse(null);
    }
}
