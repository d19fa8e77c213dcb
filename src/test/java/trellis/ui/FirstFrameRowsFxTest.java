package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * When the console takes the first frame's place nothing moves: the menu row, the tool bar, the panes'
 * edges, the dock and the status bar are where the console then draws its own, in each theme, at the
 * window's default splits and at splits a person left it with.
 */
class FirstFrameRowsFxTest {
    @Test
    void theConsoleDrawsItsRowsAndPanesWhereTheFirstFrameHadThem() throws Exception {
        FxToolkit.registerPrimaryStage(); // the toolkit started
        compare(Theme.LIGHT, null);
        compare(Theme.DARK, null);
        compare(Theme.LIGHT, new FirstFrame.Splits(0.25, 0.7, 0.6));
    }

    private static void compare(Theme theme, FirstFrame.Splits splits) throws Exception {
        Settings settings = FxTesting.freshSettings();
        if (splits != null) {
            settings.put("split.left", splits.left());
            settings.put("split.right", splits.right());
            settings.put("split.dock", splits.dock());
        }
        Stage stage = fx(() -> {
            Stage s = new Stage();
            ConsoleApp.showFirstFrame(s, settings, theme);
            s.show();
            return s;
        });
        try {
            WaitForAsyncUtils.waitForFxEvents();
            Map<String, Double> first = fx(() -> {
                BorderPane root = (BorderPane) stage.getScene().getRoot();
                VBox top = (VBox) root.getTop();
                Parent panes = (Parent) ((VBox) root.getCenter()).getChildren().get(0);
                return edges(top.getChildren().get(0), top.getChildren().get(1), panes.getChildrenUnmodifiable().get(0),
                        panes.getChildrenUnmodifiable().get(2), ((VBox) root.getCenter()).getChildren().get(1), root.getBottom());
            });
            fx(() -> ConsoleApp.createWindow(stage, settings, TaskRunner.standard(), theme));
            WaitForAsyncUtils.waitForFxEvents();
            Map<String, Double> console = fx(() -> {
                Scene s = stage.getScene();
                return edges(s.lookup(".menu-bar"), s.lookup(".tool-bar"), s.lookup(".sources-tree").getParent(), s.lookup(".details"),
                        s.lookup(".tab-pane"), s.lookup(".status-bar"));
            });
            String at = theme + (splits == null ? ", default splits" : ", splits " + splits);
            assertThat(first.keySet()).isEqualTo(console.keySet());
            for (String edge : first.keySet()) {
                assertThat(first.get(edge)).as(edge + " (" + at + "): first frame " + first + ", console " + console)
                        .isCloseTo(console.get(edge), within(1.0));
            }
        } finally {
            fx(() -> {
                stage.close();
                return null;
            });
        }
    }

    /** The edges a person would see move: each row's bottom or top, each pane's inner edge. */
    private static Map<String, Double> edges(Node menus, Node tools, Node sources, Node details, Node dock, Node status) {
        Map<String, Double> e = new LinkedHashMap<>();
        e.put("menu row's bottom", bounds(menus).getMaxY());
        e.put("tool bar's bottom", bounds(tools).getMaxY());
        e.put("panes' top", bounds(sources).getMinY());
        e.put("sources' right edge", bounds(sources).getMaxX());
        e.put("details' left edge", bounds(details).getMinX());
        e.put("dock's top", bounds(dock).getMinY());
        e.put("status bar's top", bounds(status).getMinY());
        return e;
    }

    private static Bounds bounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
