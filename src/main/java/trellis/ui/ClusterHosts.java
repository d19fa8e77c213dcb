package trellis.ui;

import java.util.List;
import trellis.engine.ControlPlane;
import trellis.spec.Host;

/**
 * The hosts of one control plane's cluster as last listed: the live pictures carry them, so that
 * the editor refuses a drop on a host that cannot take services (not Docker Swarm) with the
 * reason, as it does on a spec file. Listed in the background when a poll first needs them and
 * again at most once a minute, and taken from the Hosts view whenever it lists them. A listing that
 * fails keeps what was known (the picture then only lacks the host details) and is tried again a
 * minute later. Used on the FX thread.
 */
public final class ClusterHosts {
    private static final long TTL_NANOS = 60_000_000_000L;
    private final ControlPlane controlPlane;
    private List<Host> hosts = List.of();
    private boolean asking;
    private long listedAt;
    private boolean listedOnce;

    public ClusterHosts(ControlPlane controlPlane) {
        this.controlPlane = controlPlane;
    }

    /** What is known now (empty before the first listing); asks again in the background when it is a minute old. */
    public List<Host> known(TaskRunner runner) {
        if (!asking && (!listedOnce || System.nanoTime() - listedAt > TTL_NANOS)) {
            asking = true;
            listedAt = System.nanoTime();
            listedOnce = true;
            runner.run(controlPlane::hosts, this::take, error -> asking = false);
        }
        return hosts;
    }

    /** What is known now, without asking. */
    public List<Host> known() {
        return hosts;
    }

    /** A listing made elsewhere (the Hosts view). */
    public void take(List<Host> listed) {
        hosts = listed == null ? List.of() : List.copyOf(listed);
        listedAt = System.nanoTime();
        listedOnce = true;
        asking = false;
    }
}
