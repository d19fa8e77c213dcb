package trellis.ui;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.util.ArrayList;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import trellis.engine.ControlPlane;
import trellis.engine.local.LocalEngine;
import trellis.engine.local.LocalEngineTesting;

/**
 * The real console on a local engine, as the ITs on Docker use it: opened in a test's {@code @Start}
 * (1400 x 860, polling every second, the engine added as a source) and taken down after each test
 * (other windows hidden, the console shut down, the database's containers removed, the engine closed).
 */
final class EngineConsole {
    private EngineConsole() {
    }

    static MainWindow open(Stage stage, ControlPlane engine) throws IOException {
        MainWindow window = ConsoleApp.createWindow(stage, FxTesting.freshSettings(), TaskRunner.standard(), Theme.LIGHT);
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
        window.setInterval(1);
        window.addControlPlane(engine);
        return window;
    }

    /** Each part only when it was made: a skipped test (no Docker) made none of them. */
    static void close(FxRobot robot, Stage stage, MainWindow window, DockerClient docker, String databaseId, LocalEngine engine) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        if (window != null) {
            robot.interact(window::shutdown);
        }
        if (docker != null) {
            LocalEngineTesting.removeContainers(docker, databaseId);
        }
        if (engine != null) {
            engine.close();
        }
    }
}
