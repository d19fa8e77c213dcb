package trellis.ui.wizard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The three kinds of supporting service, as the wizard offers them; no JavaFX. */
public final class ServiceTypes {
    /** A type: its {@code service_type}, its name, one sentence of what it is, the versions offered (known images, then latest). */
    public record ServiceType(String id, String title, String sentence, List<String> versions, String suggestedId) {
    }

    public static final List<ServiceType> ALL = List.of(
            new ServiceType("postgrest", "PostgREST",
                    "A REST API over the database's tables and views, with JWT roles and CORS.",
                    List.of("14.5", "latest"), "api"),
            new ServiceType("mcp", "MCP server",
                    "The pgEdge Postgres MCP server: lets an AI assistant query the database, optionally with an LLM of its own.",
                    List.of("1.0.0", "latest"), "mcp"),
            new ServiceType("rag", "RAG server",
                    "The pgEdge RAG server: answers questions from your tables' text and vectors with an embedding and an answering LLM.",
                    List.of("1.0.0", "latest"), "rag"));

    private ServiceTypes() {
    }

    public static ServiceType of(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst().orElse(ALL.get(0));
    }

    /** The config a new service of this type starts with: the required keys, nothing else. */
    static ObjectNode defaultConfig(String type) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        switch (type) {
            case "postgrest" -> c.put("db_anon_role", "web_anon");
            case "rag" -> c.putArray("pipelines").add(RagPipelines.emptyPipeline("default"));
            default -> {
            }
        }
        return c;
    }
}
