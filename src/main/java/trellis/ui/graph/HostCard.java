package trellis.ui.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import trellis.topology.HostPlacement;
import trellis.topology.InstancePlacement;
import trellis.topology.NodePlacement;
import trellis.ui.graph.TopologyView.Selection;

/**
 * One host's column: its header, its database nodes and its service instances. Built lazily: until
 * {@link #build} the card is an empty placeholder that only keeps the space the content will take
 * (estimated from the {@code -trellis-placeholder-*} sizes in CSS), as off-screen hosts are not
 * worth their labels' cost.
 */
final class HostCard extends VBox {
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;
    private static final CssMetaData<HostCard, Number> HEADER = CssSizes.meta("-trellis-placeholder-header", c -> c.header);
    private static final CssMetaData<HostCard, Number> NODE_ROW = CssSizes.meta("-trellis-placeholder-node", c -> c.nodeRow);
    private static final CssMetaData<HostCard, Number> INSTANCE_ROW = CssSizes.meta("-trellis-placeholder-instance", c -> c.instanceRow);

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(VBox.getClassCssMetaData());
        all.addAll(List.of(HEADER, NODE_ROW, INSTANCE_ROW));
        CSS = Collections.unmodifiableList(all);
    }

    private final StyleableDoubleProperty header = CssSizes.property(HEADER, this, "placeholderHeader", this::placeholderChanged);
    private final StyleableDoubleProperty nodeRow = CssSizes.property(NODE_ROW, this, "placeholderNode", this::placeholderChanged);
    private final StyleableDoubleProperty instanceRow = CssSizes.property(INSTANCE_ROW, this, "placeholderInstance", this::placeholderChanged);
    private final Map<String, Region> nodeBoxes = new LinkedHashMap<>();
    private boolean built;
    /** Kept in a field, not as user data: a node's properties map compares a replaced value deeply. */
    private HostPlacement placement;
    private VBox instancesBox;
    private final List<Label> ghosts = new ArrayList<>();

    private Consumer<String> onHostMenu;

    /** What the header's context menu's "Add service here…" does with the host's id (null: no menu). */
    void setOnHostMenu(Consumer<String> addServiceOn) {
        this.onHostMenu = addServiceOn;
    }

    HostCard(HostPlacement h) {
        // no id until built: an id makes a node's style lookup its own (JavaFX caches matching
        // rules per type, id and classes), and a hundred placeholders would each pay it
        getStyleClass().add("host");
        placement = h;
    }

    HostPlacement placement() {
        return placement;
    }

    boolean built() {
        return built;
    }

    /** The database nodes' boxes by node name; empty until built. */
    Map<String, Region> nodeBoxes() {
        return nodeBoxes;
    }

    /** Takes a poll's placement: the same host, nodes and instances, maybe other states. */
    void update(HostPlacement h) {
        placement = h;
        for (NodePlacement n : h.nodes()) {
            Region box = nodeBoxes.get(n.nodeName());
            if (box != null) {
                InstanceCard.setData(box, n);
            }
        }
    }

    /**
     * Fills the card with its header, database nodes and service instances.
     *
     * @param colourOf   a service's colour in the palette
     * @param select     what a click on a part selects
     * @param onInstance each instance card made
     */
    void build(ToIntFunction<String> colourOf, BiConsumer<Node, Selection> select, Consumer<InstanceCard> onInstance) {
        if (built) {
            return;
        }
        built = true;
        HostPlacement h = placement();
        setId("host-" + h.hostId());
        Label name = new Label(h.hostId());
        name.getStyleClass().add("host-title");
        Label kind = new Label(h.hasDatabaseNode() ? "database host" : "no database node");
        kind.getStyleClass().addAll("host-kind", h.hasDatabaseNode() ? "with-db" : "without-db");
        VBox head = new VBox(name, kind);
        head.getStyleClass().add("host-header");
        javafx.scene.control.MenuItem add = new javafx.scene.control.MenuItem("Add service here…");
        add.setId("host-add-service");
        add.setOnAction(e -> onHostMenu.accept(h.hostId()));
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(add);
        head.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY && onHostMenu != null) {
                menu.show(head, e.getScreenX(), e.getScreenY());
            } else {
                select.accept(this, new Selection.OfHost(placement()));
            }
        });
        getChildren().add(head);
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
            box.setOnMouseClicked(e -> select.accept(box, new Selection.OfNode((NodePlacement) box.getUserData())));
            nodeBoxes.put(n.nodeName(), box);
            nodesBox.getChildren().add(box);
        }
        if (!h.nodes().isEmpty()) {
            getChildren().add(nodesBox);
        }
        VBox instBox = new VBox();
        instBox.getStyleClass().addAll("host-section", "instances");
        for (InstancePlacement i : h.instances()) {
            InstanceCard ic = new InstanceCard(i, colourOf.applyAsInt(i.serviceId()));
            ic.setOnMouseClicked(e -> select.accept(ic, new Selection.OfInstance(ic.placement())));
            onInstance.accept(ic);
            instBox.getChildren().add(ic);
        }
        if (h.instances().isEmpty()) {
            Label none = new Label("no service instances");
            none.getStyleClass().add("muted");
            instBox.getChildren().add(none);
        }
        getChildren().add(instBox);
        instancesBox = instBox;
        requestLayout();
    }

    /** Ghosts of instances a draft moves away from or removes from this host (built cards only). */
    void setGhosts(List<String> texts) {
        if (instancesBox == null || (ghosts.isEmpty() && texts.isEmpty())) {
            return;
        }
        instancesBox.getChildren().removeAll(ghosts);
        ghosts.clear();
        texts.forEach(t -> ghosts.add(MarkPainter.ghost(t)));
        instancesBox.getChildren().addAll(ghosts);
    }

    @Override
    protected double computeMinHeight(double width) {
        if (built) {
            return super.computeMinHeight(width);
        }
        HostPlacement h = placement();
        return header.get() + h.nodes().size() * nodeRow.get() + Math.max(1, h.instances().size()) * instanceRow.get();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }

    private void placeholderChanged() {
        if (!built) {
            requestLayout();
        }
    }
}
