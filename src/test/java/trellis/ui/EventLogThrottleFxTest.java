package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The event log on screen: a line logged after a quiet spell shows at once; the lines of a burst
 * (polls of several databases, a fast interval) show together when it ends, in the model's order,
 * as one change of the list instead of one per poll.
 */
@ExtendWith(ApplicationExtension.class)
class EventLogThrottleFxTest {
    final ObservableList<String> model = FXCollections.observableArrayList();
    ListView<String> view;
    final List<List<String>> shownChanges = new ArrayList<>();

    @Start
    void start(Stage stage) {
        view = new ListView<>();
        StatusBar.followThrottled(model, view);
        view.getItems().addListener((ListChangeListener<String>) c -> shownChanges.add(List.copyOf(view.getItems())));
        stage.setScene(new Scene(view, 400, 300));
        stage.show();
    }

    @Test
    void aLineAfterAQuietSpellShowsAtOnceAndABurstShowsTogetherAtItsEnd(FxRobot robot) {
        List<List<String>> right = new ArrayList<>();
        robot.interact(() -> {
            model.add(0, "10:00:00  api on host-1: creating → running");
            right.add(List.copyOf(view.getItems()));
            // the burst: three more polls within the refresh period
            model.add(0, "10:00:00  api on host-2: creating → running");
            model.add(0, "10:00:00  mcp on host-1: running → failed");
            model.add(0, "10:00:00  mcp on host-1: failed → running");
            right.add(List.copyOf(view.getItems()));
        });
        assertThat(right.get(0)).as("the first line, at once").containsExactly("10:00:00  api on host-1: creating → running");
        assertThat(right.get(1)).as("the burst, not yet").containsExactly("10:00:00  api on host-1: creating → running");

        FxTesting.waitUntil("the burst shown", 3, () -> view.getItems().size() == 4);
        List<String> shown = new ArrayList<>();
        List<List<String>> changes = new ArrayList<>();
        robot.interact(() -> {
            shown.addAll(view.getItems());
            changes.addAll(shownChanges);
        });
        assertThat(shown).containsExactly(
                "10:00:00  mcp on host-1: failed → running",
                "10:00:00  mcp on host-1: running → failed",
                "10:00:00  api on host-2: creating → running",
                "10:00:00  api on host-1: creating → running");
        assertThat(changes).as("two changes of the list on screen, not four").hasSize(2);
    }
}
