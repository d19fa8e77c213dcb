package trellis.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change a person should hear about between two polls: an instance that moved from one state
 * to another, appeared, or disappeared.
 *
 * @param from null when the instance appeared
 * @param to   null when the instance is gone
 */
public record StateChange(String instanceId, String serviceId, String hostId, LifecycleState from, LifecycleState to,
                          String error) {

    /** "api on host-2: creating → running", as the event log says it. */
    public String describe() {
        String who = serviceId + " on " + hostId + ": ";
        if (from == null) {
            return who + "appeared (" + to.word() + ")";
        }
        if (to == null) {
            return who + from.word() + " → gone";
        }
        return who + from.word() + " → " + to.word() + (to == LifecycleState.FAILED && error != null ? " (" + error + ")" : "");
    }

    /** The changes from one picture to the next, in the order of the new picture, then the gone ones. */
    public static List<StateChange> between(Topology before, Topology after) {
        Map<String, InstancePlacement> old = new LinkedHashMap<>();
        if (before != null) {
            before.instances().forEach(i -> old.put(i.instanceId(), i));
        }
        List<StateChange> out = new ArrayList<>();
        if (after != null) {
            for (InstancePlacement i : after.instances()) {
                InstancePlacement was = old.remove(i.instanceId());
                if (was == null) {
                    if (before != null) {
                        out.add(new StateChange(i.instanceId(), i.serviceId(), i.hostId(), null, i.state(), i.error()));
                    }
                } else if (was.state() != i.state()) {
                    out.add(new StateChange(i.instanceId(), i.serviceId(), i.hostId(), was.state(), i.state(), i.error()));
                }
            }
        }
        for (InstancePlacement gone : old.values()) {
            out.add(new StateChange(gone.instanceId(), gone.serviceId(), gone.hostId(), gone.state(), null, null));
        }
        return out;
    }
}
