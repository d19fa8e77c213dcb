package trellis.ui.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import trellis.topology.HostPlacement;
import trellis.topology.InstancePlacement;
import trellis.topology.Topology;

/**
 * The lines from each instance to the nodes it connects to, over the cards but routed
 * (by {@link LineRouter}) through the gutters between them. One {@link Path} per service colour
 * (and one more per colour for the dimmed), not a node per route: a thousand instances stay a
 * handful of nodes to style and paint.
 */
final class ConnectionLayer extends Pane {
    private static final CssMetaData<ConnectionLayer, Number> LANE_ABOVE_ROW = CssSizes.meta("-trellis-lane-above-row", c -> c.laneAboveRow);
    private static final CssMetaData<ConnectionLayer, Number> LANE_STEP = CssSizes.meta("-trellis-lane-step", c -> c.laneStep);
    private static final CssMetaData<ConnectionLayer, Number> LINE_STEP = CssSizes.meta("-trellis-line-step", c -> c.lineStep);
    private static final CssMetaData<ConnectionLayer, Number> MIN_HALF_GUTTER = CssSizes.meta("-trellis-min-half-gutter", c -> c.minHalfGutter);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Pane.getClassCssMetaData());
        all.addAll(List.of(LANE_ABOVE_ROW, LANE_STEP, LINE_STEP, MIN_HALF_GUTTER));
        CSS = Collections.unmodifiableList(all);
    }

    // read when the lines are drawn, after the layer's CSS: nothing to do when they change
    private final Runnable onSpacingChange = () -> { };
    private final StyleableDoubleProperty laneAboveRow = CssSizes.property(LANE_ABOVE_ROW, this, "laneAboveRow", onSpacingChange);
    private final StyleableDoubleProperty laneStep = CssSizes.property(LANE_STEP, this, "laneStep", onSpacingChange);
    private final StyleableDoubleProperty lineStep = CssSizes.property(LINE_STEP, this, "lineStep", onSpacingChange);
    private final StyleableDoubleProperty minHalfGutter = CssSizes.property(MIN_HALF_GUTTER, this, "minHalfGutter", onSpacingChange);
    private final Map<String, List<List<LineRouter.Point>>> geometry = new LinkedHashMap<>();
    private final Map<String, InstanceCard> owners = new LinkedHashMap<>();

    ConnectionLayer() {
        getStyleClass().add("connection-layer");
        setMouseTransparent(true);
        setManaged(false);
    }

    void clear() {
        geometry.clear();
        owners.clear();
        getChildren().clear();
    }

    /**
     * Routes every built instance's lines, in the coordinates of {@code picture} (unscaled), and paints them.
     *
     * @param picture  the node whose coordinates the lines are drawn in
     * @param hostRow  the row of host cards, for its gap and top
     * @param hosts    the host cards by host id
     * @param cards    the instance cards by instance id
     */
    void draw(Topology t, Node picture, HBox hostRow, Map<String, HostCard> hosts, Map<String, InstanceCard> cards) {
        clear();
        if (t == null) {
            return;
        }
        applyCss();
        Function<Node, LineRouter.Box> box = n -> box(picture, n);
        Map<String, List<Region[]>> nodesByName = new LinkedHashMap<>();
        for (HostCard host : hosts.values()) {
            host.nodeBoxes().forEach((name, nodeBox) ->
                    nodesByName.computeIfAbsent(name, k -> new ArrayList<>()).add(new Region[]{nodeBox, host}));
        }
        LineRouter.Spacing spacing = new LineRouter.Spacing(laneAboveRow.get(), laneStep.get(), lineStep.get(), minHalfGutter.get());
        LineRouter router = new LineRouter(spacing, hostRow.getSpacing(), hostRow.getBoundsInParent().getMinY());
        for (HostPlacement h : t.hosts()) {
            LineRouter.Box hostBox = null;
            for (InstancePlacement i : h.instances()) {
                InstanceCard card = cards.get(i.instanceId());
                if (card == null || card.getScene() == null) {
                    continue;
                }
                if (hostBox == null && hosts.get(h.hostId()) != null) {
                    hostBox = box.apply(hosts.get(h.hostId()));
                }
                LineRouter.Box a = box.apply(card);
                List<List<LineRouter.Point>> routes = new ArrayList<>();
                for (String nodeName : i.connectsTo()) {
                    for (Region[] target : nodesByName.getOrDefault(nodeName, List.of())) {
                        LineRouter.Box b = box.apply(target[0]);
                        LineRouter.Box hb = box.apply(target[1]);
                        if (a != null && b != null && hostBox != null && hb != null) {
                            routes.add(router.route(a, hostBox, b, hb, card.colour()));
                        }
                    }
                }
                geometry.put(i.instanceId(), routes);
                owners.put(i.instanceId(), card);
            }
        }
        paint();
    }

    /** Groups the routes into paths by colour and dimming; cheap, so the filter can call it. */
    void paint() {
        Map<String, Path> paths = new LinkedHashMap<>();
        geometry.forEach((id, routes) -> {
            InstanceCard card = owners.get(id);
            if (card == null || routes.isEmpty()) {
                return;
            }
            boolean dimmed = card.dimmed();
            Path path = paths.computeIfAbsent(card.colour() + (dimmed ? "d" : ""), k -> {
                Path np = new Path();
                np.getStyleClass().addAll("connection", "svc-color-" + card.colour());
                if (dimmed) {
                    np.getStyleClass().add("dimmed");
                }
                return np;
            });
            for (List<LineRouter.Point> r : routes) {
                path.getElements().add(new MoveTo(r.get(0).x(), r.get(0).y()));
                for (int k = 1; k < r.size(); k++) {
                    path.getElements().add(new LineTo(r.get(k).x(), r.get(k).y()));
                }
            }
        });
        getChildren().setAll(paths.values());
        applyCss();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }

    /** A node's box in the picture's own (unscaled) coordinates, or null while it is not in the scene. */
    private static LineRouter.Box box(Node picture, Node n) {
        if (n.getScene() == null || picture.getScene() == null) {
            return null;
        }
        Bounds scene = n.localToScene(n.getBoundsInLocal());
        Bounds b = scene == null ? null : picture.sceneToLocal(scene);
        return b == null ? null : new LineRouter.Box(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    }
}
