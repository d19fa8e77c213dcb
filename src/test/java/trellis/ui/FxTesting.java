package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import trellis.TestFiles;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.HealthCheckResult;
import trellis.spec.Json;
import trellis.spec.PortMapping;
import trellis.spec.ServiceInstance;
import trellis.spec.ServiceInstanceStatus;

/** Shared pieces of the console's TestFX tests. */
final class FxTesting {
    private FxTesting() {
    }

    /** Runs {@code work} on the FX thread and waits for its answer, at most {@code seconds}; call off the FX thread. */
    static <T> T fx(java.util.concurrent.Callable<T> work, long seconds) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(seconds, TimeUnit.SECONDS);
    }

    /** Settings in a file of their own, so tests neither read nor spoil a person's. */
    static Settings freshSettings() {
        try {
            return new Settings(Files.createTempDirectory("trellis-settings").resolve("console.properties"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void waitUntil(String what, long seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                boolean[] ok = new boolean[1];
                WaitForAsyncUtils.asyncFx(() -> ok[0] = condition.getAsBoolean()).get();
                return ok[0];
            });
        } catch (Exception e) {
            throw new AssertionError("waited " + seconds + " s for: " + what, e);
        }
    }

    static boolean has(Node n, String pseudoClass) {
        return n != null && n.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
    }

    /** Writes the scene as target/screenshots/NAME.png, to look at. */
    static Path screenshot(Scene scene, String name) throws Exception {
        Path dir = Path.of(System.getProperty("trellis.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path out = dir.resolve(name + ".png");
        var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        File f = out.toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", f);
        assertThat(f).exists();
        return out;
    }

    static CreateDatabaseRequest example(String name) throws Exception {
        return Json.MAPPER.readValue(TestFiles.example(name).toFile(), CreateDatabaseRequest.class);
    }

    /** The multiple-instances database as a GET returns it, with its instances in the given states. */
    static Database live(CreateDatabaseRequest body, List<ServiceInstance> instances) {
        return new Database(body.id(), null, "available", "2026-11-24T10:00:00Z", "2026-11-24T10:00:00Z", body.spec(),
                List.of(), instances, null);
    }

    static ServiceInstance instance(String db, String service, String host, String state, String health, String error) {
        ServiceInstanceStatus status = health == null ? null : new ServiceInstanceStatus(
                "c0ffee" + host.hashCode(), "14.5", List.of("127.0.0.1"),
                List.of(new PortMapping("http", 8080, 30000 + Math.abs(host.hashCode() % 1000), null)),
                new HealthCheckResult(health, "2026-11-24T10:00:00Z", null, null), "2026-11-24T10:00:00Z", "healthy".equals(health), null);
        return new ServiceInstance(db + "-" + service + "-" + host, service, db, host, state, status, error,
                "2026-11-24T10:00:00Z", "2026-11-24T10:00:00Z", null);
    }

    /** The wizard's Next, checked enabled first. */
    static void wizardNext(FxRobot robot) {
        assertThat(robot.lookup("#wizard-next").query().isDisabled()).as("Next is enabled").isFalse();
        robot.clickOn("#wizard-next");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** As a person adds a PostgREST: the host header's menu, "Add service here…", the type, Next (to the identity page). */
    static void addPostgrestOn(FxRobot robot, String hostId) {
        String header = "#host-" + hostId + " .host-header";
        waitUntil(hostId + "'s card", 10, () -> robot.lookup(header).tryQuery().isPresent());
        robot.clickOn((Node) robot.lookup(header).query(), javafx.scene.input.MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("the host's menu", 10, () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing()));
        robot.clickOn("Add service here…");
        waitUntil("the wizard", 15, () -> robot.lookup("#service-type-postgrest").tryQuery().isPresent());
        robot.clickOn("#service-type-postgrest");
        wizardNext(robot);
    }
}
