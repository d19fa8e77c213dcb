package trellis.ui;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
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

    /**
     * Where the console's split panes divide the window (the sources' right edge, the details' left edge, the
     * dock's top), as fractions the way {@link javafx.scene.control.SplitPane} takes them; the console keeps them
     * in its settings ({@link WindowLayout#splits}).
     */
    record Splits(double left, double right, double dock) {
        static final Splits DEFAULT = new Splits(0.16, 0.78, 0.78);
    }

    /*
     * The console's rows and edges at the default font (modena): the menu bar's and the tool bar's heights,
     * the status bar's, the split panes' inset and their dividers' width; the first frame puts its rows and
     * panes there, so that nothing moves when the console takes its place (FirstFrameRowsFxTest).
     */
    private static final double MENU_ROW = 27;
    private static final double TOOL_ROW = 34;
    private static final double STATUS_ROW = 23;
    private static final double SPLIT_INSET = 1;
    private static final double DIVIDER = 5;

    /** Puts the first frame's scene, {@code width} x {@code height}, into the stage (not shown yet), with the default splits. */
    public static Scene install(Stage stage, Theme theme, double width, double height) {
        return install(stage, theme, width, height, Splits.DEFAULT);
    }

    /** As above, its panes divided as the console's {@code splits}. */
    public static Scene install(Stage stage, Theme theme, double width, double height, Splits splits) {
        Palette p = Palette.of(theme);
        BorderPane root = new BorderPane();
        root.getStyleClass().add(STYLE_CLASS);
        root.setBackground(fill(p.bg()));

        HBox menus = new HBox();
        menus.setPadding(new Insets(0, 8, 0, 8));
        menus.setSpacing(20);
        menus.setAlignment(Pos.CENTER_LEFT);
        menus.setMinHeight(MENU_ROW);
        menus.setPrefHeight(MENU_ROW);
        menus.setBackground(fill(p.surface2()));
        for (String name : new String[] {"File", "Edit", "Engine", "View", "Help"}) {
            menus.getChildren().add(text(name, p.muted()));
        }
        Region tools = new Region();
        tools.setMinHeight(TOOL_ROW);
        tools.setPrefHeight(TOOL_ROW);
        tools.setBackground(fill(p.surface()));
        tools.setBorder(edges(p.border(), 0, 0, 1, 0));
        root.setTop(new VBox(menus, tools));

        Label opening = text("Opening the console…", p.muted());
        opening.setFont(Font.font(15));
        StackPane picture = new StackPane(opening);
        picture.setBackground(fill(p.bg()));
        HBox.setHgrow(picture, Priority.ALWAYS);
        // as a SplitPane divides its inner width: a divider centred on each position
        double inner = width - 2 * SPLIT_INSET;
        VBox sources = pane(p, splits.left() * inner - DIVIDER / 2);
        Label title = text("SOURCES", p.muted());
        title.setFont(Font.font(null, FontWeight.BOLD, 11));
        title.setPadding(new Insets(6, 8, 6, 8));
        sources.getChildren().add(title);
        HBox panes = new HBox(DIVIDER, sources, picture, pane(p, (1 - splits.right()) * inner - DIVIDER / 2));
        Region dock = new Region();
        dock.setBackground(fill(p.surface()));
        dock.setBorder(edges(p.border(), 1, 0, 0, 0));
        double innerHeight = height - MENU_ROW - TOOL_ROW - STATUS_ROW - 2 * SPLIT_INSET;
        dock.setPrefHeight((1 - splits.dock()) * innerHeight - DIVIDER / 2);
        dock.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(panes, Priority.ALWAYS);
        VBox center = new VBox(DIVIDER, panes, dock);
        center.setPadding(new Insets(SPLIT_INSET));
        root.setCenter(center);

        HBox status = new HBox(text("Starting…", p.muted()));
        status.setPadding(new Insets(0, 10, 0, 10));
        status.setAlignment(Pos.CENTER_LEFT);
        status.setMinHeight(STATUS_ROW);
        status.setPrefHeight(STATUS_ROW);
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
