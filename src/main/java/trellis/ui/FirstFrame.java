package trellis.ui;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.stage.Stage;

/**
 * What the console's window shows first, while the console itself is built: the window's layout in the
 * theme's colours (the menu names, the tool bar's strip, the sources pane, the picture, the details pane,
 * the dock and the status bar where the console will have them) and "Opening the console…". 27 plain
 * nodes (labels' text included) and no style sheet of its own, so the window is on screen about as soon as any JavaFX
 * window started the same way; the console (hundreds of nodes, its controls' skins, its style sheets)
 * replaces the root of the same scene in the next event. Nothing in it reacts to input.
 */
public final class FirstFrame {
    /** The style class of the first frame's root: the console's window is not built yet while the scene has it. */
    public static final String STYLE_CLASS = "first-frame";

    private FirstFrame() {
    }

    /** The colours of a theme, as its style sheet defines them (-t-bg, -t-surface, -t-surface-2, -t-border, -t-muted). */
    record Palette(Color bg, Color surface, Color surface2, Color border, Color muted) {
        static Palette of(Theme theme) {
            return theme == Theme.DARK
                    ? new Palette(Color.web("#15191f"), Color.web("#1e242c"), Color.web("#262e38"), Color.web("#3a4552"), Color.web("#9aa7b6"))
                    : new Palette(Color.web("#f6f7f9"), Color.web("#ffffff"), Color.web("#eef1f5"), Color.web("#cfd6df"), Color.web("#5b6878"));
        }
    }

    /** Puts the first frame's scene, {@code width} x {@code height}, into the stage (not shown yet). */
    public static Scene install(Stage stage, Theme theme, double width, double height) {
        Palette p = Palette.of(theme);
        BorderPane root = new BorderPane();
        root.getStyleClass().add(STYLE_CLASS);
        root.setBackground(fill(p.bg()));

        HBox menus = new HBox();
        menus.setPadding(new Insets(4, 8, 4, 8));
        menus.setSpacing(20);
        menus.setBackground(fill(p.surface2()));
        for (String name : new String[] {"File", "Edit", "Engine", "View", "Help"}) {
            menus.getChildren().add(text(name, p.muted()));
        }
        Region tools = new Region();
        tools.setMinHeight(34);
        tools.setBackground(fill(p.surface()));
        tools.setBorder(edges(p.border(), 0, 0, 1, 0));
        root.setTop(new VBox(menus, tools));

        Label opening = text("Opening the console…", p.muted());
        opening.setFont(Font.font(15));
        StackPane picture = new StackPane(opening);
        picture.setBackground(fill(p.bg()));
        HBox.setHgrow(picture, Priority.ALWAYS);
        VBox sources = pane(p, width * 0.16);
        Label title = text("SOURCES", p.muted());
        title.setFont(Font.font(null, FontWeight.BOLD, 11));
        title.setPadding(new Insets(6, 8, 6, 8));
        sources.getChildren().add(title);
        HBox panes = new HBox(sources, picture, pane(p, width * 0.22));
        Region dock = new Region();
        dock.setBackground(fill(p.surface()));
        dock.setBorder(edges(p.border(), 1, 0, 0, 0));
        dock.setPrefHeight(height * 0.2);
        VBox.setVgrow(panes, Priority.ALWAYS);
        root.setCenter(new VBox(panes, dock));

        HBox status = new HBox(text("Starting…", p.muted()));
        status.setPadding(new Insets(3, 10, 3, 10));
        status.setBackground(fill(p.surface2()));
        root.setBottom(status);

        Scene scene = new Scene(root, width, height, p.bg());
        stage.setScene(scene);
        return scene;
    }

    /** Whether the scene still shows the first frame (the console's root not in it yet). */
    public static boolean showing(Scene scene) {
        return scene != null && scene.getRoot() != null && scene.getRoot().getStyleClass().contains(STYLE_CLASS);
    }

    /**
     * Runs {@code then} in the event after the scene's next pulse has laid it out, that pulse's paint
     * under way on the renderer's thread: the frame is on its way to the screen before the FX thread
     * turns to building the console.
     */
    public static void afterNextFrame(Scene scene, Runnable then) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(then);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    private static VBox pane(Palette p, double width) {
        VBox pane = new VBox();
        pane.setPrefWidth(width);
        pane.setMinWidth(Region.USE_PREF_SIZE);
        pane.setBackground(fill(p.surface()));
        pane.setBorder(edges(p.border(), 0, 1, 0, 1));
        return pane;
    }

    private static Label text(String s, Color color) {
        Label l = new Label(s);
        l.setTextFill(color);
        return l;
    }

    private static Background fill(Color c) {
        return new Background(new BackgroundFill(c, null, null));
    }

    /** A 1 px line on the given edges (1: drawn, 0: not). */
    private static Border edges(Color c, double top, double right, double bottom, double left) {
        return new Border(new BorderStroke(c, BorderStrokeStyle.SOLID, null, new BorderWidths(top, right, bottom, left)));
    }
}
