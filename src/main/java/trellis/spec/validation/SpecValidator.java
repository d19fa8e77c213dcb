package trellis.spec.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Accepts exactly what the pgEdge Control Plane accepts. Works on JSON trees rather than
 * records, so that wrong types at any depth become problems instead of exceptions.
 */
public final class SpecValidator {
    private SpecValidator() {
    }

    /** A create body {@code {id, spec}}; paths start with {@code spec.} or {@code id}. */
    public static List<Problem> validateCreate(JsonNode body) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * An update body {@code {spec}} checked against the database's current spec.
     *
     * @param databaseId the id of the database being updated (its length counts toward the 53 chars)
     * @param current    the current spec (a {@code spec} object), or null when unknown: then the
     *                   rules that need it are skipped and named by {@link #rulesNeedingCurrentSpec()}
     */
    public static List<Problem> validateUpdate(String databaseId, JsonNode current, JsonNode body) {
        throw new UnsupportedOperationException("not yet");
    }

    /** A bare spec; paths have no {@code spec.} prefix. */
    public static List<Problem> validateSpec(String databaseId, JsonNode spec) {
        throw new UnsupportedOperationException("not yet");
    }

    public static List<String> rulesNeedingCurrentSpec() {
        return List.of("init_token/init_users refused only for services that already exist",
                "source_node of a new node must name an existing node");
    }
}
