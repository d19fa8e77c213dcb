package trellis.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;

/** The main window's gestures beyond its menus: files dropped on it, Ctrl+R, '/' to filter, Escape to clear the filter. */
final class WindowGestures {
    private WindowGestures() {
    }

    /** Each file dropped on the window is opened as a spec file. */
    static void acceptDroppedFiles(Node target, Consumer<Path> open) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles()) {
                for (File f : e.getDragboard().getFiles()) {
                    open.accept(f.toPath());
                    ok = true;
                }
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Ctrl+R refreshes; '/' outside a text field focuses the filter; Escape in the filter clears it and goes back to the picture. */
    static void installKeys(Scene scene, TextField filterField, Node picture, Runnable refresh) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), refresh);
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("/".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                filterField.requestFocus();
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && filterField.isFocused()) {
                filterField.clear();
                picture.requestFocus();
            }
        });
    }
}
