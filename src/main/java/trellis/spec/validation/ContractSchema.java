package trellis.spec.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import trellis.spec.Json;

/**
 * The structural rules of the request bodies, checked against the Control Plane's own OpenAPI
 * contract (its schemas are what Goa generates the request checks from). OpenAPI 3.0 schema
 * objects are draft-4 JSON Schema with extra keywords that a validator ignores.
 */
final class ContractSchema {
    private static final String CONTRACT = trellis.spec.ProductInfo.CONTRACT;
    private static volatile ContractSchema instance;

    private final JsonSchema create;
    private final JsonSchema update;
    /** Every property name the contract's schemas declare, lower-cased to its spelling. */
    private final java.util.Map<String, String> propertyNames = new java.util.HashMap<>();

    private ContractSchema(JsonNode contract) {
        JsonNode paths = contract.path("paths");
        String createRef = paths.at("/~1v1~1databases/post/requestBody/content/application~1json/schema/$ref").asText();
        String updateRef = paths.at("/~1v1~1databases~1{database_id}/post/requestBody/content/application~1json/schema/$ref").asText();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(com.networknt.schema.PathType.JSON_PATH)
                .typeLoose(false)
                .failFast(false)
                .build();
        collectPropertyNames(contract.path("components"));
        this.create = factory.getSchema(document(contract, createRef), config);
        this.update = factory.getSchema(document(contract, updateRef), config);
        // Resolve every $ref now, so the first validation a person runs is not the slow one.
        create.initializeValidators();
        update.initializeValidators();
    }

    /** A schema document that is the body's schema, with the contract's components beside it for $ref. */
    private static JsonNode document(JsonNode contract, String ref) {
        if (ref.isEmpty()) {
            throw new IllegalStateException("the contract names no request body schema");
        }
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("$ref", ref);
        JsonNode components = contract.get("components").deepCopy();
        mapLengths(components);
        doc.set("components", components);
        return doc;
    }

    /**
     * Goa writes a map's size limit as {@code maxLength} on an object schema (postgresql_conf: 64
     * settings, restore_options: 32) and enforces it with len(map); JSON Schema applies maxLength to
     * strings only, so it becomes maxProperties here.
     */
    private static void mapLengths(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            if ("object".equals(obj.path("type").asText()) && obj.has("maxLength")) {
                obj.set("maxProperties", obj.get("maxLength"));
                obj.remove("maxLength");
            }
            // Go's $ is the end of the text; Java's also matches before a final newline: "1.0\n" is no version.
            if (obj.path("pattern").isTextual() && obj.get("pattern").asText().endsWith("$")
                    && !obj.get("pattern").asText().endsWith("\\$")) {
                String p = obj.get("pattern").asText();
                obj.put("pattern", p.substring(0, p.length() - 1) + "\\z");
            }
            obj.forEach(ContractSchema::mapLengths);
        } else if (node != null && node.isArray()) {
            node.forEach(ContractSchema::mapLengths);
        }
    }

    private void collectPropertyNames(JsonNode node) {
        if (node.isObject()) {
            node.path("properties").fieldNames().forEachRemaining(n -> propertyNames.putIfAbsent(n.toLowerCase(java.util.Locale.ROOT), n));
            node.forEach(this::collectPropertyNames);
        } else if (node.isArray()) {
            node.forEach(this::collectPropertyNames);
        }
    }

    /**
     * The field a JSON key lands in when Go's encoding/json decodes it: the exact name, else one
     * that matches ignoring case. A key matching no field is returned as it is (Go ignores it).
     */
    String fieldFor(String key) {
        String canonical = propertyNames.get(key.toLowerCase(java.util.Locale.ROOT));
        return canonical == null ? key : canonical;
    }

    static ContractSchema get() {
        ContractSchema s = instance;
        if (s == null) {
            synchronized (ContractSchema.class) {
                s = instance;
                if (s == null) {
                    try (InputStream in = ContractSchema.class.getResourceAsStream(CONTRACT)) {
                        if (in == null) {
                            throw new IllegalStateException("the Control Plane contract is missing from the class path: " + CONTRACT);
                        }
                        s = new ContractSchema(Json.MAPPER.readTree(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    instance = s;
                }
            }
        }
        return s;
    }

    List<Problem> checkCreate(JsonNode body) {
        return problems(create.validate(body));
    }

    List<Problem> checkUpdate(JsonNode body) {
        return problems(update.validate(body));
    }

    private static List<Problem> problems(Set<ValidationMessage> messages) {
        List<Problem> out = new ArrayList<>();
        for (ValidationMessage m : messages) {
            String path = m.getInstanceLocation().toString();
            path = path.equals("$") ? "" : path.startsWith("$.") ? path.substring(2) : path.substring(1);
            String text = m.getMessage();
            String prefix = m.getInstanceLocation().toString() + ": ";
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length());
            }
            if ("required".equals(m.getType()) && m.getProperty() != null) {
                path = path.isEmpty() ? m.getProperty() : path + "." + m.getProperty();
                text = "is required";
            }
            out.add(new Problem(path, shorten(text)));
        }
        out.sort(Comparator.comparing(Problem::path).thenComparing(Problem::message));
        return out;
    }

    /** Schema messages quote the value; a 1 MB value must not become a 1 MB line. */
    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }
}
