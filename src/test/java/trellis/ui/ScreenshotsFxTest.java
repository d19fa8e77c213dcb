package trellis.ui;

import static trellis.ui.FxTesting.instance;
import static trellis.ui.FxTesting.waitUntil;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;
import trellis.spec.ServiceInstance;

/** A live database with one instance in every state, in both themes, to look at. */
class ScreenshotsFxTest {
    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyState(Theme theme) throws Exception {
        FxToolkit.registerPrimaryStage();
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(trellis.TestFiles.example("multiple-instances.json").toFile());
        ObjectNode svc = (ObjectNode) tree.at("/spec/services/0");
        svc.set("host_ids", Json.MAPPER.valueToTree(List.of("host-1", "host-2", "host-3", "host-4", "host-5", "host-6")));
        ObjectNode mcp = (ObjectNode) Json.MAPPER.readTree(trellis.TestFiles.example("separate-host.json").toFile()).at("/spec/services/0");
        ((com.fasterxml.jackson.databind.node.ArrayNode) tree.at("/spec/services")).add(mcp);
        CreateDatabaseRequest body = Json.MAPPER.treeToValue(tree, CreateDatabaseRequest.class);
        List<ServiceInstance> instances = List.of(
                instance("catalog", "api", "host-1", "creating", "unknown", null),
                instance("catalog", "api", "host-2", "running", "healthy", null),
                instance("catalog", "api", "host-3", "running", "unknown", null),
                instance("catalog", "api", "host-4", "failed", "unhealthy", "container exited with code 1: could not connect to n1"),
                instance("catalog", "api", "host-5", "deleting", null, null),
                // host-6 reports nothing yet: pending
                instance("catalog", "rag-old", "host-2", "running", "healthy", null));
        ScriptedControlPlane cp = new ScriptedControlPlane(FxTesting.live(body, instances));
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(stage -> {
            try {
                window[0] = ConsoleApp.createWindow(stage, FxTesting.freshSettings(), TaskRunner.standard(), theme);
                stage.setWidth(1600);
                stage.setHeight(900);
                stage.show();
                window[0].addControlPlane(cp);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        FxRobot robot = new FxRobot();
        waitUntil("first poll", 15, () -> window[0].graph().topology() != null);
        robot.interact(() -> window[0].graph().fit());
        waitUntil("all drawn", 15, () -> robot.lookup(".instance").queryAll().size() == 8);
        robot.interact(() -> window[0].graph().selectInstance("catalog-api-host-4"));
        FxTesting.screenshot(window[0].root().getScene(), "live-every-state-" + theme.name().toLowerCase());
        robot.interact(() -> window[0].shutdown());
        FxToolkit.cleanupStages();
    }


    /** The three documented topologies in the dark theme (ExamplesFxTest writes the light ones). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"co-located", "separate-host", "multiple-instances"})
    void examplesInTheDarkTheme(String example) throws Exception {
        FxToolkit.registerPrimaryStage();
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(stage -> {
            try {
                window[0] = ConsoleApp.createWindow(stage, FxTesting.freshSettings(), TaskRunner.standard(), Theme.DARK);
                stage.setWidth(1400);
                stage.setHeight(860);
                stage.show();
                window[0].openFile(trellis.TestFiles.example(example + ".json"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        FxRobot robot = new FxRobot();
        waitUntil("drawn", 15, () -> !robot.lookup(".instance").queryAll().isEmpty());
        robot.interact(() -> window[0].graph().fit());
        FxTesting.screenshot(window[0].root().getScene(), "example-" + example + "-dark");
        robot.interact(() -> window[0].shutdown());
        FxToolkit.cleanupStages();
    }
}
