package trellis.ui.graph;

import java.util.Optional;
import trellis.topology.InstancePlacement;

/**
 * What the graph's editing gestures ask of the console: the picture only says what the person
 * did; whether a host can take an instance, and what an edit does to the spec, is decided by the
 * console (the same validator and the same undoable actions as the Add Service wizard).
 */
public interface EditGestures {
    /**
     * Why {@code host} cannot take the instance (moved there, or with {@code copy} a new instance of
     * its service added there), in words for the person; empty when it can.
     */
    Optional<String> refusal(InstancePlacement instance, String host, boolean copy);

    /** The instance dropped on a host that can take it: moved there, or with {@code copy} another instance added there. */
    void drop(InstancePlacement instance, String host, boolean copy);

    /** Delete on a selected instance. */
    void remove(InstancePlacement instance);

    /** M (move, {@code copy} false) or A (add) on a selected instance: the console asks for the host. */
    void chooseHost(InstancePlacement instance, boolean copy);
}
