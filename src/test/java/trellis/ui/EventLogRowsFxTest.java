package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The event log in the console: every line one row of the same height, a line too long for the dock ends in "…"
 * and shows whole in a tooltip when the pointer rests on it. (Rows of one height: wrapped rows of different heights
 * were measured out of sight after every change, and each such pulse repainted the whole window; bench/RESULTS.md.)
 */
@ExtendWith(ApplicationExtension.class)
class EventLogRowsFxTest {
    static final String LONG = "08:04:34  No Docker engine found (DOCKER_HOST is not set and /var/run/docker.sock is missing):"
            + " install and start Docker (sudo systemctl start docker) to run services locally. Spec files still open"
            + " offline, and this line goes on past the right edge of any dock a window of 1,000 pixels has.";
    static final String SHORT = "08:04:35  api on host-1: creating → running";
    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = ConsoleApp.createWindow(stage, FxTesting.freshSettings(), TaskRunner.standard(), Theme.LIGHT);
        stage.setWidth(1000);
        stage.setHeight(700);
        stage.show();
    }

    @Test
    void aLineTooLongForTheDockIsOneRowEndingInAnEllipsisAndShowsWholeOnHover(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<String> log = robot.lookup("#eventLog").queryAs(ListView.class);
        robot.interact(() -> window.events().setAll(List.of(SHORT, LONG)));
        FxTesting.waitUntil("both lines in the log", 5, () -> log.getItems().equals(List.of(SHORT, LONG)));
        WaitForAsyncUtils.waitForFxEvents();

        List<ListCell<String>> rows = rows(robot);
        assertThat(rows).extracting(ListCell::getItem).containsExactly(SHORT, LONG);
        assertThat(rows).extracting(c -> c.getHeight()).as("one row each, the same height").containsExactly(21.0, 21.0);
        assertThat(shown(rows.get(0))).isEqualTo(SHORT);
        String longShown = shown(rows.get(1));
        assertThat(longShown).as("the long line cut at the dock's edge").endsWith("…").hasSizeLessThan(LONG.length());
        assertThat(LONG).startsWith(longShown.substring(0, longShown.length() - 1));
        assertThat(rows.get(1).getTooltip()).as("no tooltip before the pointer came").isNull();

        robot.moveTo(rows.get(1));
        FxTesting.waitUntil("the tooltip of the long line shown", 10,
                () -> rows.get(1).getTooltip() != null && rows.get(1).getTooltip().isShowing());
        assertThat(rows.get(1).getTooltip().getText()).isEqualTo(LONG);
        FxTesting.screenshot(stage.getScene(), "event-log-long-line");

        // a new line on top moves every row's line down: a row's tooltip follows the line the row shows now
        String next = "08:04:36  api on host-2: creating → running";
        robot.interact(() -> window.events().add(0, next));
        FxTesting.waitUntil("the new line on top", 5, () -> log.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        List<ListCell<String>> after = rows(robot);
        assertThat(after).extracting(ListCell::getItem).containsExactly(next, SHORT, LONG);
        assertThat(after.stream().filter(c -> c.getTooltip() != null).toList()).as("the rows the pointer was on")
                .isNotEmpty().allSatisfy(c -> assertThat(c.getTooltip().getText()).isEqualTo(c.getItem()));
    }

    /** The rows showing a line, top to bottom. */
    @SuppressWarnings("unchecked")
    private static List<ListCell<String>> rows(FxRobot robot) {
        return robot.lookup("#eventLog .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> !c.isEmpty() && c.isVisible()).map(c -> (ListCell<String>) c)
                .sorted(Comparator.comparingInt(ListCell::getIndex)).toList();
    }

    private static String shown(ListCell<?> cell) {
        return ((Text) cell.lookup(".text")).getText();
    }
}
