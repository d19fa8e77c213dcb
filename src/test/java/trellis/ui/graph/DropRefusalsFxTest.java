package trellis.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import trellis.topology.InstancePlacement;
import trellis.ui.Theme;

/**
 * A drag start over many hosts: the hosts' refusals (a validation of the edited spec each, in the
 * console) are asked after the start, a few per event, each once per draft version; their words and
 * highlights are the gestures' own. 40 hosts x 10 services; every third host refuses.
 */
@ExtendWith(ApplicationExtension.class)
class DropRefusalsFxTest {
    static final PseudoClass TARGET = PseudoClass.getPseudoClass("drop-target");
    static final PseudoClass REFUSED = PseudoClass.getPseudoClass("drop-refused");
    TopologyView view;
    final List<String> asked = new ArrayList<>();

    @Start
    void start(Stage stage) {
        view = new TopologyView();
        Scene scene = new Scene(view, 1100, 700);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
        view.show(GraphBench.topology(40, -1));
        view.setEditGestures(new EditGestures() {
            @Override
            public Optional<String> refusal(InstancePlacement i, String host, boolean copy) {
                asked.add(i.serviceId() + (copy ? " add on " : " to ") + host);
                int n = Integer.parseInt(host.substring("host-".length()));
                return n % 3 == 0 ? Optional.of("port 8080 is taken on " + host) : Optional.empty();
            }

            @Override
            public void drop(InstancePlacement instance, String host, boolean copy) {
            }

            @Override
            public void remove(InstancePlacement instance) {
            }

            @Override
            public void chooseHost(InstancePlacement instance, boolean copy) {
            }
        });
    }

    /** Presses on the instance of svc-0 on host-1 and moves 10 px (still over host-1): the drag starts. */
    private int startDrag(FxRobot robot, boolean copy) {
        int[] askedAtStart = new int[1];
        robot.interact(() -> {
            InstanceCard card = (InstanceCard) view.lookup("#instance-big-svc-0-host-1");
            Bounds b = card.localToScene(card.getLayoutBounds());
            Event.fireEvent(card, new MouseEvent(MouseEvent.MOUSE_PRESSED, b.getCenterX(), b.getCenterY(), b.getCenterX(), b.getCenterY(),
                    MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, false, false, false, null));
            view.drag().step(b.getCenterX() + 10, b.getCenterY(), copy);
            askedAtStart[0] = asked.size();
        });
        WaitForAsyncUtils.waitForFxEvents(20);
        return askedAtStart[0];
    }

    private List<String> expected(String verb) {
        List<String> all = new ArrayList<>();
        for (int h = verb.equals(" to ") ? 2 : 1; h <= 40; h++) {
            all.add("svc-0" + verb + "host-" + h);
        }
        return all;
    }

    @Test
    void aDragStartAsksNoHostAtOnceAndEachHostOncePerDraftVersion(FxRobot robot) {
        assertThat(startDrag(robot, false)).as("asked during the start itself").isZero();
        assertThat(view.drag().undecided()).isZero();
        List<String> once = expected(" to ");
        assertThat(asked).containsExactlyInAnyOrderElementsOf(once);
        assertThat(view.dropRefusal("host-1")).contains("the instance is already on host-1");
        assertThat(view.dropRefusal("host-3")).contains("port 8080 is taken on host-3");
        assertThat(view.dropRefusal("host-4")).isEmpty();
        assertThat(robot.lookup("#host-host-3").query().getPseudoClassStates()).contains(REFUSED).doesNotContain(TARGET);
        assertThat(robot.lookup("#host-host-4").query().getPseudoClassStates()).contains(TARGET).doesNotContain(REFUSED);
        robot.interact(() -> view.drag().end());

        startDrag(robot, false);
        assertThat(asked).as("the same draft: nothing asked again").hasSize(once.size());
        assertThat(view.dropRefusal("host-3")).contains("port 8080 is taken on host-3");
        assertThat(robot.lookup("#host-host-3").query().getPseudoClassStates()).contains(REFUSED);
        assertThat(robot.lookup("#host-host-2").query().getPseudoClassStates()).contains(TARGET);
        robot.interact(() -> view.drag().end());

        startDrag(robot, true);
        assertThat(asked.subList(once.size(), asked.size())).as("an added instance is another question")
                .containsExactlyInAnyOrderElementsOf(expected(" add on "));
        robot.interact(() -> view.drag().end());

        asked.clear();
        robot.interact(() -> view.show(GraphBench.topology(40, -1))); // another draft version, the same picture
        startDrag(robot, false);
        assertThat(asked).as("asked again after the picture changed").containsExactlyInAnyOrderElementsOf(once);
        robot.interact(() -> view.drag().end());
        assertThat(view.dropRefusal("host-3")).isNull();
        assertThat(robot.lookup("#host-host-3").query().getPseudoClassStates()).doesNotContain(REFUSED, TARGET);
    }
}
