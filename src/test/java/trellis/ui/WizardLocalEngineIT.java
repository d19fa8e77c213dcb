package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.has;
import static trellis.ui.FxTesting.waitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import trellis.engine.local.LocalEngine;
import trellis.engine.local.LocalEngineTesting;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.UpdateDatabaseRequest;

/**
 * The Add Service wizard in the real console on the local engine on real Docker (the stand-in
 * image), the co-located template deployed: a person adds a PostgREST service through every page,
 * applies it, gives the passwords the engine's GET stripped, and follows the task to its end; the
 * instance then runs and the engine's spec has the service with nothing else changed. A spec
 * changed through the port meanwhile is shown as a conflict and the edit goes on top of it.
 * Skips without Docker; fails with TRELLIS_REQUIRE_DOCKER=1.
 */
@ExtendWith(ApplicationExtension.class)
class WizardLocalEngineIT {
    static DockerClient docker;
    final String db = "wiz" + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 20), 26)
            .replaceAll("[0-9]", "x");
    MainWindow window;
    LocalEngine engine;
    Stage stage;
    DatabaseSpec template;

    /** Before the window: a skip must be a skip, not an error inside the FX start-up. */
    @BeforeAll
    static void docker() {
        docker = LocalEngineTesting.requireDocker();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        engine = new LocalEngine(docker, LocalEngineTesting.standInSettings());
        var body = LocalEngineTesting.example("co-located.json", db);
        template = body.spec();
        assertThat(LocalEngineTesting.finish(engine, engine.createDatabase(body)).status()).isEqualTo("completed");
        window = EngineConsole.open(stage, engine);
    }

    @AfterEach
    void cleanUp(FxRobot robot) {
        EngineConsole.close(robot, stage, window, docker, db, engine);
    }

    private boolean running(FxRobot robot, String service) {
        return has(robot.lookup("#instance-" + db + "-" + service + "-host-1").tryQuery().orElse(null), "running");
    }

    private static void next(FxRobot robot) {
        FxTesting.wizardNext(robot);
    }

    /** From host-1's context menu through every page to Finish: PostgREST 'reports' as app on host-1. */
    @SuppressWarnings("unchecked")
    private void addReports(FxRobot robot, boolean screenshot) throws Exception {
        waitUntil("'api' running on host-1", 60, () -> running(robot, "api"));
        FxTesting.addPostgrestOn(robot, "host-1");

        TextField id = robot.lookup("#service-id").queryAs(TextField.class);
        robot.interact(id::clear);
        robot.clickOn(id).write("api");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#wizard-next").query().isDisabled()).as("a clashing id keeps Next disabled").isTrue();
        robot.interact(id::clear);
        robot.clickOn(id).write("reports");
        assertThat(robot.lookup("#service-version").queryAs(ComboBox.class).getItems()).containsExactly("14.5", "latest");
        next(robot);

        assertThat(robot.lookup(".check-box").queryAllAs(CheckBox.class).stream().filter(c -> c.getId() != null
                && c.getId().startsWith("place-")).map(c -> c.getId() + " " + c.isSelected() + " " + c.isDisabled()).toList())
                .containsExactly("place-host-1 true false");
        next(robot);

        ComboBox<String> connectAs = robot.lookup("#connect-as").queryAs(ComboBox.class);
        assertThat(connectAs.getItems()).as("exactly the database's usernames").containsExactly("admin", "app");
        robot.interact(() -> connectAs.getSelectionModel().select("app"));
        next(robot);
        next(robot);
        next(robot);
        if (screenshot) {
            FxTesting.screenshot(robot.lookup("#wizard-finish").query().getScene(), "wizard-local-engine-review");
        }
        robot.clickOn("#wizard-finish");
        waitUntil("the review of the live apply", 15, () -> robot.lookup("#review-apply").tryQuery().isPresent());
        assertThat(ReviewFxTest.items(robot, "#review-plan")).<Object>map(Object::toString).containsExactly(
                "+ add service 'reports' (postgrest 14.5) as app on host-1",
                "+ add instance of 'reports' on host-1");
    }

    /** The passwords the engine's GET stripped: asked for by name, Apply disabled while one is blank. */
    private static void giveSecrets(FxRobot robot) {
        waitUntil("the secrets asked for", 15, () -> robot.lookup("#secret-app").tryQuery().isPresent());
        assertThat(robot.lookup(".password-field").queryAll().stream().map(Node::getId).toList())
                .containsExactly("secret-admin", "secret-app");
        robot.clickOn("#secret-admin").write("typed-admin");
        assertThat(robot.lookup("#secret-send").query().isDisabled()).as("never sent blank").isTrue();
        robot.clickOn("#secret-app").write("typed-app");
        robot.clickOn("#secret-send");
        waitUntil("the review closes", 15, () -> robot.lookup("#review-apply").tryQuery().isEmpty());
    }

    /** The task in the Tasks tab to its end, the new instance running, and its conf with the typed password. */
    private void followToRunning(FxRobot robot, String... history) throws Exception {
        robot.clickOn("Tasks");
        List<String> rows = new java.util.ArrayList<>(List.of("update  " + db + "  completed  M:SS"));
        for (String kind : history) {
            rows.add(kind + "  " + db + "  completed  (history)");
        }
        waitUntil("the update completed in the Tasks tab, after the engine's history", 90,
                () -> TasksTabFxTest.rows(robot).equals(rows));
        assertThat(TasksTabFxTest.rows(robot)).isEqualTo(rows);
        waitUntil("'reports' running on host-1", 60, () -> running(robot, "reports"));
        Path conf = LocalEngineTesting.standInSettings().dataDir().resolve(db + "-reports-host-1").resolve("postgrest.conf");
        assertThat(Files.readString(conf)).contains("db-uri = \"postgresql://app:typed-app@");
    }

    /** The engine's spec through the port, as JSON, without the added service. */
    private JsonNode specWithout(String service) throws Exception {
        ObjectNode spec = (ObjectNode) Json.toTree(engine.database(db).spec()).deepCopy();
        ArrayNode services = (ArrayNode) spec.path("services");
        for (int i = services.size() - 1; i >= 0; i--) {
            if (services.get(i).path("service_id").asText().equals(service)) {
                services.remove(i);
            }
        }
        return spec;
    }

    private JsonNode reportsOnTheEngine() throws Exception {
        for (JsonNode s : Json.toTree(engine.database(db).spec()).path("services")) {
            if (s.path("service_id").asText().equals("reports")) {
                return s;
            }
        }
        return null;
    }

    @Test
    void addsAPostgrestServiceThroughEveryPageAndItRunsWithNothingElseChanged(FxRobot robot) throws Exception {
        JsonNode before = Json.toTree(engine.database(db).spec()).deepCopy();
        addReports(robot, true);
        FxTesting.screenshot(robot.lookup("#review-apply").query().getScene(), "wizard-local-engine-apply-review");
        robot.clickOn("#review-apply");
        giveSecrets(robot);
        followToRunning(robot, "create");

        assertThat(specWithout("reports")).as("every other field unchanged").isEqualTo(before);
        assertThat(reportsOnTheEngine()).isEqualTo(Json.parse("""
                {"service_id": "reports", "service_type": "postgrest", "version": "14.5", "host_ids": ["host-1"],
                 "connect_as": "app", "port": 0, "config": {"db_anon_role": "web_anon"}}"""));
        FxTesting.screenshot(stage.getScene(), "wizard-local-engine-added");
    }

    @Test
    void aSpecChangedThroughThePortMeanwhileIsShownAndTheEditGoesOnTop(FxRobot robot) throws Exception {
        addReports(robot, false);
        ObjectNode theirs = (ObjectNode) Json.toTree(template).deepCopy();
        ((ObjectNode) theirs.at("/services/0/config")).put("max_rows", 500);
        DatabaseSpec changed = Json.convert(theirs, DatabaseSpec.class);
        var task = engine.updateDatabase(db, new UpdateDatabaseRequest(null, changed, null));
        assertThat(LocalEngineTesting.finish(engine, task).status()).isEqualTo("completed");
        JsonNode before = Json.toTree(engine.database(db).spec()).deepCopy();
        int tasks = engine.tasks(db).size();

        robot.clickOn("#review-apply");
        waitUntil("the conflict", 15, () -> robot.lookup("#conflict-reapply").tryQuery().isPresent());
        assertThat(ReviewFxTest.items(robot, "#conflict-their-changes")).<Object>map(Object::toString)
                .containsExactly("~ 'api' config max_rows 1000 → 500");
        assertThat(engine.tasks(db)).as("nothing sent").hasSize(tasks);
        FxTesting.screenshot(robot.lookup("#conflict-reapply").query().getScene(), "wizard-local-engine-conflict");
        robot.clickOn("#conflict-reapply");
        giveSecrets(robot);
        followToRunning(robot, "update", "create");

        assertThat(specWithout("reports")).as("their change kept, nothing lost").isEqualTo(before);
        assertThat(before.at("/services/0/config/max_rows").asInt()).isEqualTo(500);
        assertThat(reportsOnTheEngine().path("connect_as").asText()).isEqualTo("app");
    }
}
