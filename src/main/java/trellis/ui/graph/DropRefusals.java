package trellis.ui.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import trellis.topology.InstancePlacement;

/**
 * The drop refusals asked of the {@link EditGestures} (a validation of the edited spec per host),
 * kept until the picture shows another draft version: the view forgets them whenever it shows a
 * new topology, new marks or other gestures. A drag start then costs nothing for a host already
 * asked about, and the words of a refusal are the gestures' own, unchanged.
 */
final class DropRefusals {
    private final Map<String, Optional<String>> known = new HashMap<>();

    /** The refusal already known for this drop, or null when it has not been asked yet. */
    Optional<String> known(InstancePlacement i, String host, boolean copy) {
        if (!copy && host.equals(i.hostId())) {
            return alreadyThere(host);
        }
        return known.get(key(i, host, copy));
    }

    /** Why {@code host} cannot take the instance (empty: it can), asking the gestures only the first time. */
    Optional<String> ask(EditGestures gestures, InstancePlacement i, String host, boolean copy) {
        if (!copy && host.equals(i.hostId())) {
            return alreadyThere(host);
        }
        return known.computeIfAbsent(key(i, host, copy), k -> gestures.refusal(i, host, copy));
    }

    /** The draft (or the gestures) changed: every refusal is asked again. */
    void forget() {
        known.clear();
    }

    private static Optional<String> alreadyThere(String host) {
        return Optional.of("the instance is already on " + host);
    }

    private static String key(InstancePlacement i, String host, boolean copy) {
        return i.serviceId() + '\n' + i.hostId() + '\n' + host + '\n' + copy;
    }
}
