package trellis.ui.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import trellis.topology.InstancePlacement;

/**
 * Dragging a service instance to another host on the graph: past a few pixels, a press on an
 * instance card starts a drag (the picture no longer pans); every host card says whether it can
 * take the instance (pseudo-classes {@code :drop-target} and {@code :drop-refused}, the reason of a
 * refusal on hover); the release over a host that can take it hands the drop to the
 * {@link EditGestures}. Ctrl (or Cmd) held adds an instance there instead of moving this one. An
 * invalid drop, or a release anywhere else, changes nothing.
 */
final class InstanceDrag {
    static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");
    static final PseudoClass DROP_REFUSED = PseudoClass.getPseudoClass("drop-refused");
    static final PseudoClass DRAGGED = PseudoClass.getPseudoClass("dragged");
    private static final double THRESHOLD = 6;

    private final Supplier<Map<String, HostCard>> hostCards;
    private final Pane overlay;
    private final Label ghost = new Label();
    private EditGestures gestures;
    /** Reasons per host, for the drag under way and its copy flag; an empty reason: the host can take it. */
    private final Map<String, Optional<String>> reasons = new LinkedHashMap<>();
    private final Map<HostCard, Tooltip> refusalTips = new LinkedHashMap<>();
    private InstanceCard dragged;
    private Point2D pressedAt;
    private boolean dragging;
    private boolean copy;

    /**
     * @param hostCards the view's host cards by host id
     * @param overlay   an unscaled pane over the picture, where the dragged label follows the pointer
     */
    InstanceDrag(Supplier<Map<String, HostCard>> hostCards, Pane overlay) {
        this.hostCards = hostCards;
        this.overlay = overlay;
        ghost.getStyleClass().add("drag-ghost");
        ghost.setManaged(false);
        ghost.setMouseTransparent(true);
        ghost.setVisible(false);
        overlay.getChildren().add(ghost);
    }

    void setGestures(EditGestures gestures) {
        this.gestures = gestures;
    }

    boolean active() {
        return dragging;
    }

    /** Makes an instance card draggable (does nothing while the picture is not editable). */
    void install(InstanceCard card) {
        card.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (gestures != null && e.isPrimaryButtonDown()) {
                dragged = card;
                pressedAt = new Point2D(e.getSceneX(), e.getSceneY());
                card.requestFocus();
                e.consume();
            }
        });
        card.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragged != card) {
                return;
            }
            e.consume();
            if (!dragging && pressedAt.distance(e.getSceneX(), e.getSceneY()) < THRESHOLD) {
                return;
            }
            step(e.getSceneX(), e.getSceneY(), e.isShortcutDown());
        });
        card.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragged != card) {
                return;
            }
            e.consume();
            release(e.getSceneX(), e.getSceneY(), e.isShortcutDown());
        });
    }

    /** One step of a drag: the pointer at a scene point, with or without the copy modifier. */
    void step(double sceneX, double sceneY, boolean copyNow) {
        if (!dragging || copyNow != copy) {
            start(copyNow);
        }
        Point2D local = overlay.sceneToLocal(sceneX, sceneY);
        ghost.resizeRelocate(local.getX() + 12, local.getY() + 8, ghost.prefWidth(-1), ghost.prefHeight(-1));
        HostCard over = hostAt(sceneX, sceneY);
        String target = over == null ? null : over.placement().hostId();
        ghost.setText((copy ? "+ add '" : "move '") + dragged.placement().serviceId() + "'"
                + (target == null ? "" : reasons.getOrDefault(target, Optional.empty()).map(r -> " — " + r).orElse(" to " + target)));
    }

    private void start(boolean copyNow) {
        copy = copyNow;
        dragging = true;
        InstancePlacement i = dragged.placement();
        dragged.pseudoClassStateChanged(DRAGGED, true);
        reasons.clear();
        for (HostCard card : hostCards.get().values()) {
            String host = card.placement().hostId();
            Optional<String> reason = host.equals(i.hostId()) && !copy
                    ? Optional.of("the instance is already on " + host)
                    : gestures.refusal(i, host, copy);
            reasons.put(host, reason);
            card.pseudoClassStateChanged(DROP_TARGET, reason.isEmpty());
            card.pseudoClassStateChanged(DROP_REFUSED, reason.isPresent());
            Tooltip old = refusalTips.remove(card);
            if (old != null) {
                Tooltip.uninstall(card, old);
            }
            reason.ifPresent(r -> {
                Tooltip tip = new Tooltip(host + " cannot take '" + i.serviceId() + "': " + r);
                Tooltip.install(card, tip);
                refusalTips.put(card, tip);
            });
        }
        ghost.setVisible(true);
    }

    private void release(double sceneX, double sceneY, boolean copyNow) {
        InstanceCard card = dragged;
        boolean wasDragging = dragging;
        if (wasDragging && copyNow != copy) {
            start(copyNow);
        }
        HostCard over = wasDragging ? hostAt(sceneX, sceneY) : null;
        Optional<String> reason = over == null ? Optional.of("not over a host") : reasons.get(over.placement().hostId());
        end();
        if (wasDragging && reason != null && reason.isEmpty()) {
            gestures.drop(card.placement(), over.placement().hostId(), copyNow);
        }
    }

    /** Ends the drag: no highlight, no ghost, no tooltip left behind. */
    void end() {
        if (dragged != null) {
            dragged.pseudoClassStateChanged(DRAGGED, false);
        }
        for (HostCard card : hostCards.get().values()) {
            card.pseudoClassStateChanged(DROP_TARGET, false);
            card.pseudoClassStateChanged(DROP_REFUSED, false);
        }
        refusalTips.forEach((card, tip) -> Tooltip.uninstall(card, tip));
        refusalTips.clear();
        ghost.setVisible(false);
        dragged = null;
        dragging = false;
    }

    /** Why the host under a drag cannot take it, or empty; null when no drag is under way. */
    Optional<String> reasonFor(String hostId) {
        return dragging ? reasons.get(hostId) : null;
    }

    private HostCard hostAt(double sceneX, double sceneY) {
        for (HostCard card : hostCards.get().values()) {
            Bounds b = card.localToScene(card.getLayoutBounds());
            if (b != null && b.contains(sceneX, sceneY)) {
                return card;
            }
        }
        return null;
    }
}
