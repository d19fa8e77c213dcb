package trellis.ui.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXMLLoader;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import trellis.topology.DraftMarks;
import trellis.topology.HostPlacement;
import trellis.topology.InstancePlacement;
import trellis.topology.NodePlacement;
import trellis.topology.ServiceSummary;
import trellis.topology.Topology;

/**
 * The picture of one database: hosts as columns, on each its database nodes and the service
 * instances placed there, a line from every instance to the nodes it connects to. Every
 * state is a colour, an icon and a word. A poll that changes states only restyles the instance
 * cards it touches; the cards are rebuilt only when what exists changes.
 *
 * <p>This class puts the parts together and keeps what is selected and filtered: panning and
 * zooming are {@link ZoomPane}'s, the chips {@link ServiceStrip}'s, a host's column
 * {@link HostCard}'s, an instance {@link InstanceCard}'s, the lines {@link ConnectionLayer}'s
 * (routed by {@link LineRouter}), the arrow keys {@link GridNavigation}'s and the legend
 * {@code fxml/TopologyLegend.fxml}'s.
 */
public final class TopologyView extends StackPane {
    public static final int PALETTE = 8;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** How far past the visible area host cards are built ahead of a pan, in scene pixels. */
    private static final double BUILD_AHEAD = 320;
    private static final String LEGEND = "/trellis/fxml/TopologyLegend.fxml";

    /** What a click selected: an instance, a host, a database node or a service. */
    public sealed interface Selection {
        record OfInstance(InstancePlacement instance) implements Selection { }
        record OfHost(HostPlacement host) implements Selection { }
        record OfService(ServiceSummary service) implements Selection { }
        record OfNode(NodePlacement node) implements Selection { }
    }

    private final ZoomPane viewport = new ZoomPane();
    private final VBox content = new VBox();
    private final ServiceStrip serviceStrip = new ServiceStrip();
    private final HBox hostRow = new HBox();
    private final ConnectionLayer lines = new ConnectionLayer();
    private final Label empty = new Label("Open a spec file (Ctrl+O), start one with File > New from template, or pick a database on the left.");

    private final Map<String, InstanceCard> instanceCards = new LinkedHashMap<>();
    private final Map<String, HostCard> hostCards = new LinkedHashMap<>();
    /** Host cards whose nodes and instances are not built yet: off screen, so not worth their cost. */
    private final Set<String> unbuilt = new LinkedHashSet<>();
    private final Map<String, Integer> serviceColour = new HashMap<>();
    private Topology topology;
    private String filter = "";
    private String paintedFilter = "";
    private Node selectedNode;
    private Consumer<Selection> onSelect = s -> { };
    private Consumer<String> onHostMenu;
    private boolean linesDirty = true;
    /** Over the picture, unscaled: where a dragged instance's label follows the pointer. */
    private final Pane overlay = new Pane();
    private final InstanceDrag drag = new InstanceDrag(() -> hostCards, overlay);
    private final MarkPainter marks = new MarkPainter(instanceCards, hostCards);
    private EditGestures gestures;

    public TopologyView() {
        getStyleClass().add("topology-view");
        content.getStyleClass().add("topology-content");
        hostRow.getStyleClass().add("host-row");
        // the legend joins with the first picture: an empty view needs none, and the first frame is spared its icons
        content.getChildren().addAll(serviceStrip, hostRow);
        // Lines over the cards, but routed through the gutters between host cards and the lane
        // above them, so they never cross a card's text and are never hidden behind a card.
        viewport.addScaled(content, lines);
        empty.getStyleClass().add("empty-hint");
        overlay.getStyleClass().add("picture-overlay");
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        getChildren().addAll(viewport, empty, overlay);
        content.layoutBoundsProperty().addListener((o, a, b) -> linesDirty = true);
        viewport.setOnViewChanged(() -> Platform.runLater(this::buildVisible));
        viewport.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        // Reachable without a mouse: Tab focuses the picture, the arrow keys walk its instances.
        setFocusTraversable(true);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case LEFT -> moveSelection(-1, 0);
                case RIGHT -> moveSelection(1, 0);
                case UP -> moveSelection(0, -1);
                case DOWN -> moveSelection(0, 1);
                case DELETE, BACK_SPACE, M, A, ESCAPE -> {
                    if (!edit(e.getCode())) {
                        return;
                    }
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** A host header's context menu offers "Add service here…", given the host's id (null: no menu). */
    public void setOnHostMenu(Consumer<String> addServiceOn) {
        this.onHostMenu = addServiceOn;
    }

    public void setOnSelect(Consumer<Selection> onSelect) {
        this.onSelect = Objects.requireNonNull(onSelect);
    }

    public Topology topology() {
        return topology;
    }

    /**
     * Makes the picture an editor (drag an instance to move it, Ctrl+drag to add one, Delete, M, A
     * on the selected instance), or with null a picture only.
     */
    public void setEditGestures(EditGestures gestures) {
        this.gestures = gestures;
        drag.setGestures(gestures);
    }

    /** Puts a draft's marks on the picture (an empty list takes them off). */
    public void setMarks(List<DraftMarks.Mark> next) {
        marks.set(next);
        drag.forget();
    }

    /** While an instance is dragged: why the host cannot take it, or empty when it can; null when no drag is under way. */
    public Optional<String> dropRefusal(String hostId) {
        return drag.reasonFor(hostId);
    }

    InstanceDrag drag() {
        return drag;
    }

    /** Escape ends a drag; Delete, M and A edit the selected instance. False when the key did nothing. */
    private boolean edit(KeyCode code) {
        if (code == KeyCode.ESCAPE) {
            boolean dragging = drag.active();
            drag.end();
            return dragging;
        }
        if (gestures == null || !(selectedNode != null && selectedNode.getUserData() instanceof InstancePlacement i)) {
            return false;
        }
        switch (code) {
            case M -> gestures.chooseHost(i, false);
            case A -> gestures.chooseHost(i, true);
            default -> gestures.remove(i);
        }
        return true;
    }

    public DoubleProperty zoomProperty() {
        return viewport.zoomProperty();
    }

    public void setZoom(double z) {
        viewport.setZoom(z);
    }

    public void zoomIn() {
        setZoom(zoomProperty().get() * 1.2);
    }

    public void zoomOut() {
        setZoom(zoomProperty().get() / 1.2);
    }

    /**
     * The whole picture at 100 %, whatever the zoom and pan, for File > Export and
     * {@code trellis export --png}. Must run on the FX thread.
     */
    public WritableImage snapshotPicture() {
        buildAll();
        double z = zoomProperty().get();
        setZoom(1);
        applyCss();
        layout();
        drawLines();
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(getBackground() != null && !getBackground().getFills().isEmpty()
                ? getBackground().getFills().get(0).getFill() : Color.WHITE);
        drawLines();
        WritableImage img = viewport.world().snapshot(params, null);
        setZoom(z);
        return img;
    }

    /** For a newly shown database: 100 %, or smaller down to 75 % when that makes it fit. */
    public void resetView() {
        fit();
        setZoom(Math.max(0.75, zoomProperty().get()));
    }

    /** Scales the whole picture to the visible area (never above 100 %) and puts it top-left. */
    public void fit() {
        applyCss();
        layout();
        double w = viewport.getWidth() > 0 ? viewport.getWidth() : getWidth();
        double h = viewport.getHeight() > 0 ? viewport.getHeight() : getHeight();
        viewport.fit(content.getLayoutBounds(), w, h);
    }

    /** Shows a topology: restyles in place when only states changed, rebuilds when the shape changed. */
    public void show(Topology t) {
        Topology before = topology;
        this.topology = t;
        drag.forget(); // another picture, maybe another draft: the drop refusals are asked again
        empty.setVisible(t == null);
        if (t == null) {
            hostRow.getChildren().clear();
            serviceStrip.clear();
            lines.clear();
            instanceCards.clear();
            return;
        }
        if (content.getChildren().size() == 2) {
            content.getChildren().add(legend());
        }
        boolean rebuilt = !PictureShape.same(before, t);
        if (!rebuilt) {
            for (InstancePlacement i : t.instances()) {
                InstanceCard card = instanceCards.get(i.instanceId());
                if (card != null) {
                    card.update(i);
                }
            }
            for (HostPlacement h : t.hosts()) {
                HostCard hostCard = hostCards.get(h.hostId());
                if (hostCard != null) {
                    hostCard.update(h);
                }
            }
        } else {
            rebuild(t);
            linesDirty = true;
            applyCss();
            layout();
            buildVisible();
        }
        if (rebuilt || !filter.isEmpty()) { // a poll with no filter dims nothing: 5,000 instances need not be walked
            applyFilter();
        }
        if (!marks.marks().isEmpty()) {
            marks.repaint();
        }
    }

    private void rebuild(Topology t) {
        instanceCards.clear();
        hostCards.clear();
        unbuilt.clear();
        selectedNode = null;
        serviceColour.clear();
        for (ServiceSummary s : t.services()) {
            serviceColour.put(s.serviceId(), serviceColour.size() % PALETTE);
        }
        serviceStrip.show(t.services(), this::colourOf, this::select);
        List<Node> cards = new ArrayList<>();
        for (HostPlacement h : t.hosts()) {
            HostCard card = new HostCard(h);
            card.setOnHostMenu(onHostMenu);
            unbuilt.add(h.hostId());
            hostCards.put(h.hostId(), card);
            cards.add(card);
        }
        hostRow.getChildren().setAll(cards);
        requestLayout();
    }

    private int colourOf(String serviceId) {
        return serviceColour.getOrDefault(serviceId, PALETTE - 1);
    }

    /** Fills a host card with its database nodes and service instances. */
    private void buildHost(String hostId) {
        HostCard card = hostCards.get(hostId);
        if (card == null || topology == null || topology.host(hostId).isEmpty() || !unbuilt.remove(hostId)) {
            return;
        }
        card.build(this::colourOf, this::select, ic -> {
            instanceCards.put(ic.placement().instanceId(), ic);
            drag.install(ic);
        });
        linesDirty = true;
        if (!marks.marks().isEmpty()) {
            marks.repaint();
        }
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
            view = new BoundingBox(0, 0, 1920, 1200);
        }
        boolean built = false;
        for (String hostId : List.copyOf(unbuilt)) {
            HostCard card = hostCards.get(hostId);
            Bounds b = card.localToScene(card.getLayoutBounds());
            if (b != null && b.getMaxX() >= view.getMinX() - BUILD_AHEAD && b.getMinX() <= view.getMaxX() + BUILD_AHEAD
                    && b.getMaxY() >= view.getMinY() - BUILD_AHEAD && b.getMinY() <= view.getMaxY() + BUILD_AHEAD) {
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
            viewport.reveal(card);
        }
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
                    ServiceStrip.dim(card, !m);
                }
            }
            HostCard card = hostCards.get(h.hostId());
            if (card != null) {
                ServiceStrip.dim(card, !filter.isEmpty() && !anyInstance && !h.hostId().toLowerCase(Locale.ROOT).contains(filter));
            }
        }
        serviceStrip.applyFilter(topology.services(), filter);
        if (!filter.equals(paintedFilter)) {
            paintedFilter = filter;
            lines.paint();
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

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (linesDirty) {
            // the cards have their final places only after this pass; draw on the next pulse
            Platform.runLater(this::drawLinesIfDirty);
        }
    }

    void drawLinesIfDirty() {
        if (linesDirty) {
            content.applyCss();
            content.layout();
            drawLines();
        }
    }

    /** Routes and paints the lines in the content's own (unscaled) coordinates. */
    private void drawLines() {
        linesDirty = false;
        lines.draw(topology, content, hostRow, hostCards, instanceCards);
    }

    private static Node legend() {
        try {
            return FXMLLoader.load(TopologyView.class.getResource(LEGEND));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
