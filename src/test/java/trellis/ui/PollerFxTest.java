package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.has;
import static trellis.ui.FxTesting.instance;
import static trellis.ui.FxTesting.live;
import static trellis.ui.FxTesting.waitUntil;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;
import trellis.spec.ServiceSpec;

/** The background poller drives the picture and the event log through a whole lifecycle. */
@ExtendWith(ApplicationExtension.class)
class PollerFxTest {
    static final String ID = "catalog-api-host-1";
    MainWindow window;
    ScriptedControlPlane cp;
    CreateDatabaseRequest body;

    @Start
    void start(Stage stage) throws Exception {
        body = FxTesting.example("multiple-instances.json");
        cp = new ScriptedControlPlane(live(body, List.of(
                instance("catalog", "api", "host-1", "creating", "unknown", null),
                instance("catalog", "api", "host-2", "creating", "unknown", null))));
        window = ConsoleApp.createWindow(stage, FxTesting.freshSettings(), TaskRunner.standard(), Theme.LIGHT);
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
        window.setInterval(1);
        window.addControlPlane(cp);
    }

    /** Pollers run until their window closes; stop them so no test polls into the next. */
    @org.junit.jupiter.api.AfterEach
    void stopPolling(FxRobot robot) {
        robot.interact(window::shutdown);
    }

    private Database state(String s1, String h1, String error) {
        return live(body, List.of(instance("catalog", "api", "host-1", s1, h1, error),
                instance("catalog", "api", "host-2", "running", "healthy", null)));
    }

    /**
     * One interval is 1 s; the wait allows 1.5 s more for the FX hand-off on a busy machine, and
     * fails well before a second missed poll would be hidden by a generous timeout.
     */
    static final long WITHIN_ONE_INTERVAL = 2500;

    private void expect(FxRobot robot, String pseudo, String word, String event) {
        waitUntilMillis(ID + " " + pseudo, WITHIN_ONE_INTERVAL, () -> has(robot.lookup("#instance-" + ID).tryQuery().orElse(null), pseudo));
        Label state = robot.lookup("#instance-" + ID + " .instance-state").queryAs(Label.class);
        assertThat(state.getText()).startsWith(word);
        waitUntilMillis("event " + event, 500, () -> window.events().stream().anyMatch(e -> e.contains(event)));
        assertThat(robot.lookup("#instance-" + ID).query().getStyleClass()).contains("instance");
    }

    private static void waitUntilMillis(String what, long millis, java.util.function.BooleanSupplier condition) {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(millis, java.util.concurrent.TimeUnit.MILLISECONDS, () -> {
                boolean[] ok = new boolean[1];
                org.testfx.util.WaitForAsyncUtils.asyncFx(() -> ok[0] = condition.getAsBoolean()).get();
                return ok[0];
            });
        } catch (Exception e) {
            throw new AssertionError("waited " + millis + " ms for: " + what, e);
        }
    }

    /** The card's state icon as CSS drew it (its shape follows the card's state pseudo-classes). */
    private static String iconShape(FxRobot robot) {
        javafx.scene.layout.Region icon = robot.lookup("#instance-" + ID + " .card-icon").queryAs(javafx.scene.layout.Region.class);
        return ((javafx.scene.shape.SVGPath) icon.getShape()).getContent();
    }

    @Test
    void aWholeLifecycleFollowsWithinOneInterval(FxRobot robot) throws Exception {
        waitUntil("first poll", 10, () -> robot.lookup("#instance-" + ID).tryQuery().isPresent());
        assertThat(has(robot.lookup("#instance-" + ID).query(), "creating")).isTrue();
        assertThat(iconShape(robot)).as("the creating arc while creating").isEqualTo("M6,0 A6,6 0 1,1 0,6 L2,6 A4,4 0 1,0 6,2 Z");

        cp.answer(state("running", "healthy", null));
        expect(robot, "running", "running · healthy", "api on host-1: creating → running");
        assertThat(has(robot.lookup("#instance-" + ID).query(), "healthy")).isTrue();
        // the shape comes with the CSS pass of the pulse after the state's pseudo-class changed
        String check = "M1,6 L4,9 L11,2 L12,3 L4,11 L0,7 Z";
        waitUntil("the check mark's shape applied", 3, () -> check.equals(iconShape(robot)));
        assertThat(iconShape(robot)).as("the check mark once running and healthy").isEqualTo(check);

        cp.answer(state("failed", "unhealthy", "health check failed: connection refused (exit 1)"));
        expect(robot, "failed", "failed", "api on host-1: running → failed");
        waitUntil("a popup says it failed", 3, () -> robot.lookup(".notification-bar").queryAll().stream()
                .anyMatch(n -> n.isVisible() && robot.from(n).lookup(".label").queryAllAs(Label.class).stream()
                        .anyMatch(l -> l.getText() != null && l.getText().contains("api on host-1 failed"))));
        robot.interact(() -> window.graph().selectInstance(ID));
        assertThat(robot.lookup(".details .error-text").queryAs(Label.class).getText()).contains("connection refused");
        FxTesting.screenshot(window.root().getScene(), "live-failed-selected");

        cp.answer(state("running", "healthy", null));
        expect(robot, "running", "running · healthy", "api on host-1: failed → running");

        // The person removes the service from host-1; the control plane deletes the instance, then it is gone.
        ServiceSpec svc = body.spec().services().get(0);
        ServiceSpec onlyHost2 = new ServiceSpec(svc.serviceId(), svc.serviceType(), svc.version(), List.of("host-2"),
                svc.connectAs(), svc.port(), svc.cpus(), svc.memory(), svc.config(), svc.databaseConnection(),
                svc.orchestratorOpts(), svc.extra());
        DatabaseSpec s = body.spec();
        DatabaseSpec next = new DatabaseSpec(s.databaseName(), s.postgresVersion(), s.spockVersion(), s.port(), s.patroniPort(),
                s.cpus(), s.memory(), s.nodes(), s.databaseUsers(), List.of(onlyHost2), s.extra());
        CreateDatabaseRequest after = new CreateDatabaseRequest(body.id(), null, next, null);
        cp.answer(live(after, List.of(instance("catalog", "api", "host-1", "deleting", null, null),
                instance("catalog", "api", "host-2", "running", "healthy", null))));
        expect(robot, "deleting", "deleting", "api on host-1: running → deleting");

        cp.answer(live(after, List.of(instance("catalog", "api", "host-2", "running", "healthy", null))));
        waitUntilMillis("instance gone", WITHIN_ONE_INTERVAL, () -> robot.lookup("#instance-" + ID).tryQuery().isEmpty());
        waitUntilMillis("gone event", 500, () -> window.events().stream().anyMatch(e -> e.contains("api on host-1: deleting → gone")));
    }

    @Test
    void pauseStopsPolling(FxRobot robot) throws Exception {
        waitUntil("first poll", 10, () -> cp.polls.get() >= 1);
        robot.interact(() -> window.setPaused(true));
        Thread.sleep(300);
        int before = cp.polls.get();
        Thread.sleep(3000);
        assertThat(cp.polls.get()).as("no poll while paused").isEqualTo(before);
        assertThat(window.viewModel().updatedProperty().get()).endsWith("· polling paused");
        robot.interact(() -> window.setPaused(false));
        waitUntil("polling again", 5, () -> cp.polls.get() > before);
    }

    /** Where a node is in the window. */
    private static javafx.geometry.Bounds inScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    @Test
    void anUnreachableSourceShowsTheBannerAndKeepsThePicture(FxRobot robot) throws Exception {
        waitUntil("first poll", 10, () -> robot.lookup("#instance-" + ID).tryQuery().isPresent());
        javafx.geometry.Bounds picture = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> inScene(window.graph())).get();
        Label updated = robot.lookup("#updatedLabel").queryAs(Label.class);
        assertThat(updated.getTextFill()).as("a fresh picture's age, in the status bar's muted colour").isEqualTo(Color.web("#5b6878"));
        cp.unreachable();
        waitUntil("banner", 8, window::bannerShown);
        assertThat(window.bannerLabel().getText()).startsWith("Control plane unreachable, retrying in 2 s");
        Node kept = robot.lookup("#instance-" + ID).query();
        assertThat(has(kept, "creating")).as("the last picture stays").isTrue();
        // the banner floats over the picture's top edge, the picture's full width; the picture did not move or shrink
        // (so an outage repaints the banner's strip, not the whole picture)
        robot.interact(() -> { });
        Node banner = robot.lookup(".banner").query();
        assertThat(inScene(window.graph())).as("the picture where it was").isEqualTo(picture);
        javafx.geometry.Bounds b = inScene(banner);
        assertThat(List.of(b.getMinX(), b.getMinY(), b.getWidth())).as("the banner over the picture's top edge")
                .isEqualTo(List.of(picture.getMinX(), picture.getMinY(), picture.getWidth()));
        assertThat(b.getHeight()).as("one line high").isBetween(20.0, 40.0);
        assertThat(has(updated, "stale")).as("the picture's age marked stale").isTrue();
        // the pseudo-class takes effect at the next CSS pass
        waitUntil("the age in the failure colour", 5, () -> updated.getTextFill().equals(Color.web("#c62f2f")));
        assertThat(updated.getText()).startsWith("updated ");
        FxTesting.screenshot(window.root().getScene(), "live-unreachable");
        cp.answer(state("running", "healthy", null));
        waitUntil("banner gone after recovery", 10, () -> !window.bannerShown());
        assertThat(has(updated, "stale")).isFalse();
        waitUntil("the age muted again", 5, () -> updated.getTextFill().equals(Color.web("#5b6878")));
        assertThat(inScene(window.graph())).isEqualTo(picture);
    }

    @Test
    void neverTwoPollsInFlightForOneDatabase(FxRobot robot) throws Exception {
        waitUntil("first poll", 10, () -> cp.polls.get() >= 1);
        cp.delayMillis = 700;
        for (int k = 0; k < 6; k++) {
            robot.interact(window::onRefresh);
            robot.interact(() -> window.setPaused(true));
            robot.interact(() -> window.setPaused(false));
        }
        int before = cp.polls.get();
        waitUntil("polls go on", 10, () -> cp.polls.get() >= before + 2);
        assertThat(cp.maxInFlight.get()).as("requests for one database at a time").isEqualTo(1);
    }

    @Test
    void aDatabaseOffScreenKeepsPollingAndLogsItsChangesWithItsId(FxRobot robot) throws Exception {
        waitUntil("first poll", 10, () -> robot.lookup("#instance-" + ID).tryQuery().isPresent());
        robot.interact(() -> window.openFile(trellis.TestFiles.example("co-located.json")));
        waitUntil("the spec file on screen", 10, () -> robot.lookup("#instance-storefront-api-host-1").tryQuery().isPresent());
        int before = cp.polls.get();
        cp.answer(state("running", "healthy", null));
        waitUntil("the change of the database off screen", 5, () -> window.events().stream()
                .anyMatch(e -> e.contains("catalog: api on host-1: creating → running")));
        assertThat(cp.polls.get()).isGreaterThan(before);
        assertThat(robot.lookup("#instance-" + ID).tryQuery()).as("the picture on screen stays the file's").isEmpty();

        // back to the live database: its newest picture at once, not after the next poll
        robot.interact(() -> window.selectDatabase(new Sources.DatabaseRef(
                window.liveSourceOf(cp), "catalog", "available")));
        assertThat(has(robot.lookup("#instance-" + ID).query(), "running")).isTrue();
    }

    @Test
    void f5AndCtrlRPollAtOnceWhateverTheInterval(FxRobot robot) throws Exception {
        waitUntil("first poll", 10, () -> cp.polls.get() >= 1);
        robot.interact(() -> window.setInterval(60));
        // let the poll already due on the old 1 s period pass; the next one is 60 s away
        int due = cp.polls.get();
        waitUntil("the poll due on the old period", 3, () -> cp.polls.get() > due);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.graph().requestFocus());
        int before = cp.polls.get();
        robot.type(javafx.scene.input.KeyCode.F5);
        waitUntil("F5 polls now", 3, () -> cp.polls.get() > before);
        int next = cp.polls.get();
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.R)
                .release(javafx.scene.input.KeyCode.R, javafx.scene.input.KeyCode.CONTROL);
        waitUntil("Ctrl+R polls now", 3, () -> cp.polls.get() > next);
    }
}
