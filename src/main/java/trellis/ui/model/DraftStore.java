package trellis.ui.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import trellis.engine.DataFolder;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.Secrets;
import trellis.topology.DraftMarks;

/**
 * Drafts of the visual editor kept across restarts of the console: one JSON file per database
 * (its source and id), in the user data folder's {@code drafts/}, written without secrets. A draft
 * keeps the spec it started from (to mark what changed and to see whether the database moved on),
 * the edited spec, and the moves made, oldest first. Plain files, no JavaFX; read and written off
 * the FX thread.
 */
public final class DraftStore {
    /** One saved draft. */
    public record Saved(@JsonProperty("source") String source, @JsonProperty("database_id") String databaseId,
                        @JsonProperty("base") DatabaseSpec base, @JsonProperty("draft") DatabaseSpec draft,
                        @JsonProperty("moves") List<DraftMarks.Move> moves) {
        public Saved {
            moves = moves == null ? List.of() : List.copyOf(moves);
        }
    }

    private final Path folder;

    /** Drafts in {@code folder} (tests give a temporary one). */
    public DraftStore(Path folder) {
        this.folder = folder;
    }

    /** The drafts of this user: {@code $XDG_DATA_HOME/trellis/drafts}. */
    public static DraftStore standard() {
        return new DraftStore(DataFolder.path().resolve("drafts"));
    }

    /** Writes the draft (secrets stripped), replacing the database's earlier one; owner-only where POSIX. */
    public void save(Saved draft) throws IOException {
        DataFolder.ensure(folder);
        JsonNode tree = Json.toTree(new Saved(draft.source(), draft.databaseId(), stripped(draft.base()), stripped(draft.draft()),
                draft.moves()));
        Path target = file(draft.source(), draft.databaseId());
        Path tmp = Files.createTempFile(folder, "draft", ".tmp");
        Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The database's draft, if one was kept. */
    public Optional<Saved> load(String source, String databaseId) throws IOException {
        Path f = file(source, databaseId);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        return Optional.of(read(f));
    }

    /** Every draft kept, in file-name order; a file that cannot be read is named in the exception. */
    public List<Saved> all() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Saved> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(read(f));
            }
        }
        return out;
    }

    /** Forgets the database's draft (applied or discarded). */
    public void discard(String source, String databaseId) throws IOException {
        Files.deleteIfExists(file(source, databaseId));
    }

    private static Saved read(Path f) throws IOException {
        try {
            return Json.MAPPER.readValue(f.toFile(), Saved.class);
        } catch (IOException e) {
            throw new IOException("the draft " + f + " cannot be read (" + e.getMessage()
                    + "); delete the file to discard that draft", e);
        }
    }

    private Path file(String source, String databaseId) {
        // source and id may hold any character: the name is their hex, readable enough and always valid
        return folder.resolve(HexFormat.of().formatHex((source + "\n" + databaseId).getBytes(StandardCharsets.UTF_8)) + ".json");
    }

    private static DatabaseSpec stripped(DatabaseSpec spec) {
        return spec == null ? null : Json.convert(Secrets.strip(Json.toTree(spec)), DatabaseSpec.class);
    }
}
