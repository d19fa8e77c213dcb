package trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import trellis.spec.Json;

/** Where a command writes: human text or, with {@code --json}, one JSON document for scripts. */
final class Output {
    private Output() {
    }

    static void json(PrintWriter out, JsonNode doc) {
        out.println(Json.write(doc));
        out.flush();
    }
}
