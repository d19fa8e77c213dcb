package trellis.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import trellis.TestFiles;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.ServiceSpec;
import trellis.spec.validation.SpecValidator;
import trellis.ui.wizard.ServiceWizardModel.Page;
import trellis.ui.wizard.ServiceWizardModel.PortMode;

/** The wizard's decisions without a window: the service the pages make, the pattern hint, the problems at their fields. */
class ServiceWizardModelTest {
    static CreateDatabaseRequest template(String name) throws Exception {
        return Json.MAPPER.readValue(TestFiles.example(name + ".json").toFile(), CreateDatabaseRequest.class);
    }

    @Test
    void aPostgrestServiceBuiltFromThePagesIsAppendedAndValid() throws Exception {
        CreateDatabaseRequest body = template("co-located");
        ServiceWizardModel m = ServiceWizardModel.adding(body.id(), body.spec());
        assertThat(m.type()).isEqualTo("postgrest");
        assertThat(m.serviceId()).as("'api' is taken: the next free id is suggested").isEqualTo("api-2");
        assertThat(m.versions()).containsExactly("14.5", "latest");
        assertThat(m.pageProblems(Page.PLACEMENT)).containsExactly("host_ids: must have at least 1 items but found 0");
        assertThat(m.patternHint()).isEqualTo("Pick at least one host: the service runs one instance on each host you pick.");
        m.setOnHost("host-1", true);
        assertThat(m.patternHint()).isEqualTo("Co-located: one instance on host-1, beside database node n1.");
        assertThat(m.problemAt("connect_as")).isEqualTo("connect_as is required; pick one of the database_users (known: admin, app)");
        assertThat(m.usernames()).containsExactly("admin", "app");
        m.setConnectAs("app");
        m.setServiceId("rest");
        m.setPort(PortMode.FIXED, "8081");
        assertThat(m.problemsByField()).isEmpty();
        assertThat(m.canFinish()).isTrue();

        DatabaseSpec after = m.result();
        assertThat(after.services()).extracting(ServiceSpec::serviceId).containsExactly("api", "rest");
        ServiceSpec added = after.services().get(1);
        assertThat(Json.write(added)).isEqualTo(Json.write(Json.MAPPER.readValue("""
                {"service_id":"rest","service_type":"postgrest","version":"14.5","host_ids":["host-1"],
                 "connect_as":"app","port":8081,"config":{"db_anon_role":"web_anon"}}""", ServiceSpec.class)));
        assertThat(m.description()).isEqualTo("Add service 'rest'");
        assertThat(SpecValidator.validateSpec(body.id(), Json.toTree(after))).isEmpty();
    }

    @Test
    void theServiceIdIsCheckedForPatternLengthAndClash() throws Exception {
        CreateDatabaseRequest body = template("co-located");
        ServiceWizardModel m = ServiceWizardModel.adding(body.id(), body.spec());
        m.setServiceId("API_1");
        assertThat(m.problemAt("service_id")).isEqualTo("valid IDs must be 1-36 characters long, contain only lowercase "
                + "letters, digits, and hyphens, start and end with a letter or digit, and not contain two consecutive hyphens");
        assertThat(m.pageHasProblem(Page.IDENTITY)).isTrue();
        ServiceWizardModel longDb = ServiceWizardModel.adding("storefront-europe-west-2026", body.spec());
        longDb.setServiceId("inventory-api-for-the-mobile-app");
        assertThat(longDb.problemAt("service_id")).isEqualTo("database ID and service ID combined must not exceed 53 "
                + "characters (got 59); shorten the service_id to at most 26 characters");
        m.setServiceId("api");
        assertThat(m.problemAt("service_id")).isEqualTo("service IDs must be unique within a database (service_id \"api\" is used twice)");
        m.setServiceId("web");
        assertThat(m.pageHasProblem(Page.IDENTITY)).isFalse();
        m.setVersion("v2");
        assertThat(m.problemAt("version")).isEqualTo("does not match the regex pattern ^(\\d+\\.\\d+(\\.\\d+)?|latest)\\z");
    }

    @Test
    void theHintFollowsTheDocumentedPatterns() throws Exception {
        CreateDatabaseRequest body = template("multiple-instances");
        ServiceWizardModel m = ServiceWizardModel.adding(body.id(), body.spec());
        assertThat(m.hosts()).containsExactly(new Placement.HostChoice("host-1", List.of("n1")),
                new Placement.HostChoice("host-2", List.of("n2")));
        m.setOnHost("host-2", true);
        m.setOnHost("host-1", true);
        assertThat(m.patternHint()).isEqualTo("Multiple instances: one on each of host-1, host-2, all connecting as the same connect_as user.");
        m.setOnHost("host-1", false);
        m.setOnHost("host-2", false);
        m.addHost("host-9");
        assertThat(m.hostIds()).containsExactly("host-9");
        assertThat(m.patternHint()).isEqualTo("Separate host: one instance on host-9, which runs no database node.");
    }

    @Test
    void aNewDatabaseUserIsAddedWithTheServiceAndConnectedAs() throws Exception {
        CreateDatabaseRequest body = template("co-located");
        ServiceWizardModel m = ServiceWizardModel.adding(body.id(), body.spec());
        assertThat(m.newUserProblem("app", "x")).isEqualTo("The database already has a user named \"app\"; pick it in the list instead.");
        assertThat(m.newUserProblem("reader", "")).isEqualTo("Give \"reader\" a password: the service connects with it.");
        m.addUser("reader", "s3cret", "web_anon", "LOGIN");
        assertThat(m.usernames()).containsExactly("admin", "app", "reader");
        assertThat(m.connectAs()).isEqualTo("reader");
        m.setOnHost("host-1", true);
        assertThat(m.canFinish()).isTrue();
        assertThat(Json.write(m.result().databaseUsers().get(2))).isEqualTo(
                "{\n  \"username\" : \"reader\",\n  \"password\" : \"s3cret\",\n  \"attributes\" : [ \"LOGIN\" ],\n  \"roles\" : [ \"web_anon\" ]\n}");
    }

    @Test
    void configProblemsGoToTheirFieldsAndTheConfigurationPage() throws Exception {
        CreateDatabaseRequest body = template("co-located");
        ServiceWizardModel m = ServiceWizardModel.adding(body.id(), body.spec());
        m.setOnHost("host-1", true);
        m.setConnectAs("app");
        m.setConfig("db_pool", ConfigPath.number("50"));
        m.setConfig("max_rows", ConfigPath.number("lots"));
        assertThat(m.problemsByField()).containsOnlyKeys("config.db_pool", "config.max_rows");
        assertThat(m.problemAt("config.db_pool")).isEqualTo("db_pool must be between 1 and 30");
        assertThat(m.pageHasProblem(Page.CONFIGURATION)).isTrue();
        assertThat(m.pageHasProblem(Page.RESOURCES)).isFalse();

        m.setType("mcp");
        assertThat(m.configTree().isEmpty()).as("another type starts its config afresh").isTrue();
        m.setConfig("llm_enabled", com.fasterxml.jackson.databind.node.BooleanNode.TRUE);
        m.setConfig("llm_provider", TextNode.valueOf("anthropic"));
        m.setConfig("llm_model", TextNode.valueOf("claude-sonnet-4-5"));
        assertThat(m.problemAt("config.anthropic_api_key")).isEqualTo("anthropic_api_key is required when llm_provider is \"anthropic\"");
        m.setConfig("anthropic_api_key", TextNode.valueOf("sk-ant-1"));
        assertThat(m.canFinish()).isTrue();

        m.setType("rag");
        assertThat(m.serviceId()).isEqualTo("rag");
        assertThat(m.problemsByField().keySet()).containsExactly("config.pipelines[0].tables[0].table",
                "config.pipelines[0].tables[0].text_column", "config.pipelines[0].tables[0].vector_column",
                "config.pipelines[0].embedding_llm.model", "config.pipelines[0].embedding_llm.api_key",
                "config.pipelines[0].rag_llm.model", "config.pipelines[0].rag_llm.api_key");
    }

    @Test
    void editingKeepsIdTypeAndWhatTheWizardDoesNotShow() throws Exception {
        CreateDatabaseRequest body = template("multiple-instances");
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.toTree(body.spec());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.withArray("services").get(0))
                .set("orchestrator_opts", Json.parse("{\"swarm\":{\"extra_labels\":{\"team\":\"web\"}}}"));
        DatabaseSpec spec = Json.convert(tree, DatabaseSpec.class);
        ServiceWizardModel m = ServiceWizardModel.editing(body.id(), spec, "api");
        assertThat(m.isEditing()).isTrue();
        assertThat(m.hostIds()).containsExactly("host-1", "host-2");
        assertThat(m.connectAs()).isEqualTo("app");
        assertThat(m.portMode()).isEqualTo(PortMode.DOCKER);
        m.setServiceId("other");
        m.setType("rag");
        assertThat(m.serviceId()).isEqualTo("api");
        assertThat(m.type()).isEqualTo("postgrest");
        m.setOnHost("host-2", false);
        assertThat(m.canFinish()).isTrue();
        assertThat(m.description()).isEqualTo("Edit service 'api'");
        ServiceSpec edited = m.result().services().get(0);
        assertThat(edited.hostIds()).containsExactly("host-1");
        assertThat(edited.orchestratorOpts().toString()).isEqualTo("{\"swarm\":{\"extra_labels\":{\"team\":\"web\"}}}");
        assertThat(Json.write(edited.config())).isEqualTo(Json.write(spec.services().get(0).config()));
        assertThat(m.result().services()).hasSize(1);
    }

    @Test
    void problemsTheSpecAlreadyHadElsewhereDoNotHoldTheWizardBack() throws Exception {
        CreateDatabaseRequest body = template("co-located");
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.toTree(body.spec());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.withArray("services").get(0).get("config")).put("db_pool", 99);
        ServiceWizardModel m = ServiceWizardModel.adding(body.id(), Json.convert(tree, DatabaseSpec.class));
        m.setOnHost("host-1", true);
        m.setConnectAs("app");
        assertThat(m.earlierProblems()).containsExactly("services[0].config.db_pool: db_pool must be between 1 and 30");
        assertThat(m.problemsByField()).isEqualTo(Map.of());
        assertThat(m.canFinish()).isTrue();
    }
}
