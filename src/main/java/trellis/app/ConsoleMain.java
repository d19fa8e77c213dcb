package trellis.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import trellis.engine.LocalEngineAdmin;
import trellis.engine.LocalEngineDetection;
import trellis.engine.http.RestControlPlane;
import trellis.engine.local.LocalEngine;
import trellis.engine.local.LocalEngineSettings;
import trellis.ui.ConsoleApp;
import trellis.ui.ConsoleServices;
import trellis.ui.FxDialogs;
import trellis.ui.Settings;
import trellis.ui.TaskRunner;

/**
 * The console's composition root: the one place that knows the local engine's class, makes the
 * task runner and reads where the settings live, and hands them to the console before JavaFX
 * starts it.
 */
public final class ConsoleMain {
    private ConsoleMain() {
    }

    /** Opens the console on the given spec files; blocks until the window closes. */
    public static void open(List<Path> files) {
        TaskRunner runner = TaskRunner.standard();
        ConsoleApp.open(files, new ConsoleServices(new Settings(Settings.defaultFile()), runner, new FxDialogs(), localEngine(),
                RestControlPlane::new));
    }

    /** Finds the local engine on this machine's Docker engine. */
    public static LocalEngineDetection localEngine() {
        return new LocalEngineDetection() {
            @Override
            public Optional<LocalEngineAdmin> detect() {
                return LocalEngine.detect(LocalEngineSettings.controlPlaneDefaults()).map(e -> e);
            }

            @Override
            public String describeUnavailable() {
                return LocalEngine.describeUnavailable();
            }

            @Override
            public Optional<String> defaultDockerHost() {
                return LocalEngine.dockerHost();
            }
        };
    }
}
