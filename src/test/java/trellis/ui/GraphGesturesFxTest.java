package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
import trellis.topology.DraftMarks;
import trellis.topology.InstancePlacement;
import trellis.topology.TopologyBuilder;
import trellis.ui.graph.EditGestures;
import trellis.ui.graph.TopologyView;

/**
 * The picture as an editor, driven with the mouse and keys as a person would: drag an instance to
 * another host, Ctrl+drag to add one, a refused drop, Delete, M and A, and a draft's marks. The
 * gestures' answers come from a recorder here (this tests the view; the console's answers, from
 * the validator and the undoable actions, are tested with the console). Hosts: host-1 (n1; api,
 * mcp), host-2 (n2; api), host-3 (rag only).
 */
@ExtendWith(ApplicationExtension.class)
class GraphGesturesFxTest {
    static final PseudoClass TARGET = PseudoClass.getPseudoClass("drop-target");
    static final PseudoClass REFUSED = PseudoClass.getPseudoClass("drop-refused");
    TopologyView view;
    Scene scene;
    final List<String> done = new ArrayList<>();

    static final DatabaseSpec SPEC = new DatabaseSpec("shop", null, null, null, null, null, null,
            List.of(new DatabaseNode("n1", List.of("host-1"), null, null, null, null, null, null, null),
                    new DatabaseNode("n2", List.of("host-2"), null, null, null, null, null, null, null)),
            List.of(new DatabaseUser("app", null, null, null, null, null)),
            List.of(new ServiceSpec("api", "postgrest", "14.5", List.of("host-1", "host-2"), "app", 0, null, null, null, null, null, null),
                    new ServiceSpec("mcp", "mcp", "1.0.0", List.of("host-1"), "app", 0, null, null, null, null, null, null),
                    new ServiceSpec("rag", "rag", "1.0.0", List.of("host-3"), "app", 0, null, null, null, null, null, null)),
            null);

    @Start
    void start(Stage stage) {
        view = new TopologyView();
        scene = new Scene(view, 1100, 560);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
        view.show(TopologyBuilder.planned("shop", SPEC));
        view.setEditGestures(new EditGestures() {
            @Override
            public Optional<String> refusal(InstancePlacement i, String host, boolean copy) {
                boolean has = SPEC.services().stream().anyMatch(s -> s.serviceId().equals(i.serviceId()) && s.hostIds().contains(host));
                return has ? Optional.of("it already has an instance of '" + i.serviceId() + "'") : Optional.empty();
            }

            @Override
            public void drop(InstancePlacement i, String host, boolean copy) {
                done.add((copy ? "add " : "move ") + i.serviceId() + " from " + i.hostId() + " to " + host);
            }

            @Override
            public void remove(InstancePlacement i) {
                done.add("remove " + i.instanceId());
            }

            @Override
            public void chooseHost(InstancePlacement i, boolean copy) {
                done.add((copy ? "choose a host to add " : "choose a host to move ") + i.instanceId());
            }
        });
    }

    private Node host(FxRobot robot, String id) {
        return robot.lookup("#host-" + id).query();
    }

    private static boolean has(Node n, PseudoClass p) {
        return n.getPseudoClassStates().contains(p);
    }

    @Test
    void draggingAnInstanceToAHostThatCanTakeItMovesItAndTheHostsSayWhetherTheyCan(FxRobot robot) throws Exception {
        robot.drag("#instance-shop-mcp-host-1", MouseButton.PRIMARY).moveTo(host(robot, "host-2")).moveBy(0, 40);
        assertThat(has(host(robot, "host-2"), TARGET)).isTrue();
        assertThat(has(host(robot, "host-3"), TARGET)).isTrue();
        assertThat(has(host(robot, "host-1"), REFUSED)).as("where it is now").isTrue();
        assertThat(view.dropRefusal("host-1")).contains("the instance is already on host-1");
        assertThat(view.dropRefusal("host-2")).isEmpty();
        Label ghost = robot.lookup(".drag-ghost").queryAs(Label.class);
        assertThat(ghost.isVisible()).isTrue();
        assertThat(ghost.getText()).isEqualTo("move 'mcp' to host-2");
        FxTesting.screenshot(scene, "editor-drag-light");
        robot.interact(() -> Theme.DARK.apply(scene));
        FxTesting.screenshot(scene, "editor-drag-dark");
        robot.interact(() -> Theme.LIGHT.apply(scene));
        robot.drop();
        assertThat(done).containsExactly("move mcp from host-1 to host-2");
        assertThat(has(host(robot, "host-2"), TARGET)).as("highlights gone after the drop").isFalse();
        assertThat(ghost.isVisible()).isFalse();
        assertThat(view.dropRefusal("host-2")).isNull();
    }

    @Test
    void ctrlDragAddsAnInstanceAndADropOnAHostThatCannotTakeItChangesNothing(FxRobot robot) {
        robot.press(KeyCode.CONTROL);
        robot.drag("#instance-shop-api-host-1", MouseButton.PRIMARY).moveTo(host(robot, "host-3")).moveBy(0, 30);
        assertThat(robot.lookup(".drag-ghost").queryAs(Label.class).getText()).isEqualTo("+ add 'api' to host-3");
        robot.drop();
        robot.release(KeyCode.CONTROL);
        assertThat(done).containsExactly("add api from host-1 to host-3");

        robot.drag("#instance-shop-api-host-1", MouseButton.PRIMARY).moveTo(host(robot, "host-2")).moveBy(0, 30);
        assertThat(robot.lookup(".drag-ghost").queryAs(Label.class).getText())
                .isEqualTo("move 'api' — it already has an instance of 'api'");
        robot.drop();
        assertThat(done).as("the refused drop did nothing").containsExactly("add api from host-1 to host-3");
    }

    @Test
    void deleteMAndAActOnTheSelectedInstance(FxRobot robot) {
        robot.clickOn("#instance-shop-api-host-2");
        robot.type(KeyCode.DELETE);
        robot.type(KeyCode.M);
        robot.type(KeyCode.A);
        assertThat(done).containsExactly("remove shop-api-host-2", "choose a host to move shop-api-host-2",
                "choose a host to add shop-api-host-2");
    }

    @Test
    void aDraftsMarksShowOnTheCardsAndAsGhosts(FxRobot robot) throws Exception {
        robot.interact(() -> view.setMarks(List.of(
                new DraftMarks.Mark(DraftMarks.Kind.ADDED, "api", "host-1", null),
                new DraftMarks.Mark(DraftMarks.Kind.MOVED, "mcp", "host-1", "host-2"),
                new DraftMarks.Mark(DraftMarks.Kind.REMOVED, "rag", "host-2", null))));
        assertThat(robot.lookup("#instance-shop-api-host-1 .draft-badge").queryAs(Label.class).getText()).isEqualTo("new");
        assertThat(robot.lookup("#instance-shop-mcp-host-1 .draft-badge").queryAs(Label.class).getText()).isEqualTo("moved from host-2");
        assertThat(robot.lookup("#host-host-2 .instance-ghost").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("'mcp' moved to host-1", "'rag' removed");
        robot.interact(() -> view.setMarks(List.of(new DraftMarks.Mark(DraftMarks.Kind.REMOVED, "api", "host-2", null))));
        assertThat(robot.lookup("#instance-shop-api-host-2 .draft-badge").queryAs(Label.class).getText()).isEqualTo("removed");
        assertThat(robot.lookup("#instance-shop-api-host-1 .draft-badge").tryQuery()).as("marks taken off").isEmpty();
        assertThat(robot.lookup(".instance-ghost").tryQuery()).isEmpty();
        robot.interact(() -> view.setMarks(List.of(
                new DraftMarks.Mark(DraftMarks.Kind.ADDED, "api", "host-1", null),
                new DraftMarks.Mark(DraftMarks.Kind.MOVED, "mcp", "host-1", "host-2"),
                new DraftMarks.Mark(DraftMarks.Kind.REMOVED, "rag", "host-3", null))));
        FxTesting.screenshot(scene, "editor-marks-light");
        robot.interact(() -> Theme.DARK.apply(scene));
        FxTesting.screenshot(scene, "editor-marks-dark");
    }
}
