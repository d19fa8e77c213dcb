package trellis.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.Secrets;

/** Edits of a database spec the console sends; plain values in, plain values out, no JavaFX. */
public final class SpecEdits {
    private SpecEdits() {
    }

    /**
     * The live spec without one service, ready for a full update. A spec from a GET lacks its
     * secrets, so they are put back from the given specs of the same database (those of its open
     * spec files); when they cannot be, nothing is to be sent and the exception names the secrets
     * that are missing.
     */
    public static DatabaseSpec withoutService(DatabaseSpec live, String serviceId, List<DatabaseSpec> secretSources) {
        JsonNode full = removeService(live, serviceId);
        for (DatabaseSpec source : secretSources) {
            full = Secrets.merge(full, Json.toTree(source));
        }
        List<String> missing = Secrets.missing(full);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the update would lose these secrets: " + String.join(", ", missing)
                    + ". Open the database's spec file (File > Open) so Trellis can send them again.");
        }
        return Json.convert(full, DatabaseSpec.class);
    }

    /** The spec without the service of this id; every other field as it was. */
    public static DatabaseSpec withoutService(DatabaseSpec spec, String serviceId) {
        return Json.convert(removeService(spec, serviceId), DatabaseSpec.class);
    }

    private static ObjectNode removeService(DatabaseSpec spec, String serviceId) {
        ObjectNode tree = (ObjectNode) Json.toTree(spec).deepCopy();
        ArrayNode services = tree.withArray("services");
        for (int i = services.size() - 1; i >= 0; i--) {
            if (serviceId.equals(services.get(i).path("service_id").asText())) {
                services.remove(i);
            }
        }
        return tree;
    }
}
