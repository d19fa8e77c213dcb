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

    /** A control plane (the pgEdge Control Plane over REST, or the local engine). */
    public record LiveSource(ControlPlane controlPlane) implements Source {
        @Override
        public String label() {
            return controlPlane.displayName();
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
