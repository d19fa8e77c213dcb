package trellis.ui.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The console's templates: the three deployment patterns of the pgEdge documentation as create
 * bodies, shipped in the jar under {@code trellis/templates/} (the build stops if one is missing).
 */
public final class Templates {
    /** A template: its file name without {@code .json}, and what it shows, for the menu. */
    public record Template(String name, String title) {
        public String fileName() {
            return name + ".json";
        }
    }

    public static final List<Template> ALL = List.of(
            new Template("co-located", "PostgREST on the host of node n1"),
            new Template("separate-host", "MCP server on a host of its own"),
            new Template("multiple-instances", "PostgREST on every node's host"));

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
}
