package trellis.spec.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import trellis.TestFiles;
import trellis.spec.Json;

/** Test bodies: an example file, changed in one place. */
final class Specs {
    private Specs() {
    }

    static ObjectNode example(String name) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(TestFiles.example(name).toFile());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode colocated(Consumer<ObjectNode> change) {
        ObjectNode body = example("co-located.json");
        change.accept(body);
        return body;
    }

    static ObjectNode at(JsonNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    static ArrayNode arr(JsonNode root, String pointer) {
        return (ArrayNode) root.at(pointer);
    }

    static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> paths(List<Problem> problems) {
        return problems.stream().map(Problem::path).toList();
    }
}
