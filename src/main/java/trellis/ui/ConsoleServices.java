package trellis.ui;

import trellis.engine.LocalEngineDetection;

/**
 * What the console is given by its composition root ({@code trellis.app.ConsoleMain}): where its
 * settings live, the one runner of its background work, the dialogs, and how it finds the local engine.
 */
public record ConsoleServices(Settings settings, TaskRunner runner, Dialogs dialogs, LocalEngineDetection engines) {
    /** JavaFX's dialogs and no local engine: for tests and training runs. */
    public static ConsoleServices offline(Settings settings, TaskRunner runner) {
        return new ConsoleServices(settings, runner, new FxDialogs(), LocalEngineDetection.none());
    }
}
