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
    private Consumer<Sources.LiveSource> onHosts = s -> { };
    private java.util.function.Function<Sources.LiveSource, javafx.scene.control.ContextMenu> sourceMenu = s -> null;

    private final Consumer<Sources.DatabaseRef> onSelect;

    SourcesTree(TreeView<Object> tree, Consumer<Sources.DatabaseRef> onSelect) {
        this.tree = tree;
        this.onSelect = onSelect;
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
                setId(item instanceof Sources.HostsRef ? "hosts-node" : null);
                setContextMenu(!empty && item instanceof Sources.LiveSource live ? sourceMenu.apply(live) : null);
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue() instanceof Sources.DatabaseRef ref) {
                onSelect.accept(ref);
            } else if (b != null && b.getValue() instanceof Sources.HostsRef hosts) {
                onHosts.accept(hosts.source());
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

    /**
     * Puts a spec file's edited body in the tree in place of the one opened, so that selecting it,
     * deploying it and the open-file secrets all see the edit, and shows it.
     */
    void replaceFile(Sources.FileSource edited) {
        for (TreeItem<Object> f : filesItem.getChildren()) {
            for (TreeItem<Object> d : f.getChildren()) {
                if (d.getValue() instanceof Sources.DatabaseRef r && r.source() instanceof Sources.FileSource fs
                        && fs.path().equals(edited.path())) {
                    Sources.DatabaseRef ref = new Sources.DatabaseRef(edited, edited.databaseId(), "offline, edited");
                    d.setValue(ref);
                    if (tree.getSelectionModel().getSelectedItem() == d) {
                        onSelect.accept(ref);
                    } else {
                        tree.getSelectionModel().select(d);
                    }
                    return;
                }
            }
        }
        showFile(edited);
    }

    /** Adds a control plane as a new source, under an id of its own. */
    Sources.LiveSource addLive(ControlPlane cp) {
        Sources.LiveSource source = new Sources.LiveSource("live-" + ++liveSourcesAdded, cp);
        TreeItem<Object> item = new TreeItem<>(source);
        item.getChildren().add(new TreeItem<>(new Sources.HostsRef(source)));
        item.setExpanded(true);
        liveItem.getChildren().add(item);
        return source;
    }

    /** What selecting a source's Hosts node does. */
    void onHosts(Consumer<Sources.LiveSource> action) {
        this.onHosts = action;
    }

    /** The context menu of a source (null for none). */
    void sourceMenu(java.util.function.Function<Sources.LiveSource, javafx.scene.control.ContextMenu> menu) {
        this.sourceMenu = menu;
    }

    /** Takes a source out of the tree. */
    void removeLive(Sources.LiveSource live) {
        liveItem.getChildren().removeIf(i -> i.getValue() == live);
    }

    /** Selects the source's database of that id; false when it has none such. */
    boolean selectDatabase(Sources.LiveSource live, String databaseId) {
        TreeItem<Object> item = itemOf(live);
        TreeItem<Object> db = item == null ? null : item.getChildren().stream()
                .filter(c -> c.getValue() instanceof Sources.DatabaseRef r && r.databaseId().equals(databaseId)).findFirst().orElse(null);
        if (db != null) {
            tree.getSelectionModel().select(db);
        }
        return db != null;
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
        TreeItem<Object> first = item == null ? null : item.getChildren().stream()
                .filter(c -> c.getValue() instanceof Sources.DatabaseRef).findFirst().orElse(null);
        if (first == null) {
            return false;
        }
        tree.getSelectionModel().select(first);
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
