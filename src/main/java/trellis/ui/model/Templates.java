package trellis.ui.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The console's templates: the three deployment patterns of the pgEdge documentation as create
 * bodies, shipped in the jar under {@code trellis/templates/} (the build stops if one is missing).
 */
public final class Templates {
    /** A template: its file name without {@code .json}, what it shows (for the menu), and its database id. */
    public record Template(String name, String title, String databaseId) {
        public String fileName() {
            return name + ".json";
        }
    }

    public static final List<Template> ALL = List.of(
            new Template("co-located", "PostgREST on the host of node n1", "storefront"),
            new Template("separate-host", "MCP server on a host of its own", "inventory"),
            new Template("multiple-instances", "PostgREST on every node's host", "catalog"));

    private Templates() {
    }

    public static Template named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no template '" + name + "'; the templates are "
                        + String.join(", ", ALL.stream().map(Template::name).toList())));
    }

    /** The template's bytes, exactly as shipped. */
    public static byte[] bytes(Template t) throws IOException {
        try (InputStream in = Templates.class.getResourceAsStream("/trellis/templates/" + t.fileName())) {
            if (in == null) {
                throw new IOException("template " + t.fileName() + " is missing from this build of Trellis; rebuild it with mvn package");
            }
            return in.readAllBytes();
        }
    }

    /**
     * The template as a new spec for the database {@code id}: the shipped bytes when the id is the
     * template's own, else the same body with that id. An id the Control Plane would refuse is an
     * {@link IllegalArgumentException} in its words, naming the field and the rule.
     */
    public static byte[] withId(Template t, String id) throws IOException {
        byte[] shipped = bytes(t);
        if (t.databaseId().equals(id)) {
            return shipped;
        }
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) trellis.spec.Json.MAPPER.readTree(shipped);
        body.put("id", id);
        List<String> problems = trellis.spec.validation.SpecValidator.validateCreate(body).stream()
                .filter(p -> p.path().equals("id")).map(trellis.spec.validation.Problem::message).toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("database id \"" + id + "\": " + String.join("; ", problems)
                    + ". Choose another id, e.g. " + t.databaseId() + "-2");
        }
        return (trellis.spec.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
