package trellis.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import trellis.topology.HostPlacement;
import trellis.topology.InstancePlacement;
import trellis.topology.LifecycleState;
import trellis.topology.NodePlacement;
import trellis.topology.ServiceSummary;
import trellis.topology.Topology;

/**
 * The picture of one database: hosts as columns, on each its database nodes and the service
 * instances placed there, a dashed line from every instance to the nodes it connects to. Every
 * state is a colour, an icon and a word. A poll that changes states only restyles the instance
 * cards it touches; the cards are rebuilt only when what exists changes.
 */
public final class TopologyView extends StackPane {
    public static final int PALETTE = 8;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass HEALTHY = PseudoClass.getPseudoClass("healthy");

    /** What a click selected: an instance, a host, a database node or a service. */
    public sealed interface Selection {
        record OfInstance(InstancePlacement instance) implements Selection { }
        record OfHost(HostPlacement host) implements Selection { }
        record OfService(ServiceSummary service) implements Selection { }
        record OfNode(NodePlacement node) implements Selection { }
    }

    private final Pane viewport = new Pane();
    private final Group world = new Group();
    private final VBox content = new VBox();
    private final FlowPane serviceStrip = new FlowPane();
    private final HBox hostRow = new HBox();
    private final Pane lines = new Pane();
    private final Scale scale = new Scale(1, 1);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final Label empty = new Label("Open a spec file (Ctrl+O) or pick a database on the left.");

    private final Map<String, InstanceCard> instanceCards = new LinkedHashMap<>();
    private final Map<String, Region> nodeBoxes = new HashMap<>();
    private final Map<String, VBox> hostCards = new LinkedHashMap<>();
    private final Map<String, Label> serviceChips = new LinkedHashMap<>();
    /** Host cards whose nodes and instances are not built yet: off screen, so not worth their cost. */
    private final java.util.Set<String> unbuilt = new java.util.LinkedHashSet<>();
    private final Map<String, Integer> serviceColour = new HashMap<>();
    private Topology topology;
    private String structure = "";
    private String filter = "";
    private String paintedFilter = "";
    private Node selectedNode;
    private Consumer<Selection> onSelect = s -> { };
    private final Map<String, List<List<LineRouter.Point>>> geometry = new LinkedHashMap<>();
    private boolean linesDirty = true;
    private double dragX;
    private double dragY;

    public TopologyView() {
        getStyleClass().add("topology-view");
        content.getStyleClass().add("topology-content");
        serviceStrip.getStyleClass().add("service-strip");
        hostRow.getStyleClass().add("host-row");
        lines.getStyleClass().add("connection-layer");
        lines.setMouseTransparent(true);
        lines.setManaged(false);
        // the legend joins with the first picture: an empty view needs none, and the first frame is spared its icons
        content.getChildren().addAll(serviceStrip, hostRow);
        // Lines over the cards, but routed through the gutters between host cards and the lane
        // above them, so they never cross a card's text and are never hidden behind a card.
        world.getChildren().addAll(content, lines);
        content.getTransforms().add(scale);
        scale.xProperty().bind(zoom);
        scale.yProperty().bind(zoom);
        lines.getTransforms().add(scale);
        viewport.getChildren().add(world);
        viewport.getStyleClass().add("topology-viewport");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        empty.getStyleClass().add("empty-hint");
        getChildren().addAll(viewport, empty);
        content.layoutBoundsProperty().addListener((o, a, b) -> linesDirty = true);

        Runnable later = () -> javafx.application.Platform.runLater(this::buildVisible);
        world.translateXProperty().addListener((o, a, b) -> later.run());
        world.translateYProperty().addListener((o, a, b) -> later.run());
        zoom.addListener((o, a, b) -> later.run());
        viewport.widthProperty().addListener((o, a, b) -> later.run());
        viewport.heightProperty().addListener((o, a, b) -> later.run());
        // Reachable without a mouse: Tab focuses the picture, the arrow keys walk its instances.
        setFocusTraversable(true);
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case LEFT -> moveSelection(-1, 0);
                case RIGHT -> moveSelection(1, 0);
                case UP -> moveSelection(0, -1);
                case DOWN -> moveSelection(0, 1);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        viewport.setOnMousePressed(e -> {
            requestFocus();
            dragX = e.getSceneX() - world.getTranslateX();
            dragY = e.getSceneY() - world.getTranslateY();
        });
        viewport.setOnMouseDragged(e -> {
            world.setTranslateX(e.getSceneX() - dragX);
            world.setTranslateY(e.getSceneY() - dragY);
        });
        viewport.setOnScroll(e -> {
            if (e.isControlDown()) {
                // keep the point under the pointer where it is, as maps do
                double z = zoom.get();
                double cx = (e.getX() - world.getTranslateX()) / z;
                double cy = (e.getY() - world.getTranslateY()) / z;
                setZoom(z * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1));
                world.setTranslateX(e.getX() - cx * zoom.get());
                world.setTranslateY(e.getY() - cy * zoom.get());
            } else {
                world.setTranslateX(world.getTranslateX() + e.getDeltaX());
                world.setTranslateY(world.getTranslateY() + e.getDeltaY());
            }
            e.consume();
        });
    }

    public void setOnSelect(Consumer<Selection> onSelect) {
        this.onSelect = Objects.requireNonNull(onSelect);
    }

    public Topology topology() {
        return topology;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public void setZoom(double z) {
        zoom.set(Math.max(0.1, Math.min(4, z)));
    }

    public void zoomIn() {
        setZoom(zoom.get() * 1.2);
    }

    public void zoomOut() {
        setZoom(zoom.get() / 1.2);
    }

    /**
     * The whole picture at 100 %, whatever the zoom and pan, for File > Export and
     * {@code trellis export --png}. Must run on the FX thread.
     */
    public javafx.scene.image.WritableImage snapshotPicture() {
        buildAll();
        double z = zoom.get();
        setZoom(1);
        applyCss();
        layout();
        drawLines();
        javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
        params.setFill(getBackground() != null && !getBackground().getFills().isEmpty()
                ? getBackground().getFills().get(0).getFill() : javafx.scene.paint.Color.WHITE);
        drawLines();
        javafx.scene.image.WritableImage img = world.snapshot(params, null);
        setZoom(z);
        return img;
    }

    /** For a newly shown database: 100 %, or smaller down to 75 % when that makes it fit. */
    public void resetView() {
        fit();
        setZoom(Math.max(0.75, zoom.get()));
    }

    /** Scales the whole picture to the visible area (never above 100 %) and puts it top-left. */
    public void fit() {
        applyCss();
        layout();
        Bounds b = content.getLayoutBounds();
        double w = viewport.getWidth() > 0 ? viewport.getWidth() : getWidth();
        double h = viewport.getHeight() > 0 ? viewport.getHeight() : getHeight();
        if (b.getWidth() <= 0 || b.getHeight() <= 0 || w <= 0 || h <= 0) {
            return;
        }
        setZoom(Math.min(1, Math.min((w - 24) / b.getWidth(), (h - 24) / b.getHeight())));
        world.setTranslateX(12);
        world.setTranslateY(12);
    }

    /** Shows a topology: restyles in place when only states changed, rebuilds when the shape changed. */
    public void show(Topology t) {
        this.topology = t;
        empty.setVisible(t == null);
        if (t == null) {
            structure = "";
            hostRow.getChildren().clear();
            serviceStrip.getChildren().clear();
            lines.getChildren().clear();
            instanceCards.clear();
            return;
        }
        if (content.getChildren().size() == 2) {
            content.getChildren().add(legend());
        }
        String shape = shapeOf(t);
        if (shape.equals(structure)) {
            for (InstancePlacement i : t.instances()) {
                InstanceCard card = instanceCards.get(i.instanceId());
                if (card != null) {
                    card.update(i);
                }
            }
            for (HostPlacement h : t.hosts()) {
                VBox hostCard = hostCards.get(h.hostId());
                if (hostCard != null) {
                    hostCard.setUserData(h);
                }
                for (NodePlacement n : h.nodes()) {
                    Region box = nodeBoxes.get(h.hostId() + "/" + n.nodeName());
                    if (box != null) {
                        box.setUserData(n);
                    }
                }
            }
        } else {
            rebuild(t);
            structure = shape;
            linesDirty = true;
            applyCss();
            layout();
            buildVisible();
        }
        applyFilter();
    }

    /** The ids of what is drawn; when they are the same, a poll changed only states. */
    private static String shapeOf(Topology t) {
        StringBuilder b = new StringBuilder();
        for (ServiceSummary s : t.services()) {
            b.append('s').append(s.serviceId()).append(s.pattern()).append(';');
        }
        for (HostPlacement h : t.hosts()) {
            b.append('h').append(h.hostId()).append(':');
            h.nodes().forEach(n -> b.append(n.nodeName()).append(','));
            h.instances().forEach(i -> b.append(i.instanceId()).append(String.join("+", i.connectsTo())).append(','));
        }
        return b.toString();
    }

    private void rebuild(Topology t) {
        instanceCards.clear();
        nodeBoxes.clear();
        hostCards.clear();
        serviceChips.clear();
        unbuilt.clear();
        selectedNode = null;
        Map<String, Integer> colour = serviceColour;
        colour.clear();
        for (ServiceSummary s : t.services()) {
            colour.put(s.serviceId(), colour.size() % PALETTE);
        }
        List<Node> chips = new ArrayList<>();
        Label title = new Label("Services");
        title.getStyleClass().add("strip-title");
        chips.add(title);
        for (ServiceSummary s : t.services()) {
            Label chip = new Label(s.serviceId() + "  " + s.serviceType() + " " + s.version() + "  ·  "
                    + s.pattern().label() + "  ·  as " + s.connectAs());
            chip.setId("service-" + s.serviceId());
            chip.getStyleClass().addAll("service-chip", "svc-color-" + colour.get(s.serviceId()));
            chip.setUserData(s);
            chip.setOnMouseClicked(e -> select(chip, new Selection.OfService(s)));
            // a Tooltip is a window with a scene of its own: made on the first hover, not per picture
            chip.setOnMouseEntered(e -> {
                if (chip.getTooltip() == null) {
                    chip.setTooltip(new Tooltip(s.pattern().label() + ": " + describe(s)));
                }
            });
            serviceChips.put(s.serviceId(), chip);
            chips.add(chip);
        }
        if (t.services().isEmpty()) {
            Label none = new Label("no supporting services yet");
            none.getStyleClass().add("muted");
            chips.add(none);
        }
        serviceStrip.getChildren().setAll(chips);

        List<Node> cards = new ArrayList<>();
        for (HostPlacement h : t.hosts()) {
            VBox card = new VBox();
            // no id until built: an id makes a node's style lookup its own (JavaFX caches
            // matching rules per type, id and classes), and a hundred placeholders would each pay it
            card.getStyleClass().add("host");
            card.setUserData(h);
            // Space for what will be built when the card scrolls into view: even its header waits,
            // as a hundred hosts' labels would cost more than the few cards on screen.
            card.setMinHeight(64 + h.nodes().size() * 38 + Math.max(1, h.instances().size()) * 54);
            unbuilt.add(h.hostId());
            hostCards.put(h.hostId(), card);
            cards.add(card);
        }
        hostRow.getChildren().setAll(cards);
        requestLayout();
    }

    /** Fills a host card with its database nodes and service instances. */
    private void buildHost(String hostId) {
        VBox card = hostCards.get(hostId);
        HostPlacement h = topology == null ? null : topology.host(hostId).orElse(null);
        if (card == null || h == null || !unbuilt.remove(hostId)) {
            return;
        }
        card.setId("host-" + h.hostId());
        Label name = new Label(h.hostId());
        name.getStyleClass().add("host-title");
        Label kind = new Label(h.hasDatabaseNode() ? "database host" : "no database node");
        kind.getStyleClass().addAll("host-kind", h.hasDatabaseNode() ? "with-db" : "without-db");
        VBox header = new VBox(name, kind);
        header.getStyleClass().add("host-header");
        header.setOnMouseClicked(e -> select(card, new Selection.OfHost((HostPlacement) card.getUserData())));
        card.getChildren().add(header);
        VBox nodesBox = new VBox();
        nodesBox.getStyleClass().add("host-section");
        for (NodePlacement n : h.nodes()) {
            Label nl = new Label(n.nodeName() + (n.role() != null ? "  " + n.role() : ""));
            nl.getStyleClass().add("db-node-label");
            Region icon = new Region();
            icon.getStyleClass().add("db-icon");
            HBox box = new HBox(icon, nl);
            box.setId("node-" + n.nodeName());
            box.getStyleClass().add("db-node");
            box.setUserData(n);
            box.setOnMouseClicked(e -> select(box, new Selection.OfNode((NodePlacement) box.getUserData())));
            nodeBoxes.put(h.hostId() + "/" + n.nodeName(), box);
            nodesBox.getChildren().add(box);
        }
        if (!h.nodes().isEmpty()) {
            card.getChildren().add(nodesBox);
        }
        VBox instBox = new VBox();
        instBox.getStyleClass().addAll("host-section", "instances");
        for (InstancePlacement i : h.instances()) {
            InstanceCard ic = new InstanceCard(i, serviceColour.getOrDefault(i.serviceId(), PALETTE - 1));
            ic.setOnMouseClicked(e -> select(ic, new Selection.OfInstance(ic.placement())));
            instanceCards.put(i.instanceId(), ic);
            instBox.getChildren().add(ic);
        }
        if (h.instances().isEmpty()) {
            Label none = new Label("no service instances");
            none.getStyleClass().add("muted");
            instBox.getChildren().add(none);
        }
        card.getChildren().add(instBox);
        card.setMinHeight(Region.USE_COMPUTED_SIZE);
        linesDirty = true;
    }

    /**
     * Builds the host cards that are on screen (or near it), as a virtualised list does: with a
     * thousand instances, only the few hosts a person sees cost CSS, layout and paint.
     */
    private void buildVisible() {
        if (unbuilt.isEmpty()) {
            return;
        }
        Bounds view = viewport.localToScene(viewport.getLayoutBounds());
        if (view == null || view.getWidth() <= 0) {
            view = new javafx.geometry.BoundingBox(0, 0, 1920, 1200);
        }
        double margin = 320;
        boolean built = false;
        for (String hostId : List.copyOf(unbuilt)) {
            VBox card = hostCards.get(hostId);
            Bounds b = card.localToScene(card.getLayoutBounds());
            if (b != null && b.getMaxX() >= view.getMinX() - margin && b.getMinX() <= view.getMaxX() + margin
                    && b.getMaxY() >= view.getMinY() - margin && b.getMinY() <= view.getMaxY() + margin) {
                buildHost(hostId);
                built = true;
            }
        }
        if (built) {
            applyFilter();
            requestLayout();
        }
    }

    private void buildAll() {
        List.copyOf(unbuilt).forEach(this::buildHost);
        applyFilter();
    }

    private static String describe(ServiceSummary s) {
        return switch (s.pattern()) {
            case CO_LOCATED -> "runs on a host that also runs a database node";
            case SEPARATE_HOST -> "runs on a host of its own, with no database node";
            case MULTIPLE_INSTANCES -> "one instance on each of " + String.join(", ", s.hostIds());
        };
    }

    private void select(Node node, Selection selection) {
        if (selectedNode != null) {
            selectedNode.pseudoClassStateChanged(SELECTED, false);
        }
        selectedNode = node;
        node.pseudoClassStateChanged(SELECTED, true);
        onSelect.accept(selection);
    }

    /** The service of what is selected (its chip or one of its instances), or null. */
    public String selectedService() {
        if (selectedNode == null) {
            return null;
        }
        Object data = selectedNode.getUserData();
        if (data instanceof ServiceSummary s) {
            return s.serviceId();
        }
        if (data instanceof InstancePlacement i) {
            return i.serviceId();
        }
        return null;
    }

    /** Selects an instance as a click would, for the keyboard and the tests. */
    public void selectInstance(String instanceId) {
        if (topology != null && !instanceCards.containsKey(instanceId)) {
            topology.instance(instanceId).ifPresent(i -> buildHost(i.hostId()));
            applyFilter();
        }
        InstanceCard card = instanceCards.get(instanceId);
        if (card != null) {
            select(card, new Selection.OfInstance(card.placement()));
        }
    }

    /**
     * Moves the selection to the neighbouring instance: left and right go to the next host that
     * has instances (same row where it can), up and down within the host. With nothing selected
     * yet, any arrow selects the first instance.
     */
    public void moveSelection(int dx, int dy) {
        if (topology == null) {
            return;
        }
        String current = selectedNode != null && selectedNode.getUserData() instanceof InstancePlacement i ? i.instanceId() : null;
        List<List<String>> columns = topology.hosts().stream()
                .map(h -> h.instances().stream().map(InstancePlacement::instanceId).toList()).toList();
        String id = GridNavigation.next(columns, current, dx, dy).orElse(null);
        if (id == null) {
            return;
        }
        selectInstance(id);
        InstanceCard card = instanceCards.get(id);
        if (card != null) {
            reveal(card);
        }
    }

    /** Pans just enough to bring a card into view, keeping the zoom. */
    private void reveal(Node card) {
        Bounds b = card.localToScene(card.getLayoutBounds());
        Bounds v = viewport.localToScene(viewport.getLayoutBounds());
        if (b == null || v == null || v.getWidth() <= 0) {
            return;
        }
        double dx = b.getMinX() < v.getMinX() ? v.getMinX() - b.getMinX() + 12
                : b.getMaxX() > v.getMaxX() ? v.getMaxX() - b.getMaxX() - 12 : 0;
        double dy = b.getMinY() < v.getMinY() ? v.getMinY() - b.getMinY() + 12
                : b.getMaxY() > v.getMaxY() ? v.getMaxY() - b.getMaxY() - 12 : 0;
        world.setTranslateX(world.getTranslateX() + dx);
        world.setTranslateY(world.getTranslateY() + dy);
    }

    public List<String> instanceIds() {
        return List.copyOf(instanceCards.keySet());
    }

    /** Dims whatever does not match: service id, host, state or type, case-insensitively. */
    public void setFilter(String text) {
        filter = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        applyFilter();
    }

    private void applyFilter() {
        if (topology == null) {
            return;
        }
        for (HostPlacement h : topology.hosts()) {
            boolean anyInstance = false;
            for (InstancePlacement i : h.instances()) {
                boolean m = matches(i);
                anyInstance |= m;
                InstanceCard card = instanceCards.get(i.instanceId());
                if (card != null) {
                    dim(card, !m);
                }
            }
            VBox card = hostCards.get(h.hostId());
            if (card != null) {
                dim(card, !filter.isEmpty() && !anyInstance && !h.hostId().toLowerCase(Locale.ROOT).contains(filter));
            }
        }
        for (ServiceSummary s : topology.services()) {
            Label chip = serviceChips.get(s.serviceId());
            if (chip != null) {
                dim(chip, !filter.isEmpty() && !(s.serviceId() + " " + s.serviceType()).toLowerCase(Locale.ROOT).contains(filter));
            }
        }
        if (!filter.equals(paintedFilter)) {
            paintedFilter = filter;
            paintLines();
        }
    }

    private boolean matches(InstancePlacement i) {
        if (filter.isEmpty()) {
            return true;
        }
        String hay = String.join(" ", i.serviceId(), i.hostId(), i.state().word(),
                Objects.toString(i.serviceType(), ""), i.instanceId()).toLowerCase(Locale.ROOT);
        return hay.contains(filter);
    }

    private static void dim(Node n, boolean dimmed) {
        if (dimmed) {
            if (!n.getStyleClass().contains("dimmed")) {
                n.getStyleClass().add("dimmed");
            }
        } else {
            n.getStyleClass().remove("dimmed");
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (linesDirty) {
            // the cards have their final places only after this pass; draw on the next pulse
            javafx.application.Platform.runLater(this::drawLinesIfDirty);
        }
    }

    private void drawLinesIfDirty() {
        if (linesDirty) {
            content.applyCss();
            content.layout();
            drawLines();
        }
    }

    /**
     * Dashed routes from each instance to the nodes it connects to, in the content's own
     * (unscaled) coordinates. One {@link Path} per service colour (and one more for the dimmed),
     * not a node per route: a thousand instances stay a handful of nodes to style and paint.
     */
    private void drawLines() {
        linesDirty = false;
        geometry.clear();
        if (topology == null) {
            lines.getChildren().clear();
            return;
        }
        Map<String, List<Region>> nodesByName = new HashMap<>();
        nodeBoxes.forEach((key, box) -> nodesByName.computeIfAbsent(key.substring(key.indexOf('/') + 1),
                k -> new ArrayList<>()).add(box));
        LineRouter router = new LineRouter(hostRow.getSpacing(), hostRow.getBoundsInParent().getMinY());
        for (HostPlacement h : topology.hosts()) {
            for (InstancePlacement i : h.instances()) {
                InstanceCard card = instanceCards.get(i.instanceId());
                if (card == null || card.getScene() == null) {
                    continue;
                }
                List<List<LineRouter.Point>> routes = new ArrayList<>();
                for (String nodeName : i.connectsTo()) {
                    for (Region nodeBox : nodesByName.getOrDefault(nodeName, List.of())) {
                        List<LineRouter.Point> r = route(router, card, hostCards.get(h.hostId()), nodeBox, card.colour());
                        if (r != null) {
                            routes.add(r);
                        }
                    }
                }
                geometry.put(i.instanceId(), routes);
            }
        }
        paintLines();
    }

    /** Groups the routes into paths by colour and dimming; cheap, so the filter can call it. */
    private void paintLines() {
        Map<String, Path> paths = new LinkedHashMap<>();
        geometry.forEach((id, routes) -> {
            InstanceCard card = instanceCards.get(id);
            if (card == null || routes.isEmpty()) {
                return;
            }
            boolean dimmed = card.getStyleClass().contains("dimmed");
            String key = card.colour() + (dimmed ? "d" : "");
            Path path = paths.computeIfAbsent(key, k -> {
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
        lines.getChildren().setAll(paths.values());
        lines.applyCss();
    }

    /** The route from an instance card to a node's box, or null while either is not in the scene. */
    private List<LineRouter.Point> route(LineRouter router, Node instance, Node instanceHost, Node node, int colour) {
        LineRouter.Box a = box(instance);
        LineRouter.Box b = box(node);
        LineRouter.Box ha = instanceHost == null ? null : box(instanceHost);
        LineRouter.Box hb = node.getParent() == null || node.getParent().getParent() == null ? null : box(node.getParent().getParent());
        if (a == null || b == null || ha == null || hb == null) {
            return null;
        }
        return router.route(a, ha, b, hb, colour);
    }

    /** A node's box in the content's own (unscaled) coordinates. */
    private LineRouter.Box box(Node n) {
        if (n.getScene() == null || content.getScene() == null) {
            return null;
        }
        Bounds scene = n.localToScene(n.getBoundsInLocal());
        Bounds b = scene == null ? null : content.sceneToLocal(scene);
        return b == null ? null : new LineRouter.Box(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    }

    private static Node legend() {
        HBox legend = new HBox();
        legend.getStyleClass().add("legend");
        Label title = new Label("Legend");
        title.getStyleClass().add("strip-title");
        legend.getChildren().add(title);
        for (LifecycleState s : List.of(LifecycleState.CREATING, LifecycleState.RUNNING, LifecycleState.FAILED,
                LifecycleState.DELETING, LifecycleState.PENDING, LifecycleState.ORPHAN)) {
            Label l = new Label(s == LifecycleState.RUNNING ? "running, healthy" : s.word());
            l.setGraphic(InstanceCard.icon(s, s == LifecycleState.RUNNING));
            l.getStyleClass().addAll("legend-item", "state-" + s.word());
            legend.getChildren().add(l);
        }
        Label unknown = new Label("running, health unknown");
        unknown.setGraphic(InstanceCard.icon(LifecycleState.RUNNING, false));
        unknown.getStyleClass().addAll("legend-item", "state-running-unknown");
        legend.getChildren().add(unknown);
        Label line = new Label("╌╌  connects to node");
        line.getStyleClass().add("legend-item");
        legend.getChildren().add(line);
        return legend;
    }

    /** One service instance: outline colour of its service, an icon, a word, the service. */
    static final class InstanceCard extends VBox {
        private static final PseudoClass[] STATE_CLASSES = java.util.Arrays.stream(LifecycleState.values())
                .map(s -> PseudoClass.getPseudoClass(s.word())).toArray(PseudoClass[]::new);
        // A Text, not a Label: it needs no skin, and a thousand cards are built at once.
        private final javafx.scene.text.Text title = new javafx.scene.text.Text();
        private final Label state = new Label();
        private final int colour;
        private InstancePlacement placement;
        private Tooltip tooltip;
        private Region shape;

        InstanceCard(InstancePlacement i, int colour) {
            this.colour = colour;
            setId("instance-" + i.instanceId());
            getStyleClass().addAll("instance", "svc-color-" + colour);
            title.getStyleClass().add("instance-title");
            state.getStyleClass().add("instance-state");
            getChildren().addAll(title, state);
            // A thousand tooltips cost more than the cards; make each on first hover.
            setOnMouseEntered(e -> {
                if (tooltip == null) {
                    tooltip = new Tooltip(tooltipText());
                    Tooltip.install(this, tooltip);
                }
            });
            update(i);
        }

        int colour() {
            return colour;
        }

        InstancePlacement placement() {
            return placement;
        }

        void update(InstancePlacement i) {
            InstancePlacement before = placement;
            placement = i;
            setUserData(i);
            String titleText = i.serviceId() + (i.serviceType() != null ? "  ·  " + i.serviceType() : "");
            if (!titleText.equals(title.getText())) {
                title.setText(titleText);
            }
            String health = i.health();
            String word = i.state().word();
            if (i.state() == LifecycleState.RUNNING) {
                word = i.healthy() ? "running · healthy" : "running · health " + (health == null ? "unknown" : health);
            }
            setIfChanged(state, word);
            for (LifecycleState s : LifecycleState.values()) {
                pseudoClassStateChanged(STATE_CLASSES[s.ordinal()], s == i.state());
            }
            pseudoClassStateChanged(HEALTHY, i.healthy());
            if (before == null || before.state() != i.state() || before.healthy() != i.healthy()) {
                if (i.state() == LifecycleState.CREATING) {
                    state.setGraphic(icon(LifecycleState.CREATING, false));
                } else {
                    // One icon per card, restyled: a new node per change would cost a full style lookup.
                    if (shape == null) {
                        shape = (Region) icon(i.state(), i.healthy());
                    } else {
                        shape.getStyleClass().setAll("state-icon", iconClass(i.state(), i.healthy()));
                    }
                    if (state.getGraphic() != shape) {
                        state.setGraphic(shape);
                    }
                }
            }
            if (tooltip != null) {
                tooltip.setText(tooltipText());
            }
        }

        private static void setIfChanged(Label l, String text) {
            if (!text.equals(l.getText())) {
                l.setText(text);
            }
        }

        private String tooltipText() {
            StringBuilder tip = new StringBuilder(placement.instanceId()).append('\n').append(state.getText());
            if (placement.error() != null && !placement.error().isBlank()) {
                tip.append("\nerror: ").append(placement.error());
            }
            return tip.toString();
        }

        static String iconClass(LifecycleState s, boolean healthy) {
            return "icon-" + s.word() + (s == LifecycleState.RUNNING && !healthy ? "-unknown" : "");
        }

        /** A small icon per state: a spinner while creating, shapes otherwise (styled in CSS). */
        static Node icon(LifecycleState s, boolean healthy) {
            if (s == LifecycleState.CREATING) {
                ProgressIndicator p = new ProgressIndicator();
                p.getStyleClass().add("state-spinner");
                p.setPrefSize(14, 14);
                p.setMaxSize(14, 14);
                return p;
            }
            Region r = new Region();
            r.getStyleClass().addAll("state-icon", iconClass(s, healthy));
            r.setPrefSize(12, 12);
            r.setMaxSize(12, 12);
            r.setMinSize(12, 12);
            return r;
        }
    }
}
