package trellis.engine.local.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import trellis.TestFiles;
import trellis.engine.NodeChoice;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;

/** The node plan a person reads before a deploy, word for word. */
class NodePlanTest {
    static final String EMBEDDED = "PostgreSQL 17 on this machine";

    static DatabaseSpec spec(String example) throws Exception {
        return Json.MAPPER.readValue(TestFiles.example(example).toFile(), CreateDatabaseRequest.class).spec();
    }

    @Test
    void nodesWithNothingAreStartedHereByDefault() throws Exception {
        assertThat(NodePlan.lines(spec("multiple-instances.json"), Map.of(), n -> null, c -> "unused", EMBEDDED)).containsExactly(
                "node n1: Trellis will start PostgreSQL 17 on this machine",
                "node n2: Trellis will start PostgreSQL 17 on this machine");
    }

    @Test
    void attachedSkippedAndKnownNodesEachSayWhatTheyAre() throws Exception {
        var known = Map.of("n1", new NodePlan.Known(NodeKind.STARTED, "localhost:40001", "PostgreSQL 17.7"));
        var choices = Map.of("n2", NodeChoice.attach("localhost", 5433, "postgres", "postgres", "pw".toCharArray(), true));
        assertThat(NodePlan.lines(spec("multiple-instances.json"), choices, known::get, c -> "PostgreSQL 17.7", EMBEDDED)).containsExactly(
                "node n1: started by Trellis on this machine at localhost:40001 (PostgreSQL 17.7)",
                "node n2: attached server localhost:5433 (PostgreSQL 17.7)");
        assertThat(NodePlan.lines(spec("co-located.json"), Map.of("n1", NodeChoice.SKIP), n -> null, c -> "unused", EMBEDDED))
                .containsExactly("node n1: skipped — service 'api' will not reach a database and its grants are not applied");
    }

    @Test
    void aKnownAttachedServerThatDoesNotAnswerSaysSo() throws Exception {
        var known = Map.of("n1", new NodePlan.Known(NodeKind.ATTACHED, "db.example:5432", "does not answer: Connection refused"));
        assertThat(NodePlan.lines(spec("co-located.json"), Map.of(), known::get, c -> "unused",
                "PostgreSQL in a container (postgres:17) on this machine")).containsExactly(
                "node n1: attached server db.example:5432 (does not answer: Connection refused)");
    }

    @Test
    void aSkippedNodeNamesEveryServiceThatConnectsToItOrNone() throws Exception {
        // separate-host: mcp connects to n1 and n2 (no target_nodes); a spec without services connects none
        DatabaseSpec s = spec("separate-host.json");
        assertThat(NodePlan.skipped(s, "n2")).isEqualTo("skipped — service 'mcp' will not reach a database and its grants are not applied");
        DatabaseSpec none = new DatabaseSpec(s.databaseName(), null, null, null, null, null, null, s.nodes(), List.of(), List.of(), null);
        assertThat(NodePlan.lines(none, Map.of("n1", NodeChoice.SKIP), n -> null, c -> "unused", EMBEDDED)).containsExactly(
                "node n1: skipped — no service connects to it", "node n2: Trellis will start PostgreSQL 17 on this machine");
        var two = Json.MAPPER.readTree(TestFiles.example("separate-host.json").toFile());
        var svcs = (com.fasterxml.jackson.databind.node.ArrayNode) two.path("spec").path("services");
        svcs.add(((com.fasterxml.jackson.databind.node.ObjectNode) svcs.get(0).deepCopy()).put("service_id", "mcp-2"));
        DatabaseSpec twoSvcs = Json.MAPPER.treeToValue(two, CreateDatabaseRequest.class).spec();
        assertThat(NodePlan.skipped(twoSvcs, "n1"))
                .isEqualTo("skipped — services 'mcp', 'mcp-2' will not reach a database and their grants are not applied");
    }
}
