package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.engine.ControlPlane;
import trellis.engine.ControlPlaneException;
import trellis.spec.Database;

/**
 * The real poller (JavaFX's ScheduledService) through a script of failed and good polls, on the
 * console's backoff scaled to milliseconds: every wait it reports, and hands JavaFX to wait, is the
 * one for the failures in a row at that point — a success starts the count again.
 */
@ExtendWith(ApplicationExtension.class)
class DatabasePollerFxTest {
    @Start
    void start(Stage stage) {
        // No window: the poller needs only the toolkit's thread.
    }

    /** A control plane that fails or answers each poll as the script says, then answers forever. */
    private static ControlPlane scripted(String script, Database db, AtomicInteger polls, CountDownLatch done) {
        return (ControlPlane) Proxy.newProxyInstance(ControlPlane.class.getClassLoader(), new Class<?>[] {ControlPlane.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("database")) {
                        return method.getName().equals("displayName") ? "scripted" : null;
                    }
                    int n = polls.getAndIncrement();
                    if (n == script.length() - 1) {
                        done.countDown();
                    }
                    if (n < script.length() && script.charAt(n) == 'F') {
                        throw new ControlPlaneException("poll " + n + " refused", new java.net.ConnectException("refused"));
                    }
                    return db;
                });
    }

    @Test
    void everyWaitIsTheOneForTheFailuresInARow(FxRobot robot) throws Exception {
        // Six isolated failures (the old count never went down: from the fifth on it waited the
        // maximum), then an outage of six, then isolated failures again.
        String script = "SFSFSFSFSFSFS" + "FFFFFF" + "S" + "FSFS";
        Database db = FxTesting.live(FxTesting.example("co-located.json"), List.of());
        AtomicInteger polls = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        List<Long> reported = new CopyOnWriteArrayList<>();
        List<Long> handedToJavaFx = new CopyOnWriteArrayList<>();
        List<Integer> inARow = new CopyOnWriteArrayList<>();
        var executor = Executors.newSingleThreadExecutor();
        DatabasePoller[] poller = new DatabasePoller[1];
        robot.interact(() -> {
            DatabasePoller p = new DatabasePoller(scripted(script, db, polls, done), "storefront", executor,
                    javafx.util.Duration.millis(5), new Backoff(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(300)),
                    Clock.systemUTC());
            p.setOnRetry(r -> {
                reported.add(r.delay().toMillis());
                handedToJavaFx.add((long) p.getCumulativePeriod().toMillis());
                inARow.add(r.failuresInARow());
            });
            poller[0] = p;
            p.start();
        });
        try {
            assertThat(done.await(20, TimeUnit.SECONDS)).as("the script ran to its end").isTrue();
            robot.interact(() -> { });
        } finally {
            robot.interact(() -> poller[0].cancel());
            executor.shutdownNow();
        }
        List<Long> expected = new ArrayList<>(List.of(20L, 20L, 20L, 20L, 20L, 20L));
        expected.addAll(List.of(20L, 40L, 80L, 160L, 300L, 300L));
        expected.addAll(List.of(20L, 20L));
        assertThat(reported).containsExactlyElementsOf(expected);
        assertThat(handedToJavaFx).as("what ScheduledService then waits").containsExactlyElementsOf(expected);
        assertThat(inARow).containsExactly(1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 1, 1);
        assertThat(poller[0].failuresInARow()).isZero();
    }
}
