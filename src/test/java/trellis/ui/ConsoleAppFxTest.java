package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.has;
import static trellis.ui.FxTesting.waitUntil;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import trellis.TestFiles;

/** The console as Launcher starts it: a spec file on the command line shows its planned picture. */
class ConsoleAppFxTest {
    private String before;

    @AfterEach
    void restore() throws Exception {
        FxToolkit.cleanupStages();
        if (before == null) {
            System.clearProperty("trellis.settings");
        } else {
            System.setProperty("trellis.settings", before);
        }
    }

    @Test
    void aFileOnTheCommandLineOpensWithEveryInstancePending() throws Exception {
        before = System.getProperty("trellis.settings");
        // never the person's own ~/.config/trellis
        System.setProperty("trellis.settings", Files.createTempDirectory("trellis-app").resolve("console.properties").toString());
        // as trellis.app.ConsoleMain hands them over, but with no local engine
        ConsoleApp.use(ConsoleServices.offline(new Settings(Settings.defaultFile()), TaskRunner.standard()));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(ConsoleApp.class, TestFiles.example("separate-host.json").toString());
        FxRobot robot = new FxRobot();
        waitUntil("the planned picture", 20, () -> robot.lookup("#instance-inventory-mcp-host-3").tryQuery().isPresent());
        assertThat(has(robot.lookup("#instance-inventory-mcp-host-3").query(), "pending")).isTrue();
        assertThat(robot.lookup("#host-host-3").tryQuery()).isPresent();
        assertThat(robot.lookup("#node-n1").tryQuery()).isPresent();
        assertThat(robot.lookup("#service-mcp").tryQuery()).isPresent();
        assertThat(robot.lookup(".connection-state").queryLabeled().getText()).startsWith("Offline: separate-host.json");
    }
}
