package trellis.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The console. Started by {@code trellis.Launcher} when no command is given. */
public final class ConsoleApp extends Application {
    private static final List<Path> FILES = new ArrayList<>();
    /**
     * Set by {@link #open}: closing the window ends the program. A test harness that starts this
     * Application itself keeps its toolkit for the next test.
     */
    private static volatile boolean exitOnClose;
    private MainWindow window;

    /**
     * Opens the console with the command line's words: each one that names a file is opened as a
     * spec file. Blocks until the window closes.
     */
    public static void open(String[] fileArgs) {
        open(java.util.Arrays.stream(fileArgs == null ? new String[0] : fileArgs).map(Path::of).toList());
    }

    /** Opens the console; the given files are opened as spec files. Blocks until the window closes. */
    public static void open(List<Path> files) {
        FILES.clear();
        FILES.addAll(files);
        exitOnClose = true;
        prewarm();
        Application.launch(ConsoleApp.class);
    }

    /**
     * Loads the classes of the main window on the second core while the toolkit starts on the
     * first: class loading is most of the time to the first frame, and it parallelises.
     */
    public static void prewarm() {
        Thread t = new Thread(() -> {
            ClassLoader cl = ConsoleApp.class.getClassLoader();
            for (String name : PREWARM) {
                try {
                    Class.forName(name, false, cl);
                } catch (ClassNotFoundException | LinkageError e) {
                    // only a head start; the window loads whatever is missing itself
                }
            }
        }, "trellis-prewarm");
        t.setDaemon(true);
        t.start();
    }

    private static final List<String> PREWARM = List.of(
            "javafx.fxml.FXMLLoader", "com.sun.javafx.fxml.BeanAdapter", "com.sun.javafx.fxml.expression.Expression",
            "javafx.scene.control.MenuBar", "javafx.scene.control.skin.MenuBarSkin", "javafx.scene.control.ToolBar",
            "javafx.scene.control.skin.ToolBarSkin", "javafx.scene.control.Spinner", "javafx.scene.control.skin.SpinnerSkin",
            "javafx.scene.control.TreeView", "javafx.scene.control.skin.TreeViewSkin", "javafx.scene.control.skin.TreeCellSkin",
            "javafx.scene.control.ListView", "javafx.scene.control.skin.ListViewSkin", "javafx.scene.control.skin.ListCellSkin",
            "javafx.scene.control.skin.VirtualFlow", "javafx.scene.control.TabPane", "javafx.scene.control.skin.TabPaneSkin",
            "javafx.scene.control.SplitPane", "javafx.scene.control.skin.SplitPaneSkin", "javafx.scene.control.ScrollPane",
            "javafx.scene.control.skin.ScrollPaneSkin", "javafx.scene.control.skin.ScrollBarSkin", "javafx.scene.control.skin.ButtonSkin",
            "javafx.scene.control.skin.ToggleButtonSkin", "javafx.scene.control.skin.LabelSkin", "javafx.scene.control.skin.TextFieldSkin",
            "javafx.scene.control.skin.ProgressIndicatorSkin", "javafx.scene.control.TextInputControl", "javafx.scene.control.CheckMenuItem",
            "javafx.scene.control.skin.ContextMenuSkin", "javafx.scene.control.Tooltip", "javafx.css.CssParser",
            "javafx.scene.shape.Path", "javafx.scene.shape.CubicCurveTo", "trellis.ui.MainWindow", "trellis.ui.graph.TopologyView",
            "trellis.ui.DatabasePoller", "trellis.topology.TopologyBuilder", "trellis.spec.Json",
            "com.fasterxml.jackson.databind.ObjectMapper");

    /** Loads the main window into a stage, with the theme applied before it shows. */
    public static MainWindow createWindow(Stage stage, Settings settings, TaskRunner runner, Theme theme) throws IOException {
        FXMLLoader loader = new FXMLLoader(ConsoleApp.class.getResource("/trellis/fxml/MainWindow.fxml"));
        Parent root = loader.load();
        MainWindow window = loader.getController();
        Scene scene = new Scene(root, settings.get("window.w", 1400), settings.get("window.h", 860));
        theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle("Trellis — supporting services of pgEdge databases");
        var icon = ConsoleApp.class.getResourceAsStream("/trellis/icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        window.attach(stage, settings, runner, theme);
        return window;
    }

    @Override
    public void start(Stage stage) throws Exception {
        Settings settings = new Settings();
        Theme theme = Theme.parse(settings.get("theme", null), Theme.fromDesktop());
        window = createWindow(stage, settings, TaskRunner.standard(), theme);
        double x = settings.get("window.x", Double.NaN);
        double y = settings.get("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(x, y, 50, 50).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setOnHidden(e -> {
            window.shutdown();
            if (exitOnClose) {
                Platform.exit();
            }
        });
        stage.show();
        List<Path> files = new ArrayList<>(FILES);
        FILES.clear();
        if (files.isEmpty()) {
            // launched as an Application with the files as its parameters (TestFX, other launchers)
            getParameters().getRaw().stream().map(Path::of).forEach(files::add);
        }
        if (files.isEmpty()) {
            window.reopenLast();
        } else {
            // openFile checks each off the FX thread and says so when one is not a spec file
            files.forEach(window::openFile);
        }
        // The local engine when Docker answers, found off the FX thread; offline editing otherwise.
        TaskRunner.standard().run(() -> trellis.engine.local.LocalEngine.detect(
                        trellis.engine.local.LocalEngineSettings.controlPlaneDefaults()),
                engine -> {
                    if (engine.isPresent()) {
                        window.addControlPlane(engine.get());
                        window.log("Local engine: Docker answers; services you deploy run there");
                    } else {
                        window.log(trellis.engine.local.LocalEngine.describeUnavailable());
                    }
                }, error -> window.log(trellis.engine.local.LocalEngine.describeUnavailable()));
    }
}
