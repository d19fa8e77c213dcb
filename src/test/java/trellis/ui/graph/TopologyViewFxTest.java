package trellis.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
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
import trellis.ui.Theme;

/**
 * The parts of the picture together: the legend from FXML with its sizes from CSS, the arrow keys
 * walking the instance cards, the lines starting and ending on the cards they join. Hosts: host-1
 * (node n1; api and mcp), host-2 (node n2; api), host-3 (no node, no instance).
 */
@ExtendWith(ApplicationExtension.class)
class TopologyViewFxTest {
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    TopologyView view;
    final List<TopologyView.Selection> selections = new ArrayList<>();

    @Start
    void start(Stage stage) {
        view = new TopologyView();
        view.setOnSelect(selections::add);
        Scene scene = new Scene(view, 1200, 700);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
        DatabaseSpec spec = new DatabaseSpec("shop", null, null, null, null, null, null,
                List.of(new DatabaseNode("n1", List.of("host-1"), null, null, null, null, null, null, null),
                        new DatabaseNode("n2", List.of("host-2"), null, null, null, null, null, null, null)),
                List.of(new DatabaseUser("app", null, null, null, null, null)),
                List.of(new ServiceSpec("api", "postgrest", "14.5", List.of("host-1", "host-2"), "app", 0, null, null, null, null, null, null),
                        new ServiceSpec("mcp", "mcp", "1.0.0", List.of("host-1"), "app", 0, null, null, null, null, null, null)),
                null);
        view.show(TopologyBuilder.planned("shop", spec));
    }

    @Test
    void theLegendComesFromFxmlWithItsIconSizesFromCss(FxRobot robot) {
        List<Label> items = robot.lookup(".legend .legend-item").queryAllAs(Label.class).stream().toList();
        assertThat(items).extracting(Label::getText).containsExactly("creating", "running, healthy", "failed",
                "deleting", "pending", "orphan", "running, health unknown", "──  connects to node");
        // creating is a still icon like the others: nothing in the picture animates, so nothing pulses while it shows
        assertThat(items.get(0).getGraphic().getStyleClass()).containsExactly("state-icon", "icon-creating");
        assertThat(items.get(0).getStyleClass()).containsExactly("label", "legend-item", "state-creating");
        assertThat(items.get(1).getGraphic().getStyleClass()).containsExactly("state-icon", "icon-running");
        assertThat(items.get(6).getGraphic().getStyleClass()).containsExactly("state-icon", "icon-running-unknown");
        assertThat(items.get(7).getGraphic()).isNull();
        Region icon = (Region) items.get(2).getGraphic();
        assertThat(icon.getWidth()).isEqualTo(12);
        assertThat(icon.getHeight()).isEqualTo(12);
        Region creating = (Region) items.get(0).getGraphic();
        assertThat(creating.getWidth()).isEqualTo(12);
        assertThat(creating.getHeight()).isEqualTo(12);
        assertThat(((javafx.scene.shape.SVGPath) creating.getShape()).getContent()).as("the creating arc, from CSS")
                .isEqualTo("M6,0 A6,6 0 1,1 0,6 L2,6 A4,4 0 1,0 6,2 Z");
    }

    @Test
    void theArrowKeysWalkTheInstancesHostByHost(FxRobot robot) {
        robot.interact(view::requestFocus);
        robot.type(KeyCode.RIGHT);
        assertThat(selectedId()).as("nothing selected: any arrow picks the first").isEqualTo("shop-api-host-1");
        robot.type(KeyCode.DOWN);
        assertThat(selectedId()).isEqualTo("shop-mcp-host-1");
        robot.type(KeyCode.RIGHT);
        assertThat(selectedId()).as("host-2 has one row").isEqualTo("shop-api-host-2");
        robot.type(KeyCode.RIGHT);
        assertThat(selectedId()).as("host-3 has no instances: the edge").isEqualTo("shop-api-host-2");
        robot.type(KeyCode.LEFT, KeyCode.UP);
        assertThat(selectedId()).isEqualTo("shop-api-host-1");
        assertThat(robot.lookup("#instance-shop-api-host-1").query().getPseudoClassStates()).contains(SELECTED);
        assertThat(robot.lookup("#instance-shop-mcp-host-1").query().getPseudoClassStates()).doesNotContain(SELECTED);
        assertThat(selections).last().isInstanceOf(TopologyView.Selection.OfInstance.class);
    }

    @Test
    void eachLineRunsFromAnInstancesSideToANodesSide(FxRobot robot) {
        waitUntil("lines drawn", () -> !robot.lookup(".connection").queryAll().isEmpty());
        Node content = robot.lookup(".topology-content").query();
        List<double[]> ends = new ArrayList<>();
        robot.lookup(".connection").queryAllAs(Path.class).forEach(p -> {
            for (int k = 0; k < p.getElements().size(); k++) {
                if (p.getElements().get(k) instanceof MoveTo m) {
                    int last = k + 1;
                    while (last + 1 < p.getElements().size() && !(p.getElements().get(last + 1) instanceof MoveTo)) {
                        last++;
                    }
                    javafx.scene.shape.LineTo end = (javafx.scene.shape.LineTo) p.getElements().get(last);
                    ends.add(new double[]{m.getX(), m.getY(), end.getX(), end.getY()});
                }
            }
        });
        // api on two hosts to two nodes, mcp to two nodes
        assertThat(ends).hasSize(6);
        List<javafx.geometry.Bounds> instances = robot.lookup(".instance").queryAll().stream()
                .map(n -> content.sceneToLocal(n.localToScene(n.getBoundsInLocal()))).toList();
        List<javafx.geometry.Bounds> nodes = robot.lookup(".db-node").queryAll().stream()
                .map(n -> content.sceneToLocal(n.localToScene(n.getBoundsInLocal()))).toList();
        for (double[] e : ends) {
            assertThat(instances.stream().anyMatch(b -> (e[0] == b.getMinX() || e[0] == b.getMaxX())
                    && e[1] == b.getCenterY())).as("starts on an instance's side").isTrue();
            assertThat(nodes.stream().anyMatch(b -> (e[2] == b.getMinX() || e[2] == b.getMaxX())
                    && e[3] == b.getCenterY())).as("ends on a node's side").isTrue();
        }
    }

    @Test
    void anUnbuiltHostCardKeepsTheSpaceCssGivesItsRows(FxRobot robot) {
        HostCard[] card = new HostCard[1];
        robot.interact(() -> {
            card[0] = new HostCard(view.topology().host("host-1").orElseThrow());
            Scene scene = new Scene(card[0]);
            String css = ".host { -trellis-placeholder-header: 100; -trellis-placeholder-node: 10;"
                    + " -trellis-placeholder-instance: 20; }";
            scene.getStylesheets().add("data:text/css;base64,"
                    + java.util.Base64.getEncoder().encodeToString(css.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            card[0].applyCss();
        });
        // one node, two instances
        assertThat(card[0].minHeight(-1)).isEqualTo(100 + 10 + 2 * 20);
        assertThat(card[0].getChildrenUnmodifiable()).isEmpty();
        assertThat(card[0].getId()).as("no id until built").isNull();
    }

    private String selectedId() {
        return ((TopologyView.Selection.OfInstance) selections.get(selections.size() - 1)).instance().instanceId();
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
