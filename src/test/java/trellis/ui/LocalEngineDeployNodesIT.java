package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.has;
import static trellis.ui.FxTesting.waitUntil;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.TestFiles;
import trellis.engine.local.LocalEngine;
import trellis.engine.local.LocalEngineSettings;
import trellis.engine.local.LocalEngineTesting;

/**
 * File &gt; Deploy to the local engine with no node started or attached: the person skips n2, reads
 * the node plan in the confirmation, and the deploy ends with every instance running. On a loaded
 * machine the window may need more than TestFX's 10 s to come up: -DargLine=-Dtestfx.setup.timeout=90000.
 */
@ExtendWith(ApplicationExtension.class)
class LocalEngineDeployNodesIT {
    static DockerClient docker;
    MainWindow window;
    LocalEngine engine;
    Path data;

    @org.junit.jupiter.api.BeforeAll
    static void docker() {
        docker = LocalEngineTesting.requireDocker();
    }

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("trellis-deploy-nodes").resolve("services");
        LocalEngineSettings s = LocalEngineTesting.standInSettings();
        engine = new LocalEngine(docker, new LocalEngineSettings(s.images(), s.healthInterval(), s.healthTimeout(), s.healthRetries(),
                s.startPeriod(), s.createTimeout(), data, s.imageCommands(), s.noStatusTimeout(), s.sweepInterval()));
        window = EngineConsole.open(stage, engine);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (docker != null) {
            LocalEngineTesting.removeContainers(docker, "catalog");
        }
        if (engine != null) {
            engine.close();
        }
        if (data != null) {
            try (var walk = Files.walk(data.getParent())) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void theDeployDialogAsksPerNodeAndTheConfirmationSaysTheNodePlan(FxRobot robot) throws Exception {
        robot.interact(() -> window.openFile(TestFiles.example("multiple-instances.json")));
        waitUntil("file open", 20, () -> window.currentDatabase() != null
                && window.currentDatabase().source() instanceof Sources.FileSource);
        robot.clickOn("File").clickOn("Deploy to local engine…");
        waitUntil("deploy dialog", 15, () -> robot.lookup("#deploy-node-n2").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<Object> n1 = robot.lookup("#deploy-node-n1").queryAs(ComboBox.class);
        assertThat(n1.getValue()).hasToString("Start here");
        robot.clickOn("#deploy-node-n2").clickOn("Skip");
        robot.clickOn("#deploy-nodes-ok");

        waitUntil("confirmation", 15, () -> robot.lookup(".dialog-pane").queryAll().stream()
                .anyMatch(n -> n.lookup(".header-panel .label") instanceof Label l && l.getText().equals("Create database 'catalog' on Local engine?")));
        Label content = robot.lookup(".dialog-pane .content").queryAs(Label.class);
        assertThat(content.getText()).endsWith("\n\nDatabase nodes:\n"
                + "node n1: Trellis will start PostgreSQL 17 on this machine\n"
                + "node n2: skipped — service 'api' will not reach a database and its grants are not applied");
        FxTesting.screenshot(content.getScene(), "deploy-nodes-confirmation");
        robot.clickOn("OK");

        String one = "#instance-catalog-api-host-1";
        String two = "#instance-catalog-api-host-2";
        waitUntil("both running", 90, () -> has(robot.lookup(one).tryQuery().orElse(null), "running")
                && has(robot.lookup(two).tryQuery().orElse(null), "running"));
        assertThat(engine.checkNode("n1")).isEqualTo("PostgreSQL 17.7");
        assertThat(engine.node("n2")).as("nothing started for the skipped node").isEmpty();
        assertThat(Files.isDirectory(data.resolveSibling("nodes").resolve("n1"))).isTrue();
        assertThat(Files.exists(data.resolveSibling("nodes").resolve("n2"))).isFalse();
    }
}
