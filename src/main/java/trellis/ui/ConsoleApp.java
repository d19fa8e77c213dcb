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
    /**
     * Handed over by the composition root before JavaFX starts this Application (JavaFX makes the
     * instance itself, so nothing can be passed to a constructor).
     */
    private static volatile ConsoleServices services;
    private MainWindow window;
    static final String TITLE = "Trellis — supporting services of pgEdge databases";

    /**
     * Opens the console with what the composition root made; the given files are opened as spec
     * files. Blocks until the window closes.
     */
    public static void open(List<Path> files, ConsoleServices with) {
        FILES.clear();
        FILES.addAll(files);
        exitOnClose = true;
        use(with);
        renderingDefaults();
        prewarm(with.runner().background());
        Application.launch(ConsoleApp.class);
    }

    /**
     * What the console sets for JavaFX's renderer before the toolkit starts, unless the person set it:
     * rounded backgrounds drawn directly, not from region caching's 9-slice images. On the software
     * pipeline (no GPU: virtual machines, remote desktops, Xvfb) each cached background is a stretched
     * image blit, and repainting the host cards behind the instances a poll changed kept the FX thread
     * waiting on the renderer: in a 800-poll soak 4,902 waits over 16 ms and the longest 96 ms with
     * caching, 70 and 40 ms without. On a GPU pipeline both ways are cheap.
     */
    public static void renderingDefaults() {
        if (System.getProperty("prism.disableRegionCaching") == null) {
            System.setProperty("prism.disableRegionCaching", "true");
        }
    }

    /** Hands the services to the next start of this Application (also for a test harness that launches it). */
    public static void use(ConsoleServices with) {
        services = java.util.Objects.requireNonNull(with);
    }

    /**
     * Loads the classes of the main window on the second core while the toolkit starts on the
     * first: class loading is most of the time to the first frame, and it parallelises.
     */
    public static void prewarm(java.util.concurrent.Executor background) {
        background.execute(() -> {
            ClassLoader cl = ConsoleApp.class.getClassLoader();
            for (String name : PREWARM) {
                try {
                    Class.forName(name, false, cl);
                } catch (ClassNotFoundException | LinkageError e) {
                    // only a head start; the window loads whatever is missing itself
                }
            }
        });
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
            "javafx.scene.control.TextInputControl", "javafx.scene.control.CheckMenuItem",
            "javafx.scene.control.skin.ContextMenuSkin", "javafx.scene.control.Tooltip", "javafx.css.CssParser",
            "javafx.scene.shape.Path", "javafx.scene.shape.CubicCurveTo", "trellis.ui.MainWindow", "trellis.ui.graph.TopologyView",
            "trellis.ui.DatabasePoller", "trellis.topology.TopologyBuilder", "trellis.spec.Json",
            "com.fasterxml.jackson.databind.ObjectMapper");

    /** Loads the main window into a stage, with the theme applied before it shows. */
    public static MainWindow createWindow(Stage stage, Settings settings, TaskRunner runner, Theme theme) throws IOException {
        return createWindow(stage, ConsoleServices.offline(settings, runner), theme);
    }

    /** Loads the main window into a stage, with the theme applied before it shows. */
    public static MainWindow createWindow(Stage stage, ConsoleServices with, Theme theme) throws IOException {
        Settings settings = with.settings();
        FXMLLoader loader = new FXMLLoader(ConsoleApp.class.getResource("/trellis/fxml/MainWindow.fxml"));
        Parent root = loader.load();
        MainWindow window = loader.getController();
        Scene scene = stage.getScene();
        if (FirstFrame.showing(scene)) {
            scene.setRoot(root); // the window on screen already: the console takes the first frame's place
        } else {
            scene = new Scene(root, width(settings), height(settings));
            stage.setScene(scene);
        }
        theme.apply(scene);
        stage.setTitle(TITLE);
        var icon = ConsoleApp.class.getResourceAsStream("/trellis/icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        window.attach(stage, with, theme);
        return window;
    }

    /**
     * Shows the window at once with its {@link FirstFrame}, then builds the console into it in the event after
     * that frame: the person sees the window about as soon as any JavaFX window, and the console ~0.5 s later.
     */
    @Override
    public void start(Stage stage) throws Exception {
        ConsoleServices with = services;
        if (with == null) {
            throw new IllegalStateException("the console is started by trellis.app.ConsoleMain, which hands it its services");
        }
        Settings settings = with.settings();
        Theme theme = Theme.parse(settings.get("theme", null), Theme.fromDesktop());
        Scene first = showFirstFrame(stage, settings, theme);
        double x = settings.get("window.x", Double.NaN);
        double y = settings.get("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(x, y, 50, 50).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setOnHidden(e -> {
            if (window != null) {
                window.shutdown();
            }
            if (exitOnClose) {
                Platform.exit();
            }
        });
        stage.show();
        FirstFrame.afterNextFrame(first, () -> {
            if (!stage.isShowing()) {
                return; // closed before the console was built
            }
            try {
                window = createWindow(stage, with, theme);
            } catch (IOException | RuntimeException e) {
                failedToOpen(stage, e);
                return;
            }
            opened(window);
        });
    }

    /** The first frame in the stage, titled, sized as the window was last left (the console's own size). */
    public static Scene showFirstFrame(Stage stage, Settings settings, Theme theme) {
        Scene scene = FirstFrame.install(stage, theme, width(settings), height(settings), WindowLayout.splits(settings));
        stage.setTitle(TITLE);
        return scene;
    }

    /** The window's size as it was last left (WindowLayout saves it), or the console's default. */
    private static double width(Settings settings) {
        return settings.get("window.w", 1400);
    }

    private static double height(Settings settings) {
        return settings.get("window.h", 860);
    }

    private void opened(MainWindow window) {
        List<Path> files = new ArrayList<>(FILES);
        FILES.clear();
        if (files.isEmpty()) {
            // launched as an Application with the files as its parameters (TestFX, other launchers)
            getParameters().getRaw().stream().map(Path::of).forEach(files::add);
        }
        // --connect URL / --profile NAME: connected at once, with no dialog and no last session
        boolean connected = window.startConnected();
        if (files.isEmpty() && !connected) {
            window.reopenLast();
        } else {
            // openFile checks each off the FX thread and says so when one is not a spec file
            files.forEach(window::openFile);
        }
        window.findLocalEngine();
    }

    /** The console's window could not be built (a broken installation): said in words, and the program ends. */
    private static void failedToOpen(Stage stage, Exception e) {
        System.err.println("trellis: the console's window could not be built: " + e);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                "The console's window could not be built: " + e.getMessage()
                        + "\n\nThe installation may be damaged; reinstall Trellis, or run `trellis --version` in a terminal to check it.");
        alert.setHeaderText("Trellis cannot open");
        alert.initOwner(stage);
        alert.showAndWait();
        stage.close();
    }
}
