package trellis.ui;

import trellis.engine.LocalEngineDetection;

/**
 * What the console is given by its composition root ({@code trellis.app.ConsoleMain}): where its
 * settings live, the one runner of its background work, and how it finds the local engine.
 */
public record ConsoleServices(Settings settings, TaskRunner runner, LocalEngineDetection engines) {
}
