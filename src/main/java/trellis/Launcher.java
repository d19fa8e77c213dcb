package trellis;

import trellis.cli.TrellisCommand;

/**
 * The main class of the jar. Not an {@code Application}, so the jar runs on the class path
 * without JavaFX modules on the module path. Arguments run the CLI.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(TrellisCommand.run(args));
    }
}
