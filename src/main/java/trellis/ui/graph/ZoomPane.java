package trellis.ui.graph;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;

/**
 * A clipped window onto a larger picture: drag or scroll to pan, Ctrl+scroll to zoom about the
 * pointer, as maps do. The pane's CSS padding is the margin {@link #fit} and {@link #reveal} keep
 * between the picture and the window's edge.
 */
final class ZoomPane extends Pane {
    static final double MIN_ZOOM = 0.1;
    static final double MAX_ZOOM = 4;
    private static final double WHEEL_STEP = 1.1;

    private final Group world = new Group();
    private final Scale scale = new Scale(1, 1);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private double dragX;
    private double dragY;

    ZoomPane() {
        getStyleClass().add("topology-viewport");
        scale.xProperty().bind(zoom);
        scale.yProperty().bind(zoom);
        getChildren().add(world);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setOnMousePressed(e -> {
            dragX = e.getSceneX() - world.getTranslateX();
            dragY = e.getSceneY() - world.getTranslateY();
        });
        setOnMouseDragged(e -> {
            world.setTranslateX(e.getSceneX() - dragX);
            world.setTranslateY(e.getSceneY() - dragY);
        });
        setOnScroll(e -> {
            if (e.isControlDown()) {
                // keep the point under the pointer where it is
                double z = zoom.get();
                double cx = (e.getX() - world.getTranslateX()) / z;
                double cy = (e.getY() - world.getTranslateY()) / z;
                setZoom(z * (e.getDeltaY() > 0 ? WHEEL_STEP : 1 / WHEEL_STEP));
                world.setTranslateX(e.getX() - cx * zoom.get());
                world.setTranslateY(e.getY() - cy * zoom.get());
            } else {
                world.setTranslateX(world.getTranslateX() + e.getDeltaX());
                world.setTranslateY(world.getTranslateY() + e.getDeltaY());
            }
            e.consume();
        });
    }

    /** Adds layers of the picture, each scaled by the zoom (the pan moves them all). */
    void addScaled(Node... layers) {
        for (Node layer : layers) {
            layer.getTransforms().add(scale);
            world.getChildren().add(layer);
        }
    }

    /** The panned and scaled picture, for a snapshot. */
    Node world() {
        return world;
    }

    /** Runs whenever what is in view may have changed: pan, zoom or the window's size. */
    void setOnViewChanged(Runnable r) {
        world.translateXProperty().addListener((o, a, b) -> r.run());
        world.translateYProperty().addListener((o, a, b) -> r.run());
        zoom.addListener((o, a, b) -> r.run());
        widthProperty().addListener((o, a, b) -> r.run());
        heightProperty().addListener((o, a, b) -> r.run());
    }

    DoubleProperty zoomProperty() {
        return zoom;
    }

    void setZoom(double z) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)));
    }

    /**
     * Scales a picture of the given (unscaled) size to a window of w by h less the margin, never
     * above 100 %, and puts it top-left.
     */
    void fit(Bounds picture, double w, double h) {
        Insets m = getInsets();
        if (picture.getWidth() <= 0 || picture.getHeight() <= 0 || w <= 0 || h <= 0) {
            return;
        }
        setZoom(Math.min(1, Math.min((w - m.getLeft() - m.getRight()) / picture.getWidth(),
                (h - m.getTop() - m.getBottom()) / picture.getHeight())));
        world.setTranslateX(m.getLeft());
        world.setTranslateY(m.getTop());
    }

    /** Pans just enough to bring a node into view with the margin, keeping the zoom. */
    void reveal(Node node) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        Bounds v = localToScene(getLayoutBounds());
        if (b == null || v == null || v.getWidth() <= 0) {
            return;
        }
        Insets m = getInsets();
        double dx = b.getMinX() < v.getMinX() ? v.getMinX() - b.getMinX() + m.getLeft()
                : b.getMaxX() > v.getMaxX() ? v.getMaxX() - b.getMaxX() - m.getRight() : 0;
        double dy = b.getMinY() < v.getMinY() ? v.getMinY() - b.getMinY() + m.getTop()
                : b.getMaxY() > v.getMaxY() ? v.getMaxY() - b.getMaxY() - m.getBottom() : 0;
        world.setTranslateX(world.getTranslateX() + dx);
        world.setTranslateY(world.getTranslateY() + dy);
    }
}
