package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.has;
import static trellis.ui.FxTesting.waitUntil;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import trellis.TestFiles;

/**
 * The console as Launcher starts it: its first frame, then the console in the same window; a spec file on the
 * command line shows its planned picture.
 */
class ConsoleAppFxTest {
    private String before;

    @AfterEach
    void restore() throws Exception {
        FxToolkit.cleanupStages();
        if (before == null) {
            System.clearProperty("trellis.settings");
        } else {
            System.setProperty("trellis.settings", before);
        }
    }

    @Test
    void aFileOnTheCommandLineOpensWithEveryInstancePending() throws Exception {
        before = System.getProperty("trellis.settings");
        // never the person's own ~/.config/trellis
        System.setProperty("trellis.settings", Files.createTempDirectory("trellis-app").resolve("console.properties").toString());
        // as trellis.app.ConsoleMain hands them over, but with no local engine
        ConsoleApp.use(ConsoleServices.offline(new Settings(Settings.defaultFile()), TaskRunner.standard()));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(ConsoleApp.class, TestFiles.example("separate-host.json").toString());
        FxRobot robot = new FxRobot();
        waitUntil("the planned picture", 20, () -> robot.lookup("#instance-inventory-mcp-host-3").tryQuery().isPresent());
        assertThat(has(robot.lookup("#instance-inventory-mcp-host-3").query(), "pending")).isTrue();
        assertThat(robot.lookup("#host-host-3").tryQuery()).isPresent();
        assertThat(robot.lookup("#node-n1").tryQuery()).isPresent();
        assertThat(robot.lookup("#service-mcp").tryQuery()).isPresent();
        assertThat(robot.lookup(".connection-state").queryLabeled().getText()).startsWith("Offline: separate-host.json");
    }

    /** Each scene the primary stage gets, and each root its scene gets, as class and first style class. */
    private static String name(Parent root) {
        // (a scene's root has the style class "root" besides its own)
        return root.getClass().getSimpleName() + "." + String.join(".", root.getStyleClass().filtered(c -> !c.equals("root")));
    }

    @Test
    void theWindowShowsItsFirstFrameThenTheConsoleTakesItsPlaceInTheSameScene() throws Exception {
        before = System.getProperty("trellis.settings");
        System.setProperty("trellis.settings", Files.createTempDirectory("trellis-app").resolve("console.properties").toString());
        ConsoleApp.use(ConsoleServices.offline(new Settings(Settings.defaultFile()), TaskRunner.standard()));
        Stage stage = FxToolkit.registerPrimaryStage();
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Scene> scenes = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> stage.sceneProperty().addListener((o, a, scene) -> {
            scenes.add(scene);
            seen.add("scene: " + name(scene.getRoot()));
            scene.rootProperty().addListener((o2, was, root) -> seen.add("root: " + name(root)));
            // what the first pulse laid out: the frame that goes to the screen first
            Runnable[] first = new Runnable[1];
            first[0] = () -> {
                seen.add("first pulse: " + name(scene.getRoot()));
                scene.removePostLayoutPulseListener(first[0]);
            };
            scene.addPostLayoutPulseListener(first[0]);
        })).get(10, TimeUnit.SECONDS);
        FxToolkit.setupApplication(ConsoleApp.class);
        FxRobot robot = new FxRobot();
        waitUntil("the console's menu bar", 20, () -> robot.lookup(".menu-bar").tryQuery().isPresent());
        assertThat(seen).as("one scene: the first frame laid out by the first pulse, then the console's root in it")
                .containsExactly("scene: BorderPane.first-frame", "first pulse: BorderPane.first-frame", "root: BorderPane.main-window");
        assertThat(scenes).hasSize(1);
        assertThat(stage.getTitle()).isEqualTo("Trellis — supporting services of pgEdge databases");
        assertThat(FirstFrame.showing(stage.getScene())).isFalse();
    }

    @Test
    void theFirstFrameIsTheWindowsLayoutInPlainNodesInEachTheme() throws Exception {
        FxToolkit.registerPrimaryStage(); // the toolkit started
        for (Theme theme : Theme.values()) {
            Stage stage = WaitForAsyncUtils.asyncFx(() -> {
                Stage s = new Stage();
                FirstFrame.install(s, theme, 1400, 860);
                s.show();
                return s;
            }).get(10, TimeUnit.SECONDS);
            try {
                Scene scene = stage.getScene();
                WaitForAsyncUtils.waitForFxEvents();
                List<String> texts = new ArrayList<>();
                List<String> controls = new ArrayList<>();
                int[] nodes = {0};
                WaitForAsyncUtils.asyncFx(() -> walk(scene.getRoot(), texts, controls, nodes)).get(10, TimeUnit.SECONDS);
                assertThat(texts).as("the menus' names, the sources pane's title, what is happening, the status bar")
                        .containsExactly("File", "Edit", "Engine", "View", "Help", "SOURCES", "Opening the console…", "Starting…");
                assertThat(controls).as("no control but labels: nothing to skin but text").containsOnly("Label");
                assertThat(nodes[0]).as("nodes in the first frame, labels' text included").isEqualTo(27);
                Color bg = theme == Theme.DARK ? Color.web("#15191f") : Color.web("#f6f7f9");
                assertThat(((Region) scene.getRoot()).getBackground().getFills().get(0).getFill()).as("the theme's background").isEqualTo(bg);
                assertThat(scene.getStylesheets()).as("no style sheet to parse").isEmpty();
                FxTesting.screenshot(scene, theme == Theme.DARK ? "first-frame-dark" : "first-frame");
            } finally {
                WaitForAsyncUtils.asyncFx(stage::close).get(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Void walk(Node n, List<String> texts, List<String> controls, int[] nodes) {
        nodes[0]++;
        if (n instanceof Label l) {
            texts.add(l.getText());
        }
        if (n instanceof Control c) {
            controls.add(c.getClass().getSimpleName());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, texts, controls, nodes);
            }
        }
        return null;
    }
}
