package trellis.ui;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import trellis.spec.CreateDatabaseRequest;
import trellis.ui.action.ActionContext;
import trellis.ui.action.ActionManager;
import trellis.ui.model.SpecDraft;
import trellis.ui.model.SpecSaving;
import trellis.ui.review.DatabaseUsersDialog;

/**
 * File > Save, Save As and Edit > Database users… for a spec file opened offline: each open file
 * has one draft its edits go to (undoable through the window's ActionManager), and Save writes that
 * draft back as a create body ({@link SpecSaving}) off the FX thread. FX thread only.
 */
final class SpecFileCommands {
    private final ActionManager actions;
    private final Supplier<ActionContext> ctx;
    private final Dialogs dialogs;
    private final Supplier<Sources.DatabaseRef> current;
    private final Supplier<Window> owner;
    private final Map<Path, SpecDraft> drafts = new HashMap<>();
    private final Map<Path, trellis.spec.DatabaseSpec> opened = new HashMap<>();
    /** Each drafted file's spec as last saved (as opened until a Save): a draft that differs is unsaved. */
    private final Map<Path, trellis.spec.DatabaseSpec> saved = new HashMap<>();
    private final Map<Path, Sources.FileSource> sourceOf = new java.util.LinkedHashMap<>();
    private final Consumer<Sources.FileSource> onEdited;

    /** @param onEdited told of each edit of a file's draft, with the file's edited body (to show it) */
    SpecFileCommands(ActionManager actions, Supplier<ActionContext> ctx, Dialogs dialogs, Supplier<Sources.DatabaseRef> current,
                     Supplier<Window> owner, Consumer<Sources.FileSource> onEdited) {
        this.onEdited = onEdited;
        this.actions = actions;
        this.ctx = ctx;
        this.dialogs = dialogs;
        this.current = current;
        this.owner = owner;
    }

    /**
     * The draft of an open spec file: its spec as opened, then as edited by every editor (the
     * wizard, Database users, the graph), one per file so that one Undo history and Save see them all.
     */
    SpecDraft draft(Sources.FileSource file) {
        return drafts.computeIfAbsent(file.path(), p -> {
            SpecDraft d = new SpecDraft(file.body().spec());
            opened.put(p, file.body().spec());
            saved.put(p, file.body().spec());
            sourceOf.put(p, file);
            d.onChange(spec -> {
                CreateDatabaseRequest b = file.body();
                onEdited.accept(new Sources.FileSource(p, new CreateDatabaseRequest(b.id(), b.tenantId(), spec, b.extra())));
            });
            return d;
        });
    }

    /** Whether the file has a draft (an editor touched it). */
    boolean hasDraft(Path file) {
        return drafts.containsKey(file);
    }

    /** The file's spec as it was opened, before its draft's edits; null when it has no draft. */
    trellis.spec.DatabaseSpec opened(Path file) {
        return opened.get(file);
    }

    private Optional<Sources.FileSource> file(String what) {
        Sources.DatabaseRef ref = current.get();
        if (ref != null && ref.source() instanceof Sources.FileSource file) {
            return Optional.of(file);
        }
        ctx.get().alert("No spec file selected", what + " works on a spec file opened offline: open one (File > Open) "
                + "and select its database in the sources tree.");
        return Optional.empty();
    }

    void save(boolean as) {
        file(as ? "Save As" : "Save").ifPresent(file -> {
            Optional<Path> target = as ? dialogs.chooseSpecTarget(file.path().getFileName().toString()) : Optional.of(file.path());
            target.ifPresent(path -> saveTo(file, path, () -> { }));
        });
    }

    /** The open files whose draft differs from what was last saved (or opened), in the order they were first edited. */
    java.util.List<Sources.FileSource> unsaved() {
        return sourceOf.entrySet().stream().filter(e -> !drafts.get(e.getKey()).spec().equals(saved.get(e.getKey())))
                .map(Map.Entry::getValue).toList();
    }

    /**
     * Saves every unsaved file to its own path, one after the other (each asked about its secrets as
     * Save asks), then runs {@code then}; stops, without running it, at a cancel or a failure.
     */
    void saveAll(Runnable then) {
        java.util.List<Sources.FileSource> left = unsaved();
        if (left.isEmpty()) {
            then.run();
            return;
        }
        Sources.FileSource first = left.get(0);
        saveTo(first, first.path(), () -> saveAll(then));
    }

    private void saveTo(Sources.FileSource file, Path path, Runnable after) {
        trellis.spec.DatabaseSpec spec = draft(file).spec();
        CreateDatabaseRequest body = new CreateDatabaseRequest(file.body().id(), file.body().tenantId(), spec, file.body().extra());
        askSecrets(body, path).ifPresent(include -> ctx.get().runner().run(
                () -> SpecSaving.save(path, body, include),
                text -> {
                    saved.put(file.path(), spec);
                    ctx.get().log("Saved " + path + (include ? " with its secrets (readable by you only)" : " without secrets"));
                    after.run();
                },
                error -> ctx.get().alert("Not saved", ActionContext.message(error))));
    }

    /** Whether to keep the secrets in the file; empty when cancelled. Ticked when the file being replaced has them. */
    private Optional<Boolean> askSecrets(CreateDatabaseRequest body, Path path) {
        if (!SpecSaving.hasSecrets(body)) {
            return Optional.of(false);
        }
        CheckBox include = new CheckBox("Include secrets (passwords and keys); the file is then readable by you only");
        include.setId("include-secrets");
        include.setMnemonicParsing(false);
        include.setSelected(false);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, null, save, ButtonType.CANCEL);
        a.setTitle("Save spec file");
        a.setHeaderText("Save " + path.getFileName());
        Label l = new Label("Without secrets, the file can be shared; they are asked for again when you apply it.");
        l.setWrapText(true);
        a.getDialogPane().setContent(new VBox(8, l, include));
        Window w = owner.get();
        if (w != null) {
            a.initOwner(w);
            a.getDialogPane().getStylesheets().setAll(w.getScene().getStylesheets());
        }
        a.getDialogPane().lookupButton(save).setId("save-ok");
        return a.showAndWait().filter(b -> b == save).map(b -> include.isSelected());
    }

    void databaseUsers() {
        file("Database users").ifPresent(file -> new DatabaseUsersDialog(draft(file), actions, owner.get()).showAndWait());
    }
}
