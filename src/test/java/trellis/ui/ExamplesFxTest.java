package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.has;
import static trellis.ui.FxTesting.waitUntil;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.TestFiles;

/** The console opens each documented topology and draws what a person must see. */
@ExtendWith(ApplicationExtension.class)
class ExamplesFxTest {
    MainWindow window;
    Settings settings;

    @Start
    void start(Stage stage) throws Exception {
        settings = FxTesting.freshSettings();
        window = ConsoleApp.createWindow(stage, settings, TaskRunner.standard(), Theme.LIGHT);
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
    }

    private void open(FxRobot robot, String example, String anyInstance) {
        robot.interact(() -> window.openFile(TestFiles.example(example)));
        waitUntil(anyInstance + " drawn", 20, () -> robot.lookup("#instance-" + anyInstance).tryQuery().isPresent());
        robot.interact(() -> window.graph().fit());
    }

    @Test
    void coLocated(FxRobot robot) throws Exception {
        open(robot, "co-located.json", "storefront-api-host-1");
        Node host = robot.lookup("#host-host-1").query();
        Node node = robot.lookup("#node-n1").query();
        Node inst = robot.lookup("#instance-storefront-api-host-1").query();
        assertThat(host.getStyleClass()).contains("host");
        assertThat(node.getStyleClass()).contains("db-node");
        assertThat(inst.getStyleClass()).contains("instance");
        assertThat(has(inst, "pending")).isTrue();
        assertThat(robot.lookup("#host-host-1 .instance").queryAll()).hasSize(1);
        assertThat(robot.lookup("#service-api").queryAs(Label.class).getText()).contains("co-located", "postgrest", "as app");
        assertThat(robot.lookup("#instance-storefront-api-host-1 .instance-state").queryAs(Label.class).getText()).isEqualTo("pending");
        assertThat(window.events()).anySatisfy(e -> assertThat(e).contains("co-located.json: opened, valid"));
        FxTesting.screenshot(window.root().getScene(), "example-co-located");
    }

    @Test
    void separateHost(FxRobot robot) throws Exception {
        open(robot, "separate-host.json", "inventory-mcp-host-3");
        assertThat(robot.lookup(".host").queryAll()).hasSize(3);
        assertThat(robot.lookup("#host-host-3 .db-node").queryAll()).isEmpty();
        assertThat(robot.lookup("#host-host-3 .instance").queryAll()).hasSize(1);
        assertThat(robot.lookup("#host-host-1 .instance").queryAll()).isEmpty();
        assertThat(robot.lookup("#host-host-3 .host-kind").queryAs(Label.class).getText()).isEqualTo("no database node");
        assertThat(robot.lookup("#service-mcp").queryAs(Label.class).getText()).contains("separate-host");
        waitUntil("lines drawn", 5, () -> robot.lookup(".connection").queryAll().size() == 1);
        javafx.scene.shape.Path lines = robot.lookup(".connection").queryAs(javafx.scene.shape.Path.class);
        assertThat(lines.getElements().stream().filter(e -> e instanceof javafx.scene.shape.MoveTo).count())
                .as("one dashed line to each of n1 and n2").isEqualTo(2);
        FxTesting.screenshot(window.root().getScene(), "example-separate-host");
    }

    @Test
    void multipleInstances(FxRobot robot) throws Exception {
        open(robot, "multiple-instances.json", "catalog-api-host-2");
        assertThat(robot.lookup(".instance").queryAll()).hasSize(2);
        assertThat(robot.lookup("#host-host-1 #instance-catalog-api-host-1").tryQuery()).isPresent();
        assertThat(robot.lookup("#host-host-2 #instance-catalog-api-host-2").tryQuery()).isPresent();
        assertThat(robot.lookup("#node-n2").tryQuery()).isPresent();
        assertThat(robot.lookup("#service-api").queryAs(Label.class).getText()).contains("multiple-instances");
        robot.lookup(".instance").queryAll().forEach(n -> assertThat(n.getStyleClass()).contains("svc-color-0"));
        FxTesting.screenshot(window.root().getScene(), "example-multiple-instances");
    }

    @Test
    void theWindowRemembersItsLayoutIntervalAndFiles(FxRobot robot) {
        open(robot, "co-located.json", "storefront-api-host-1");
        robot.interact(() -> {
            window.setInterval(7);
            window.saveLayout();
        });
        assertThat(settings.get("interval", 0)).isEqualTo(7);
        assertThat(settings.get("window.w", 0)).isEqualTo(1400);
        assertThat(settings.list("files")).containsExactly(TestFiles.example("co-located.json").toAbsolutePath().toString());
        Settings reread = new Settings(settings.file());
        assertThat(reread.get("interval", 0)).as("written to the config file").isEqualTo(7);
        assertThat(reread.list("files")).hasSize(1);
    }

    @Test
    void theNextRunReopensTheLastFilesAndSkipsOnesThatWentAway(FxRobot robot) {
        settings.putList("files", java.util.List.of(TestFiles.example("co-located.json").toAbsolutePath().toString(),
                "/nonexistent/gone.json"));
        robot.interact(window::reopenLast);
        waitUntil("reopened", 10, () -> robot.lookup("#instance-storefront-api-host-1").tryQuery().isPresent());
        assertThat(robot.listWindows()).as("no alert for the file that went away").hasSize(1);
    }

    @Test
    void ctrlScrollZoomsAboutThePointer(FxRobot robot) {
        open(robot, "multiple-instances.json", "catalog-api-host-2");
        Node card = robot.lookup("#instance-catalog-api-host-2").query();
        javafx.geometry.Point2D before = robot.point(card).query();
        double zoom = window.graph().zoomProperty().get();
        robot.moveTo(card).press(javafx.scene.input.KeyCode.CONTROL)
                .scroll(2, javafx.geometry.VerticalDirection.UP).release(javafx.scene.input.KeyCode.CONTROL);
        waitUntil("zoomed", 3, () -> window.graph().zoomProperty().get() != zoom);
        javafx.geometry.Point2D after = robot.point(card).query();
        // the card's centre moves away from the pointer by the zoom step at most, not off screen
        assertThat(after.distance(before)).isLessThan(60);
    }

    @Test
    void theFilterDimsWhatDoesNotMatch(FxRobot robot) {
        open(robot, "separate-host.json", "inventory-mcp-host-3");
        robot.interact(() -> window.graph().setFilter("host-1"));
        assertThat(robot.lookup("#host-host-3").query().getStyleClass()).contains("dimmed");
        assertThat(robot.lookup("#host-host-1").query().getStyleClass()).doesNotContain("dimmed");
        robot.interact(() -> window.graph().setFilter("pending"));
        assertThat(robot.lookup("#instance-inventory-mcp-host-3").query().getStyleClass()).doesNotContain("dimmed");
        robot.interact(() -> window.graph().setFilter("running"));
        assertThat(robot.lookup("#instance-inventory-mcp-host-3").query().getStyleClass()).contains("dimmed");
    }

    @Test
    void selectingAServiceShowsItsSpecWithoutSecrets(FxRobot robot) throws Exception {
        open(robot, "separate-host.json", "inventory-mcp-host-3");
        robot.clickOn("#service-mcp");
        String text = robot.lookup(".details .label").queryAllAs(Label.class).stream().map(Label::getText)
                .reduce("", (a, b) -> a + "\n" + b);
        assertThat(text).contains("Service mcp", "separate-host", "claude-sonnet-4-5").doesNotContain("sk-ant-example");
        FxTesting.screenshot(window.root().getScene(), "details-service-secret-hidden");
    }

    @Test
    void theKeyboardReachesTheFilterTheZoomAndEveryInstance(FxRobot robot) {
        open(robot, "multiple-instances.json", "catalog-api-host-1");
        robot.interact(() -> window.graph().requestFocus());
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.F, javafx.scene.input.KeyCode.CONTROL);
        waitUntil("Ctrl+F focuses the filter", 3, () -> robot.lookup(".filter-box").query().isFocused());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil("Escape hands focus back to the picture", 3, () -> window.graph().isFocused());
        robot.type(javafx.scene.input.KeyCode.SLASH);
        waitUntil("/ focuses the filter", 3, () -> robot.lookup(".filter-box").query().isFocused());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);

        double before = window.graph().zoomProperty().get();
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.EQUALS)
                .release(javafx.scene.input.KeyCode.EQUALS, javafx.scene.input.KeyCode.CONTROL);
        waitUntil("Ctrl+= zooms in", 3, () -> window.graph().zoomProperty().get() > before);

        robot.type(javafx.scene.input.KeyCode.RIGHT);
        waitUntil("an arrow selects the first instance", 3, () -> detailsText(robot).contains("catalog-api-host-1"));
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        waitUntil("the next arrow the instance on the next host", 3, () -> detailsText(robot).contains("catalog-api-host-2"));
        assertThat(has(robot.lookup("#instance-catalog-api-host-2").query(), "selected")).isTrue();
    }

    private static String detailsText(FxRobot robot) {
        return robot.lookup(".details .label").queryAllAs(Label.class).stream().map(Label::getText)
                .reduce("", (a, b) -> a + "\n" + b);
    }
}
