package trellis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import trellis.cli.TrellisCommand;

/**
 * The main class of the jar. Not an {@code Application}, so the jar runs on the class path
 * without JavaFX modules on the module path. No arguments, or only spec files, open the console;
 * anything else runs the CLI.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || Arrays.stream(args).allMatch(a -> a.endsWith(".json") && Files.isRegularFile(Path.of(a)))) {
            List<Path> files = Arrays.stream(args).map(Path::of).toList();
            trellis.ui.ConsoleApp.open(files);
            return;
        }
        System.exit(TrellisCommand.run(args));
    }
}
