package trellis.engine;

import java.util.List;

/**
 * A control plane that can show the files a service instance's container is given (the local
 * engine, from the same plan it creates the container from), with every secret masked.
 */
public interface InstanceFileView {
    /** A file as the instance gets it, relative to its data folder ({@code keys/...} for key files). */
    record ShownFile(String path, String content) {
    }

    /** The instance's files and its {@code container.json}; empty when the spec has no such instance. */
    List<ShownFile> files(String databaseId, String instanceId) throws ControlPlaneException;
}
