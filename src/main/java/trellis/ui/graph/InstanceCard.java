package trellis.ui.graph;

import java.util.Arrays;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import trellis.topology.InstancePlacement;
import trellis.topology.LifecycleState;

/**
 * One service instance: outline colour of its service, an icon, a word, the service. A poll
 * restyles the card in place ({@link #update}); its state is a pseudo-class, its size is CSS's.
 */
final class InstanceCard extends VBox {
    private static final PseudoClass HEALTHY = PseudoClass.getPseudoClass("healthy");
    private static final PseudoClass[] STATE_CLASSES = Arrays.stream(LifecycleState.values())
            .map(s -> PseudoClass.getPseudoClass(s.word())).toArray(PseudoClass[]::new);
    // A Text, not a Label: it needs no skin, and a thousand cards are built at once.
    private final Text title = new Text();
    private final Label state = new Label();
    private final int colour;
    private InstancePlacement placement;
    private Tooltip tooltip;
    /** The state's icon: one shape styled by the card's pseudo-classes (creating too: a still arc, not a spinner). */
    private final StackPane iconBox = new StackPane();
    private final Region shape = new Region();
    /** The draft's mark: a badge ("new", "moved from host-1", "removed") and its pseudo-class, or none. */
    private Label badge;
    private PseudoClass badgeKind;

    InstanceCard(InstancePlacement i, int colour) {
        this.colour = colour;
        setId("instance-" + i.instanceId());
        getStyleClass().addAll("instance", "svc-color-" + colour);
        title.getStyleClass().add("instance-title");
        state.getStyleClass().add("instance-state");
        shape.getStyleClass().addAll("state-icon", "card-icon");
        iconBox.getStyleClass().add("instance-icon");
        iconBox.getChildren().add(shape);
        state.setGraphic(iconBox);
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

    /** Puts a draft's mark on the card ({@code kind} null: takes it off). */
    void setBadge(PseudoClass kind, String text) {
        if (badgeKind != null) {
            pseudoClassStateChanged(badgeKind, false);
        }
        badgeKind = kind;
        if (kind == null) {
            getChildren().remove(badge);
            return;
        }
        pseudoClassStateChanged(kind, true);
        if (badge == null) {
            badge = new Label();
            badge.getStyleClass().add("draft-badge");
        }
        badge.setText(text);
        if (!getChildren().contains(badge)) {
            getChildren().add(badge);
        }
    }

    boolean dimmed() {
        return getStyleClass().contains("dimmed");
    }

    void update(InstancePlacement i) {
        InstancePlacement before = placement;
        placement = i;
        setData(this, i);
        String titleText = i.serviceId() + (i.serviceType() != null ? "  ·  " + i.serviceType() : "");
        if (!titleText.equals(title.getText())) {
            title.setText(titleText);
        }
        String health = i.health();
        String word = i.state().word();
        if (i.state() == LifecycleState.RUNNING) {
            word = i.healthy() ? "running · healthy" : "running · health " + (health == null ? "unknown" : health);
        }
        if (!word.equals(state.getText())) {
            state.setText(word);
        }
        for (LifecycleState s : LifecycleState.values()) {
            pseudoClassStateChanged(STATE_CLASSES[s.ordinal()], s == i.state());
        }
        pseudoClassStateChanged(HEALTHY, i.healthy());
        // The icon follows the card's pseudo-classes in CSS (.instance:failed .card-icon ...): a state change is
        // one flip there, never a new graphic or style class. Swapping the label's graphic per change cost a style
        // lookup and a relayout of the label's children (146 of 1,403 FX-thread samples in a 2,000-poll soak, and
        // most of the 211 in reapplyCss). Creating is a still arc, not a ProgressIndicator: each spinner was 15
        // nodes (half the nodes of a 50-card picture) and its animation restyled 12 segments every frame, so a
        // picture with anything creating pulsed 60 times a second and every poll's pulse came on top of that.
        if (tooltip != null && i != before) {
            tooltip.setText(tooltipText());
        }
    }

    /**
     * A node's user data replaced without comparing the old and the new value (its properties map
     * would compare two placements of a poll deeply, lists of live instances and all).
     */
    static void setData(Node node, Object data) {
        if (node.getUserData() != data) {
            node.setUserData(null);
            node.setUserData(data);
        }
    }

    private String tooltipText() {
        StringBuilder tip = new StringBuilder(placement.instanceId()).append('\n').append(state.getText());
        if (placement.error() != null && !placement.error().isBlank()) {
            tip.append("\nerror: ").append(placement.error());
        }
        return tip.toString();
    }
}
