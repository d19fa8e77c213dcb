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

    private static boolean noDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        return linux && System.getProperty("glass.platform") == null
                && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static void main(String[] args) {
        if (args.length == 0 || Arrays.stream(args).allMatch(a -> a.endsWith(".json") && Files.isRegularFile(Path.of(a)))) {
            if (noDisplay()) {
                System.err.println("trellis: no display to open the console on (DISPLAY is not set). Run it on a desktop, "
                        + "or under xvfb-run; the CLI works anywhere: java -jar trellis.jar --help");
                System.exit(2);
            }
            List<Path> files = Arrays.stream(args).map(Path::of).toList();
            trellis.ui.ConsoleApp.open(files);
            return;
        }
        System.exit(TrellisCommand.run(args));
    }
}
