package trellis.ui;

import java.net.URI;
import java.util.function.Function;
import trellis.engine.ControlPlane;
import trellis.engine.LocalEngineDetection;

/**
 * What the console is given by its composition root ({@code trellis.app.ConsoleMain}): where its
 * settings live, the one runner of its background work, the dialogs, how it finds the local
 * engine, and how it reaches a Control Plane at an address (the console names no adapter).
 */
public record ConsoleServices(Settings settings, TaskRunner runner, Dialogs dialogs, LocalEngineDetection engines,
        Function<URI, ControlPlane> connect, Remote remote) {
    /** Profiles in profiles.json beside the settings, each opened by its address alone; nothing connected at start. */
    public ConsoleServices(Settings settings, TaskRunner runner, Dialogs dialogs, LocalEngineDetection engines,
            Function<URI, ControlPlane> connect) {
        this(settings, runner, dialogs, engines, connect, new Remote(
                new trellis.engine.ConnectionProfiles(settings.file().toAbsolutePath().resolveSibling("profiles.json")),
                p -> connect.apply(p.uri()), null, null));
    }

    /** JavaFX's dialogs and no local engine: for tests and training runs. */
    public static ConsoleServices offline(Settings settings, TaskRunner runner) {
        return new ConsoleServices(settings, runner, new FxDialogs(), LocalEngineDetection.none(), ConsoleServices::unreachable);
    }

    /** For consoles given no way to reach a Control Plane: every address says so when polled. */
    private static ControlPlane unreachable(URI address) {
        throw new IllegalArgumentException("this console cannot connect to " + address);
    }
}
