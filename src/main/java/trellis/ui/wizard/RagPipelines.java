package trellis.ui.wizard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Adding and removing RAG pipelines and their tables in a config tree; no JavaFX. */
public final class RagPipelines {
    private RagPipelines() {
    }

    /** A pipeline with one empty table and both LLMs to be filled in. */
    static ObjectNode emptyPipeline(String name) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("name", name);
        p.putArray("tables").add(emptyTable());
        p.putObject("embedding_llm").put("provider", "openai").put("model", "");
        p.putObject("rag_llm").put("provider", "anthropic").put("model", "");
        return p;
    }

    static ObjectNode emptyTable() {
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        t.put("table", "").put("text_column", "").put("vector_column", "");
        return t;
    }

    static int count(JsonNode config) {
        return config.path("pipelines").size();
    }

    static int tables(JsonNode config, int pipeline) {
        return config.path("pipelines").path(pipeline).path("tables").size();
    }

    /** Adds a pipeline named pipeline-N (the first free N) and returns its index. */
    static int addPipeline(ObjectNode config) {
        ArrayNode pipelines = config.withArray("pipelines");
        int n = pipelines.size() + 1;
        while (named(pipelines, "pipeline-" + n)) {
            n++;
        }
        pipelines.add(emptyPipeline("pipeline-" + n));
        return pipelines.size() - 1;
    }

    static void removePipeline(ObjectNode config, int index) {
        config.withArray("pipelines").remove(index);
    }

    static void addTable(ObjectNode config, int pipeline) {
        ((ObjectNode) config.withArray("pipelines").get(pipeline)).withArray("tables").add(emptyTable());
    }

    static void removeTable(ObjectNode config, int pipeline, int table) {
        ((ObjectNode) config.withArray("pipelines").get(pipeline)).withArray("tables").remove(table);
    }

    private static boolean named(ArrayNode pipelines, String name) {
        for (JsonNode p : pipelines) {
            if (name.equals(p.path("name").asText())) {
                return true;
            }
        }
        return false;
    }
}
