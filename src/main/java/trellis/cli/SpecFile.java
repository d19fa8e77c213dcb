package trellis.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import trellis.spec.Json;

/**
 * A JSON file a person handed the CLI, read so that every way it can be wrong becomes one
 * line that names the file and the place: never a stack trace.
 */
public record SpecFile(Path path, JsonNode root) {

    /** The file could not be read or is not JSON; {@link #getMessage()} is the whole line to print. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** Specs are small; anything larger than this is not a spec and would only fill memory. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** A spec file and its spec, with the secrets of a separate file merged in (as apply and render take them). */
    public record WithSecrets(SpecFile file, JsonNode spec) {
    }

    /** Reads {@code path}, and {@code secretsFile} when given, merging its passwords and keys into the spec. */
    public static WithSecrets readWithSecrets(Path path, Path secretsFile) throws Unreadable {
        SpecFile f = read(path);
        JsonNode spec = f.spec();
        if (secretsFile != null) {
            spec = trellis.spec.Secrets.merge(spec, read(secretsFile).spec());
        }
        return new WithSecrets(f, spec);
    }

    public static SpecFile read(Path path) throws Unreadable {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new Unreadable(name + ": is a directory, not a JSON file");
        }
        try {
            long size = Files.size(path);
            if (size == 0) {
                throw new Unreadable(name + ": empty file; expected a JSON object such as {\"id\": ..., \"spec\": {...}}");
            }
            if (size > MAX_BYTES) {
                throw new Unreadable(name + ": " + size + " bytes is too large for a database spec (limit " + MAX_BYTES + ")");
            }
            JsonNode root;
            try (InputStream in = Files.newInputStream(path)) {
                root = Json.MAPPER.readTree(in);
            }
            if (root == null || root.isMissingNode()) {
                throw new Unreadable(name + ": no JSON value in the file");
            }
            return new SpecFile(path, root);
        } catch (NoSuchFileException e) {
            throw new Unreadable(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable(name + ": permission denied");
        } catch (JsonProcessingException e) {
            throw new Unreadable(name + ": not valid JSON" + where(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new Unreadable(name + ": cannot read: " + firstLine(String.valueOf(e.getMessage())));
        } catch (RuntimeException | StackOverflowError e) {
            throw new Unreadable(name + ": cannot read as JSON: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static String where(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 0) {
            return "";
        }
        return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.lines().findFirst().orElse("").strip();
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }

    /** What kind of document this is, judged by its fields. */
    public Kind kind() {
        if (!root.isObject()) {
            return Kind.OTHER;
        }
        if (root.has("spec")) {
            if (root.has("state") || root.has("service_instances") || root.has("created_at")) {
                return Kind.DATABASE;
            }
            return root.has("id") ? Kind.CREATE_BODY : Kind.UPDATE_BODY;
        }
        if (root.has("nodes") || root.has("database_name")) {
            return Kind.BARE_SPEC;
        }
        return Kind.OTHER;
    }

    /** The spec object inside, whatever the kind; a missing node when there is none. */
    public JsonNode spec() {
        return switch (kind()) {
            case BARE_SPEC -> root;
            case OTHER -> com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            default -> root.path("spec");
        };
    }

    /** The database id the document carries, or null. */
    public String databaseId() {
        JsonNode id = root.path("id");
        return id.isTextual() ? id.asText() : null;
    }

    public enum Kind { CREATE_BODY, UPDATE_BODY, DATABASE, BARE_SPEC, OTHER }
}
