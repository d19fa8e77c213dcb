package trellis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import trellis.cli.TrellisCommand;

/**
 * The main class of the jar. Not an {@code Application}, so the jar runs on the class path
 * without JavaFX modules on the module path. No arguments, or only spec files, open the console;
 * anything else runs the CLI.
 */
public final class Launcher {
    /**
     * JavaFX warns at every start that its classes came from the class path ("Unsupported JavaFX
     * configuration"): that is this jar's design (one file, {@code java -jar}), so a person would
     * only learn to ignore it. That one line is filtered out of JavaFX's logger; its other warnings
     * stay. Held here, as java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger FX_LOG = java.util.logging.Logger.getLogger("javafx");

    private Launcher() {
    }

    /** What a person is told when there is no display to open the console on. */
    public static final String NO_DISPLAY = "trellis: no display to open the console on (DISPLAY is not set). Run it on a desktop, "
            + "or under xvfb-run; the CLI works anywhere: java -jar trellis.jar --help";

    private static boolean noDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        return linux && System.getProperty("glass.platform") == null
                && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static void main(String[] args) {
        FX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        boolean startConnected = Arrays.stream(args).anyMatch(a -> a.equals("--connect") || a.equals("--profile"));
        if (args.length == 0 || startConnected || Arrays.stream(args).allMatch(a -> a.endsWith(".json") && Files.isRegularFile(Path.of(a)))) {
            Boolean opened = trellis.app.ConsoleMain.open(args, Launcher::noDisplay);
            if (opened == null) {
                // --profile NAME with a command: the CLI's
                System.exit(TrellisCommand.run(args));
            }
            if (!opened) {
                System.exit(2);
            }
            return;
        }
        System.exit(TrellisCommand.run(args));
    }
}
