package trellis.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import trellis.engine.ConnectionProfile;
import trellis.engine.ConnectionProfiles;
import trellis.engine.LocalEngineAdmin;
import trellis.engine.LocalEngineDetection;
import trellis.engine.ControlPlane;
import trellis.engine.http.MutualTls;
import trellis.engine.http.RestControlPlane;
import trellis.engine.http.ServeToken;
import trellis.engine.local.LocalEngine;
import trellis.engine.local.LocalEngines;
import trellis.engine.local.LocalEngineSettings;
import trellis.ui.ConsoleApp;
import trellis.ui.ConsoleServices;
import trellis.ui.EngineImages;
import trellis.ui.FxDialogs;
import trellis.ui.Remote;
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

    /** What a person is told when the toolkit cannot start on this desktop. */
    static final String NO_GTK = "trellis: the console needs GTK 3 on Linux, which is not installed here; "
            + "install it (Debian/Ubuntu: sudo apt-get install libgtk-3-0) and start it again. "
            + "The CLI works without it: ./trellis --help";

    /**
     * Opens the console on the given spec files; blocks until the window closes. Returns false,
     * having said why in one line, when the console cannot start on this machine.
     */
    public static boolean open(List<Path> files) {
        return open(files, null, null);
    }

    /**
     * Opens the console on the command line's arguments (spec files, {@code --connect URL} or
     * {@code --profile NAME}, {@code --database ID}); false, having said why in one line, when it
     * cannot start. Null when the arguments are the CLI's.
     */
    public static Boolean open(String[] args, java.util.function.BooleanSupplier noDisplay) {
        Settings settings = new Settings(Settings.defaultFile());
        ConnectionProfiles profiles = profiles(settings);
        try {
            Optional<ConsoleArgs> console = ConsoleArgs.parse(args);
            if (console.isEmpty()) {
                return null;
            }
            ConnectionProfile start = console.get().start(profiles);
            if (start != null) {
                try {
                    connect(start).close();
                } catch (IllegalArgumentException e) {
                    throw new ConsoleArgs.Refused("trellis: profile '" + start.name() + "': " + e.getMessage()
                            + "; fix it in File > Connect to Control Plane…");
                }
            }
            if (noDisplay.getAsBoolean()) {
                System.err.println(trellis.Launcher.NO_DISPLAY);
                return false;
            }
            return open(console.get().files(), start, console.get().database());
        } catch (ConsoleArgs.Refused e) {
            System.err.println(e.getMessage());
            return false;
        }
    }

    /** profiles.json, beside the settings file. */
    static ConnectionProfiles profiles(Settings settings) {
        return new ConnectionProfiles(settings.file().toAbsolutePath().resolveSibling("profiles.json"));
    }

    static boolean open(List<Path> files, ConnectionProfile start, String database) {
        TaskRunner runner = TaskRunner.standard();
        Settings settings = new Settings(Settings.defaultFile());
        try {
            ConsoleApp.open(files, new ConsoleServices(settings, runner, new FxDialogs(), localEngine(settings),
                    ConsoleMain::connect, new Remote(profiles(settings), ConsoleMain::connect, start, database)));
            return true;
        } catch (RuntimeException e) {
            String why = whyNoToolkit(e);
            if (why == null) {
                throw e;
            }
            System.err.println(why);
            return false;
        }
    }

    /** The one line for a toolkit that cannot start (no GTK 3), or null for any other failure. */
    static String whyNoToolkit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && String.valueOf(t.getMessage()).contains("glass GTK library")) {
                return NO_GTK;
            }
        }
        return null;
    }

    /**
     * A Control Plane at an address: for a {@code trellis serve} of this user on loopback, with
     * that server's token (read from its owner-only file, never sent elsewhere).
     */
    static ControlPlane connect(URI address) {
        return connect(address, ServeToken.defaultFile());
    }

    /**
     * A Control Plane by its profile (TLS files read now); a file that cannot be used is an
     * IllegalArgumentException that names it. A loopback {@code trellis serve} of this user gets its token.
     */
    static ControlPlane connect(ConnectionProfile profile) {
        try {
            String token = ServeToken.forServer(profile.uri(), null, ServeToken.defaultFile()).orElse(null);
            return RestControlPlane.of(profile, token);
        } catch (MutualTls.Unusable e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the token of the local 'trellis serve' could not be read: " + e.getMessage(), e);
        }
    }

    static ControlPlane connect(URI address, Path ownTokenFile) {
        String token;
        try {
            token = ServeToken.forServer(address, null, ownTokenFile).orElse(null);
        } catch (IOException e) {
            throw new IllegalArgumentException("the token of the local 'trellis serve' could not be read: " + e.getMessage(), e);
        }
        return new RestControlPlane(address, token);
    }

    /** Finds the local engine on this machine's Docker engine, with the Control Plane's images. */
    public static LocalEngineDetection localEngine() {
        return localEngine(null);
    }

    /**
     * The same, running each service type on the image the console's settings name (Engine &gt;
     * Images…), read when the engine is opened; none set means the Control Plane's.
     */
    public static LocalEngineDetection localEngine(Settings settings) {
        return new LocalEngineDetection() {
            @Override
            public Optional<LocalEngineAdmin> detect() {
                LocalEngineSettings engine = LocalEngineSettings.controlPlaneDefaults();
                if (settings != null) {
                    engine = engine.withImages(EngineImages.stored(settings));
                }
                return LocalEngines.detect(engine).map(e -> e);
            }

            @Override
            public java.util.Map<String, String> defaultImages() {
                java.util.Map<String, String> all = LocalEngineSettings.controlPlaneDefaults().images();
                java.util.Map<String, String> ordered = new java.util.LinkedHashMap<>();
                for (String type : EngineImages.TYPES) {
                    ordered.put(type, all.get(type));
                }
                return ordered;
            }

            @Override
            public Optional<String> imageProblem(String serviceType, String reference) {
                return LocalEngineSettings.imageProblem(serviceType, reference);
            }

            @Override
            public String describeUnavailable() {
                return LocalEngines.describeUnavailable();
            }

            @Override
            public Optional<String> defaultDockerHost() {
                return LocalEngines.dockerHost();
            }
        };
    }
}
