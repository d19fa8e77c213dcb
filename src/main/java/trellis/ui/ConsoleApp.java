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
    private MainWindow window;

    /** Opens the console; the given files are opened as spec files. Blocks until the window closes. */
    public static void open(List<Path> files) {
        FILES.clear();
        FILES.addAll(files);
        Application.launch(ConsoleApp.class);
    }

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
            Platform.exit();
        });
        stage.show();
        if (FILES.isEmpty()) {
            window.reopenLast();
        } else {
            FILES.stream().filter(Files::exists).forEach(window::openFile);
        }
        LocalEngineProbe.describe().ifPresent(window::log);
    }
}
