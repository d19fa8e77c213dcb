package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import trellis.TestFiles;

/**
 * What the first frame leaves out is there once it is needed: the toolbar's tooltips appear on
 * hover, the details pane's instance actions once an instance is selected, and the menus' items
 * (with their shortcuts) right after the first frame, before any menu is opened.
 */
@ExtendWith(ApplicationExtension.class)
class FirstFrameFxTest {
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = ConsoleApp.createWindow(stage, FxTesting.freshSettings(), TaskRunner.standard(), Theme.LIGHT);
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
    }

    private List<String> toolbarTooltips(FxRobot robot) {
        ToolBar bar = robot.lookup(".tool-bar").queryAs(ToolBar.class);
        return bar.getItems().stream().filter(n -> n instanceof Control c && c.getTooltip() != null)
                .map(n -> ((Control) n).getTooltip().getText()).toList();
    }

    @Test
    void theToolbarsTooltipsAreMadeOnFirstHoverWithTheirTexts(FxRobot robot) {
        assertThat(toolbarTooltips(robot)).isEmpty();
        ToolBar bar = robot.lookup(".tool-bar").queryAs(ToolBar.class);
        for (Node item : bar.getItems()) {
            if (item instanceof javafx.scene.control.ButtonBase) {
                robot.moveTo(item);
            }
        }
        assertThat(toolbarTooltips(robot)).containsExactly("Poll now (F5, Ctrl+R)", "Pause or resume polling",
                "Fit to window (Ctrl+0)", "Zoom in (Ctrl+=)", "Zoom out (Ctrl+-)");
    }

    @Test
    void menuShortcutsWorkFromAFreshWindowBeforeAnyMenuWasOpened(FxRobot robot) {
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.SHORTCUT);
        assertThat(window.events()).hasSize(1);
        assertThat(window.events().get(0)).endsWith("Add service: open the database's spec file (File > Open) or a template"
                + " (File > New from template); or select a database of a control plane");
        // the menus are whole once shown: File's items by their text
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertThat(bar.getMenus().stream().map(Menu::getText).toList()).containsExactly("_File", "_Edit", "_Engine", "_View", "_Help");
        assertThat(bar.getMenus().get(0).getItems().stream().map(MenuItem::getText).filter(Objects::nonNull).toList())
                .containsExactly("_Open spec file…", "_New from template", "_Save", "Save _As…", "_Connect to Control Plane…",
                        "_Deploy to local engine…", "Remove _service…", "_Remove database…", "_Export picture…", "_Quit");
    }

    @Test
    void theInstanceActionsAreMadeWhenAnInstanceIsFirstSelected(FxRobot robot) throws Exception {
        assertThat(robot.lookup(".details .button").queryAll()).isEmpty();
        robot.interact(() -> window.openFile(TestFiles.example("separate-host.json")));
        FxTesting.waitUntil("the instance drawn", 20,
                () -> robot.lookup("#instance-inventory-mcp-host-3").tryQuery().isPresent());
        robot.interact(() -> window.graph().fit());
        robot.clickOn("#instance-inventory-mcp-host-3");
        List<String> shown = robot.lookup(".details .button").queryAllAs(Button.class).stream()
                .filter(Node::isVisible).map(Button::getText).filter(Objects::nonNull).toList();
        // a spec file's instance: no source that can show its files
        assertThat(shown).containsExactly("Copy service URL", "Copy connection string (no password)");
        FxTesting.screenshot(window.root().getScene(), "first-frame-instance-actions");
    }

    @Test
    void aLongConnectionStringWrapsAfterItsDelimitersNotMidWord(FxRobot robot) throws Exception {
        robot.interact(() -> window.openFile(TestFiles.example("separate-host.json")));
        FxTesting.waitUntil("the instance drawn", 20,
                () -> robot.lookup("#instance-inventory-mcp-host-3").tryQuery().isPresent());
        robot.interact(() -> window.graph().fit());
        robot.clickOn("#instance-inventory-mcp-host-3");
        // the connection string's preview: its accessible text is the address itself, with no line break
        javafx.scene.control.Label preview = robot.lookup(".details .copy-preview").match(n -> n.isVisible()
                && String.valueOf(((javafx.scene.control.Label) n).getAccessibleText()).startsWith("postgresql://"))
                .queryAs(javafx.scene.control.Label.class);
        String address = preview.getAccessibleText();
        // narrower than the address: the window's details pane as a person drags it narrow
        robot.interact(() -> preview.getScene().getWindow().setWidth(900));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(preview.getFont());
        measure.setText(address);
        double width = preview.getWidth() - preview.snappedLeftInset() - preview.snappedRightInset();
        assertThat(measure.getLayoutBounds().getWidth()).as("the address is wider than the preview").isGreaterThan(width);
        List<String> lines = List.of(preview.getText().split("\n"));
        assertThat(String.join("", lines)).as("the lines are the address").isEqualTo(address);
        assertThat(lines).hasSizeGreaterThan(1);
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertThat(line).as("a line ends after a delimiter").matches(".*[/@?&]");
        }
        for (String line : lines) {
            measure.setText(line);
            assertThat(measure.getLayoutBounds().getWidth()).as("'" + line + "' fits the preview's width").isLessThanOrEqualTo(width);
        }
        FxTesting.screenshot(window.root().getScene(), "details-connection-wrapped");
    }
}
