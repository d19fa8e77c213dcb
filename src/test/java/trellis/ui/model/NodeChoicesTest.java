package trellis.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import trellis.TestFiles;
import trellis.engine.NodeChoice;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.Json;
import trellis.ui.model.NodeChoices.Option;
import trellis.ui.model.NodeChoices.Row;

/** The deploy dialog's per-node decisions, without a window. */
class NodeChoicesTest {
    static Row attach(String node, String host, String port, String database, String user) {
        return new Row(node, Option.ATTACH, host, port, database, user, true);
    }

    @Test
    void everyNodeOfTheSpecIsOfferedAndStartsHereUntilChosenOtherwise() throws Exception {
        var body = Json.MAPPER.readValue(TestFiles.example("multiple-instances.json").toFile(), CreateDatabaseRequest.class);
        assertThat(NodeChoices.nodes(body.spec())).containsExactly("n1", "n2");
        List<Row> rows = List.of(Row.start("n1"), Row.start("n2"));
        assertThat(NodeChoices.problem(rows)).isEmpty();
        assertThat(NodeChoices.choices(rows, n -> new char[0])).containsExactly(Map.entry("n1", NodeChoice.START), Map.entry("n2", NodeChoice.START));
    }

    @Test
    void anAttachedServerNeedsItsHostPortDatabaseAndUserAndTheProblemNamesTheNode() {
        assertThat(NodeChoices.problem(List.of(Row.start("n1"), attach("n2", " ", "5432", "postgres", "postgres"))))
                .contains("Node n2 — Host: enter the address of the PostgreSQL server (such as 127.0.0.1), or start it here.");
        assertThat(NodeChoices.problem(List.of(attach("n2", "db", "70000", "postgres", "postgres"))))
                .contains("Node n2 — Port: '70000' is not a port; enter a number from 1 to 65535.");
        assertThat(NodeChoices.problem(List.of(attach("n2", "db", "5432", "", "postgres"))))
                .contains("Node n2 — Database: enter the database to connect to (such as postgres).");
        assertThat(NodeChoices.problem(List.of(attach("n2", "db", "5432", "postgres", ""))))
                .contains("Node n2 — Admin user: enter a role that may create roles and grant (such as postgres).");
        // a skipped node's fields do not matter
        assertThat(NodeChoices.problem(List.of(new Row("n3", Option.SKIP, "", "x", "", "", false)))).isEmpty();
    }

    @Test
    void theChoicesCarryTheServerAndTheTypedPassword() {
        var choices = NodeChoices.choices(List.of(Row.start("n1"), attach("n2", " localhost ", " 5433", "app", "admin"),
                new Row("n3", Option.SKIP, "", "", "", "", false)), n -> ("pw-" + n).toCharArray());
        assertThat(choices.keySet()).containsExactly("n1", "n2", "n3");
        assertThat(choices.get("n3")).isSameAs(NodeChoice.SKIP);
        assertThat(choices.get("n2").toString()).isEqualTo("attach admin@localhost:5433/app");
        assertThat(new String(choices.get("n2").password())).isEqualTo("pw-n2");
        assertThat(choices.get("n2").provision()).isTrue();
    }

    @Test
    void theConfirmationEndsWithTheNodePlan() throws Exception {
        var body = Json.MAPPER.readValue(TestFiles.example("co-located.json").toFile(), CreateDatabaseRequest.class);
        var q = Deployment.confirmation(body, "storefront", null, "Local engine",
                List.of("node n1: Trellis will start PostgreSQL 17 on this machine"));
        assertThat(q.header()).isEqualTo("Create database 'storefront' on Local engine?");
        assertThat(q.text()).endsWith("\n\nRemoving a service never drops its connect_as user.\n\n"
                + "Database nodes:\nnode n1: Trellis will start PostgreSQL 17 on this machine");
        Database same = new Database("storefront", null, "available", null, null, body.spec(), List.of(), List.of(), null);
        assertThat(Deployment.confirmation(body, "storefront", same, "Local engine",
                List.of("node n1: attached server localhost:5433 (PostgreSQL 17.7)")).text())
                .isEqualTo("No changes.\n\nDatabase nodes:\nnode n1: attached server localhost:5433 (PostgreSQL 17.7)");
    }
}
