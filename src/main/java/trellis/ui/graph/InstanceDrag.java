package trellis.ui.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
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
 * invalid drop, or a release anywhere else, changes nothing. The hosts are asked after the start,
 * a few per event and once per draft version ({@link DropRefusals}); the host under the pointer at once.
 */
final class InstanceDrag {
    static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");
    static final PseudoClass DROP_REFUSED = PseudoClass.getPseudoClass("drop-refused");
    static final PseudoClass DRAGGED = PseudoClass.getPseudoClass("dragged");
    private static final double THRESHOLD = 6;
    /** How long one batch of refusals may hold the FX thread before it lets a frame through. */
    private static final long SLICE_NS = 3_000_000;

    private final Supplier<Map<String, HostCard>> hostCards;
    private final Pane overlay;
    private final Label ghost = new Label();
    private EditGestures gestures;
    /** Reasons per host, for the drag under way and its copy flag; an empty reason: the host can take it. */
    private final Map<String, Optional<String>> reasons = new LinkedHashMap<>();
    private final Map<HostCard, Tooltip> refusalTips = new LinkedHashMap<>();
    private final DropRefusals refusals = new DropRefusals();
    private final Map<HostCard, Tooltip> tips = new HashMap<>();
    /** The hosts of the drag under way not asked about yet, those on screen first. */
    private final ArrayDeque<HostCard> undecided = new ArrayDeque<>();
    private boolean asking;
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
        refusals.forget();
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
        ghost.setText((copy ? "+ add '" : "move '") + dragged.placement().serviceId() + "'"
                + (over == null ? "" : decide(over).map(r -> " — " + r).orElse(" to " + over.placement().hostId())));
    }

    private void start(boolean copyNow) {
        copy = copyNow;
        dragging = true;
        InstancePlacement i = dragged.placement();
        dragged.pseudoClassStateChanged(DRAGGED, true);
        reasons.clear();
        undecided.clear();
        List<HostCard> later = new ArrayList<>();
        for (HostCard card : hostCards.get().values()) {
            Optional<String> reason = refusals.known(i, card.placement().hostId(), copy);
            if (reason != null) {
                mark(card, reason);
            } else {
                mark(card, null);
                // the hosts on screen first: their highlight is what the person waits for
                (card.built() ? undecided : later).add(card);
            }
        }
        undecided.addAll(later);
        ghost.setVisible(true);
        askLater();
    }

    /** Asks why a host cannot take the dragged instance (once per draft version) and shows the answer. */
    private Optional<String> decide(HostCard card) {
        String host = card.placement().hostId();
        Optional<String> reason = reasons.get(host);
        if (reason == null) {
            reason = refusals.ask(gestures, dragged.placement(), host, copy);
            mark(card, reason);
        }
        return reason;
    }

    /** A host's highlight and the tooltip of its refusal; a null reason: not decided yet, no highlight. */
    private void mark(HostCard card, Optional<String> reason) {
        String host = card.placement().hostId();
        if (reason != null) {
            reasons.put(host, reason);
        }
        card.pseudoClassStateChanged(DROP_TARGET, reason != null && reason.isEmpty());
        card.pseudoClassStateChanged(DROP_REFUSED, reason != null && reason.isPresent());
        Tooltip old = refusalTips.remove(card);
        if (old != null) {
            Tooltip.uninstall(card, old);
        }
        if (reason != null && reason.isPresent()) {
            // a Tooltip is a window of its own: one per host, kept for the next drag of this draft
            Tooltip tip = tips.computeIfAbsent(card, c -> new Tooltip());
            tip.setText(host + " cannot take '" + dragged.placement().serviceId() + "': " + reason.get());
            Tooltip.install(card, tip);
            refusalTips.put(card, tip);
        }
    }

    /**
     * The hosts not decided yet are asked about a few at a time, each batch its own event on the FX
     * thread, so that a drag start over a hundred hosts validating the spec per host never holds a frame.
     */
    private void askLater() {
        if (!asking && !undecided.isEmpty()) {
            asking = true;
            Platform.runLater(this::askSome);
        }
    }

    private void askSome() {
        asking = false;
        long until = System.nanoTime() + SLICE_NS;
        while (dragging && !undecided.isEmpty()) {
            HostCard card = undecided.poll();
            if (hostCards.get().get(card.placement().hostId()) == card) {
                decide(card);
            }
            if (System.nanoTime() > until) {
                break;
            }
        }
        if (dragging) {
            askLater();
        }
    }

    /** How many hosts of the drag under way are not decided yet (0 when no drag is under way). */
    int undecided() {
        return dragging ? undecided.size() : 0;
    }

    /** The draft shown changed: every refusal is asked again, those of a drag under way too. */
    void forget() {
        refusals.forget();
        if (!dragging) {
            tips.clear();
        }
        if (dragging) {
            start(copy);
        }
    }

    private void release(double sceneX, double sceneY, boolean copyNow) {
        InstanceCard card = dragged;
        boolean wasDragging = dragging;
        if (wasDragging && copyNow != copy) {
            start(copyNow);
        }
        HostCard over = wasDragging ? hostAt(sceneX, sceneY) : null;
        Optional<String> reason = over == null ? Optional.of("not over a host") : wasDragging ? decide(over) : null;
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
        undecided.clear();
        ghost.setVisible(false);
        dragged = null;
        dragging = false;
    }

    /** Why the host under a drag cannot take it, or empty; null when no drag is under way. */
    Optional<String> reasonFor(String hostId) {
        if (!dragging) {
            return null;
        }
        HostCard card = hostCards.get().get(hostId);
        return card == null ? reasons.get(hostId) : decide(card);
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
