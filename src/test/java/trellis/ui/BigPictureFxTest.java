package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.spec.DatabaseNode;
import trellis.spec.DatabaseSpec;
import trellis.spec.DatabaseUser;
import trellis.spec.ServiceSpec;
import trellis.topology.TopologyBuilder;
import trellis.ui.graph.TopologyView;

/**
 * A database wider than the window: host cards off screen are placeholders (no content, no id)
 * until they come into view, as rows of a list are; fitting the picture, or exporting it, builds
 * them all with their ids.
 */
@ExtendWith(ApplicationExtension.class)
class BigPictureFxTest {
    static final int HOSTS = 40;
    TopologyView view;

    @Start
    void start(Stage stage) {
        view = new TopologyView();
        Scene scene = new Scene(view, 1000, 700);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
        List<String> hosts = new ArrayList<>();
        for (int h = 1; h <= HOSTS; h++) {
            hosts.add("host-" + h);
        }
        DatabaseSpec spec = new DatabaseSpec("wide", null, null, null, null, null, null,
                List.of(new DatabaseNode("n1", List.of("host-1"), null, null, null, null, null, null, null)),
                List.of(new DatabaseUser("app", null, null, null, null, null)),
                List.of(new ServiceSpec("api", "postgrest", "14.5", hosts, "app", 0, null, null, null, null, null, null),
                        new ServiceSpec("mcp", "mcp", "1.0.0", hosts, "app", 0, null, null, null, null, null, null)),
                null);
        view.show(TopologyBuilder.planned("wide", spec));
    }

    @Test
    void cardsOffScreenWaitAndFitBuildsThemAll(FxRobot robot) {
        // every host has its card, for the layout; only those in view have content and an id
        assertThat(robot.lookup(".host").queryAll()).hasSize(HOSTS);
        assertThat(robot.lookup("#host-host-1 .instance").queryAll()).hasSize(2);
        assertThat(robot.lookup("#instance-wide-api-host-1").tryQuery()).isPresent();
        assertThat(robot.lookup("#host-host-" + HOSTS).tryQuery()).isEmpty();
        assertThat(robot.lookup(".instance").queryAll().size()).isBetween(2, HOSTS);

        robot.interact(view::fit);
        waitUntil("every host built after fit", 5, () -> robot.lookup(".instance").queryAll().size() == 2 * HOSTS);
        assertThat(robot.lookup("#host-host-" + HOSTS + " .instance").queryAll()).hasSize(2);
        assertThat(robot.lookup("#instance-wide-mcp-host-" + HOSTS).tryQuery()).isPresent();
        assertThat(view.instanceIds()).hasSize(2 * HOSTS);
    }
}
