package trellis.engine.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.ServiceSpec;

/**
 * {@code trellis render}: the plans the engine would apply for a spec, written to a folder without
 * Docker and without touching a node. One folder per instance ({@code {database}-{service}-{host}})
 * holds the files as the engine writes them (secrets included, owner-only) and container.json,
 * the container in Docker's own JSON names with its binds pointing into that folder.
 *
 * <p>Nodes are where the engine looks for a node it has not started or attached: the Docker host
 * gateway at PostgreSQL's port ({@link ServiceConnection#UNKNOWN_NODE}).
 */
public final class Render {
    public static final String CONTAINER_JSON = "container.json";
    static final String OWNER_ONLY_DIR = "rwx------";

    private Render() {
    }

    /** The plan of every instance of every service, in spec order. */
    public static List<InstancePlan> plans(String databaseId, DatabaseSpec spec, LocalEngineSettings settings) {
        List<InstancePlan> plans = new ArrayList<>();
        for (ServiceSpec svc : SpecCatalog.orEmpty(spec.services())) {
            for (String host : SpecCatalog.orEmpty(svc.hostIds())) {
                plans.add(InstancePlan.of(databaseId, spec, svc, host, settings, node -> Optional.empty()));
            }
        }
        return plans;
    }

    /**
     * Writes each plan under {@code out} (created owner-only, 0700, when missing; made so when
     * there); returns the plans written. What each file is goes to {@code log}, never its content.
     */
    public static List<InstancePlan> write(String databaseId, DatabaseSpec spec, LocalEngineSettings settings, Path out,
                                           java.util.function.Consumer<String> log) throws IOException {
        List<InstancePlan> plans = plans(databaseId, spec, settings);
        Files.createDirectories(out);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(OWNER_ONLY_DIR));
        InstanceFiles files = new InstanceFiles(out);
        for (InstancePlan p : plans) {
            Path dir = files.write(p, log);
            Files.createDirectories(dir);
            try {
                Files.writeString(dir.resolve(CONTAINER_JSON),
                        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(p.container().dockerJson(dir.toAbsolutePath())) + "\n");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the container of " + p.name() + ": " + e.getOriginalMessage(), e);
            }
            Files.setPosixFilePermissions(dir.resolve(CONTAINER_JSON), PosixFilePermissions.fromString(InstanceFiles.OWNER_ONLY));
            log.accept(p.name() + ": " + CONTAINER_JSON + " written (" + p.container().image() + ")");
        }
        return plans;
    }

    /**
     * What a person is shown of a plan: its files (give it {@link InstancePlan#masked} for secrets
     * masked) and the container it makes, as {@code container.json} with its data folder as
     * {@code /data/<instance>}.
     */
    public static List<trellis.engine.InstanceFileView.ShownFile> shown(InstancePlan plan) {
        List<trellis.engine.InstanceFileView.ShownFile> out = new ArrayList<>();
        for (InstancePlan.PlannedFile f : plan.files()) {
            out.add(new trellis.engine.InstanceFileView.ShownFile(f.path(), f.content()));
        }
        try {
            out.add(new trellis.engine.InstanceFileView.ShownFile(CONTAINER_JSON, Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(plan.container().dockerJson(Path.of("/data", plan.name()))) + "\n"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot show the container of " + plan.name() + ": " + e.getOriginalMessage(), e);
        }
        return out;
    }
}
