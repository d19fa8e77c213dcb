package trellis.ui.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import trellis.topology.DraftMarks.Mark;

/**
 * Puts a draft's marks on the picture until it is applied or discarded: an added instance gets a
 * "new" badge, a moved one a "moved" badge and a ghost at its old place, a removed one is struck
 * through (its card, while the instance still runs) or left as a ghost. Host cards are built
 * lazily, so a host's marks are put on when it is built too.
 */
final class MarkPainter {
    static final PseudoClass ADDED = PseudoClass.getPseudoClass("draft-added");
    static final PseudoClass MOVED = PseudoClass.getPseudoClass("draft-moved");
    static final PseudoClass REMOVED = PseudoClass.getPseudoClass("draft-removed");

    private final Map<String, InstanceCard> instanceCards;
    private final Map<String, HostCard> hostCards;
    private List<Mark> marks = List.of();
    private final List<InstanceCard> marked = new ArrayList<>();

    MarkPainter(Map<String, InstanceCard> instanceCards, Map<String, HostCard> hostCards) {
        this.instanceCards = instanceCards;
        this.hostCards = hostCards;
    }

    List<Mark> marks() {
        return marks;
    }

    void set(List<Mark> next) {
        marks = List.copyOf(next);
        repaint();
    }

    /** Takes every mark off and puts the current ones on the cards that are built. */
    void repaint() {
        marked.forEach(c -> c.setBadge(null, null));
        marked.clear();
        hostCards.values().forEach(h -> h.setGhosts(List.of()));
        Map<String, List<String>> ghosts = new LinkedHashMap<>();
        for (Mark m : marks) {
            switch (m.kind()) {
                case ADDED -> card(m.serviceId(), m.host()).ifPresent(c -> badge(c, ADDED, "new"));
                case MOVED -> {
                    card(m.serviceId(), m.host()).ifPresent(c -> badge(c, MOVED, "moved from " + m.fromHost()));
                    Optional<InstanceCard> old = card(m.serviceId(), m.fromHost());
                    if (old.isPresent()) {
                        badge(old.get(), REMOVED, "moving to " + m.host());
                    } else {
                        ghosts.computeIfAbsent(m.fromHost(), h -> new ArrayList<>()).add("'" + m.serviceId() + "' moved to " + m.host());
                    }
                }
                case REMOVED -> {
                    Optional<InstanceCard> c = card(m.serviceId(), m.host());
                    if (c.isPresent()) {
                        badge(c.get(), REMOVED, "removed");
                    } else {
                        ghosts.computeIfAbsent(m.host(), h -> new ArrayList<>()).add("'" + m.serviceId() + "' removed");
                    }
                }
                default -> throw new IllegalStateException(m.kind().name());
            }
        }
        ghosts.forEach((host, texts) -> {
            HostCard h = hostCards.get(host);
            if (h != null && h.built()) {
                h.setGhosts(texts);
            }
        });
    }

    private void badge(InstanceCard card, PseudoClass kind, String text) {
        card.setBadge(kind, text);
        marked.add(card);
    }

    private Optional<InstanceCard> card(String serviceId, String host) {
        return instanceCards.values().stream()
                .filter(c -> c.placement().serviceId().equals(serviceId) && c.placement().hostId().equals(host)).findFirst();
    }

    static Label ghost(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("instance", "instance-ghost");
        return l;
    }
}
