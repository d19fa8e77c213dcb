package trellis.ui;

import java.nio.file.Path;
import trellis.engine.ControlPlane;
import trellis.spec.CreateDatabaseRequest;

/** What the sources tree holds: spec files and live control planes, and the databases in them. */
public final class Sources {
    private Sources() {
    }

    /** Something that has databases. */
    public sealed interface Source permits FileSource, LiveSource {
        String label();
    }

    /** A spec file opened for offline editing: one database, every instance pending. */
    public record FileSource(Path path, CreateDatabaseRequest body) implements Source {
        @Override
        public String label() {
            return path.getFileName().toString();
        }

        public String databaseId() {
            return body.id() != null ? body.id() : body.spec() != null ? body.spec().databaseName() : label();
        }
    }

    /**
     * A control plane (the pgEdge Control Plane over REST, or the local engine), under the id the
     * sources list gave it when it was added: two entries are two sources even when they wrap the
     * same control plane or their control planes are equal.
     */
    public record LiveSource(String id, ControlPlane controlPlane, ClusterHosts hosts) implements Source {
        public LiveSource(String id, ControlPlane controlPlane) {
            this(id, controlPlane, new ClusterHosts(controlPlane));
        }

        @Override
        public String label() {
            return controlPlane.displayName();
        }
    }

    /** A control plane's hosts: the node under each live source that opens the Hosts tab. */
    public record HostsRef(LiveSource source) {
        @Override
        public String toString() {
            return "Hosts";
        }
    }

    /** What a poller is kept under: one per database of one source. */
    public record PollerKey(String sourceId, String databaseId) {
        public static PollerKey of(LiveSource source, String databaseId) {
            return new PollerKey(source.id(), databaseId);
        }
    }

    /** A database inside a source; the tree's leaves. */
    public record DatabaseRef(Source source, String databaseId, String state) {
        @Override
        public String toString() {
            return databaseId + (state != null ? "  (" + state + ")" : "");
        }
    }
}
