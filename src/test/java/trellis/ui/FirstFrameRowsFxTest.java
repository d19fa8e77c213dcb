package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
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
        Stage stage = FxTesting.fx(() -> {
            Stage s = new Stage();
            ConsoleApp.showFirstFrame(s, settings, theme);
            s.show();
            return s;
        }, 10);
        try {
            WaitForAsyncUtils.waitForFxEvents();
            Map<String, Double> first = FxTesting.fx(() -> {
                BorderPane root = (BorderPane) stage.getScene().getRoot();
                VBox top = (VBox) root.getTop();
                Parent panes = (Parent) ((VBox) root.getCenter()).getChildren().get(0);
                return edges(top.getChildren().get(0), top.getChildren().get(1), panes.getChildrenUnmodifiable().get(0),
                        panes.getChildrenUnmodifiable().get(2), ((VBox) root.getCenter()).getChildren().get(1), root.getBottom());
            }, 10);
            FxTesting.fx(() -> ConsoleApp.createWindow(stage, settings, TaskRunner.standard(), theme), 10);
            WaitForAsyncUtils.waitForFxEvents();
            Map<String, Double> console = FxTesting.fx(() -> {
                Scene s = stage.getScene();
                return edges(s.lookup(".menu-bar"), s.lookup(".tool-bar"), s.lookup(".sources-tree").getParent(), s.lookup(".details"),
                        s.lookup(".tab-pane"), s.lookup(".status-bar"));
            }, 10);
            String at = theme + (splits == null ? ", default splits" : ", splits " + splits);
            assertThat(first.keySet()).isEqualTo(console.keySet());
            for (String edge : first.keySet()) {
                assertThat(first.get(edge)).as(edge + " (" + at + "): first frame " + first + ", console " + console)
                        .isCloseTo(console.get(edge), within(1.0));
            }
        } finally {
            FxTesting.fx(() -> {
                stage.close();
                return null;
            }, 10);
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
}
