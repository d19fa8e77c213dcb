package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import trellis.engine.http.RestControlPlane;
import trellis.spec.DatabaseSpec;
import trellis.spec.Host;
import trellis.spec.Json;
import trellis.spec.Task;
import trellis.ui.model.SpecServer;
import trellis.ui.review.ApplyFlow;
import trellis.ui.review.ReviewView;

/** The review before apply and the safe apply's dialogs, as a person sees and answers them. */
@ExtendWith(ApplicationExtension.class)
class ReviewFxTest {
    Stage stage;
    SpecServer server;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1000, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static DatabaseSpec template() throws Exception {
        return FxTesting.example("co-located.json").spec();
    }

    /** The edit: a PostgREST 'reports' on host-2 as a new user, and api's max_rows down to 500. */
    static DatabaseSpec edited(DatabaseSpec base) {
        ObjectNode tree = (ObjectNode) Json.toTree(base).deepCopy();
        ((ObjectNode) tree.at("/services/0/config")).put("max_rows", 500);
        tree.withArray("database_users").addObject().put("username", "reporter").put("password", "pw-of-reporter")
                .putArray("attributes").add("LOGIN");
        ObjectNode svc = tree.withArray("services").addObject();
        svc.put("service_id", "reports").put("service_type", "postgrest").put("version", "14.5").put("connect_as", "reporter");
        svc.putObject("config").put("db_anon_role", "report_anon");
        svc.putArray("host_ids").add("host-2");
        return Json.convert(tree, DatabaseSpec.class);
    }

    static List<Host> hosts() {
        return List.of(new Host("host-1", "swarm", null, null, null, null, null, null, null),
                new Host("host-2", "systemd", null, null, null, null, null, null, null));
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> items(FxRobot robot, String id) {
        return List.copyOf(robot.lookup(id).queryAs(ListView.class).getItems());
    }

    private ReviewView show(FxRobot robot, Theme theme, DatabaseSpec before, DatabaseSpec after) {
        AtomicReference<ReviewView> view = new AtomicReference<>();
        robot.interact(() -> {
            view.set(ReviewView.of(before, after, hosts()));
            Scene scene = new Scene(view.get(), 1000, 760);
            theme.apply(scene);
            stage.setScene(scene);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return view.get();
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theReviewSaysThePlanTheDiffTheGrantsAndWhatNeedsAPerson(Theme theme, FxRobot robot) throws Exception {
        DatabaseSpec before = template();
        show(robot, theme, before, edited(before));

        assertThat(items(robot, "#review-plan")).<Object>map(Object::toString).containsExactly(
                "+ add database user reporter",
                "~ 'api' config max_rows 1000 → 500",
                "+ add service 'reports' (postgrest 14.5) as reporter on host-2",
                "+ add instance of 'reports' on host-2");
        assertThat(items(robot, "#review-grants")).<Object>map(Object::toString).containsExactly(
                "+ ALTER ROLE reporter WITH NOINHERIT   (reports, on the primary of n1)",
                "+ GRANT CONNECT ON DATABASE storefront TO reporter   (reports, on the primary of n1)",
                "+ GRANT report_anon TO reporter   (reports, on the primary of n1)");
        assertThat(robot.lookup("#review-warnings").queryAs(javafx.scene.layout.VBox.class).getChildren())
                .map(n -> ((Label) n).getText()).containsExactly(
                "PostgREST needs the role report_anon to exist on every node (n1); the local engine creates it on the nodes it"
                        + " runs itself, elsewhere (a Control Plane, a server you attach) run CREATE ROLE report_anon NOLOGIN;"
                        + " where it is missing",
                "services are not supported on systemd hosts: service 'reports' is placed on host-2; "
                        + "place it on a Docker Swarm host instead");
        List<Object> left = items(robot, "#review-diff-before");
        List<Object> right = items(robot, "#review-diff-after");
        assertThat(left).hasSameSizeAs(right);
        String shown = right.stream().map(r -> ((trellis.ui.model.SpecDiff.Row) r).after()).filter(java.util.Objects::nonNull)
                .reduce("", (a, b) -> a + "\n" + b) + left.stream().map(r -> ((trellis.ui.model.SpecDiff.Row) r).before())
                .filter(java.util.Objects::nonNull).reduce("", (a, b) -> a + "\n" + b);
        assertThat(shown).contains("\"password\" : \"••••\"", "\"max_rows\" : 500", "\"username\" : \"reporter\"")
                .doesNotContain("change-me-app", "pw-of-reporter");
        FxTesting.screenshot(stage.getScene(), "review-" + theme.name().toLowerCase());
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void aSpecChangedMeanwhileIsShownAndTheEditGoesOnTopWhenThePersonSaysSo(Theme theme, FxRobot robot) throws Exception {
        DatabaseSpec file = template();
        server = new SpecServer("storefront", Json.toTree(file));
        RestControlPlane cp = new RestControlPlane(server.uri());
        DatabaseSpec base = cp.database("storefront").spec();
        JsonNode theirs = server.spec();
        ((ObjectNode) theirs.at("/services/0")).put("version", "14.6");
        server.replace(theirs);
        ReviewView review = show(robot, theme, base, edited(base));
        AtomicReference<Task> sent = new AtomicReference<>();
        robot.interact(() -> new ApplyFlow(TaskRunner.standard(), cp, "storefront", stage, review, List.of(file),
                sent::set, () -> { }).apply(base, edited(base)));

        waitUntil("conflict dialog", 10, () -> robot.lookup("#conflict-their-changes").tryQuery().isPresent());
        assertThat(items(robot, "#conflict-their-changes")).<Object>map(Object::toString)
                .containsExactly("~ 'api' version 14.5 → 14.6");
        assertThat(items(robot, "#conflict-overlaps")).<Object>map(Object::toString).containsExactly(
                "service 'api': changed there too; your version replaces theirs");
        assertThat(server.updates()).isEmpty();
        Window dialog = robot.lookup("#conflict-reapply").query().getScene().getWindow();
        FxTesting.screenshot(dialog.getScene(), "review-conflict-" + theme.name().toLowerCase());
        robot.clickOn("#conflict-reapply");

        waitUntil("sent", 10, () -> sent.get() != null);
        JsonNode body = Json.parse(server.updates().get(0)).get("spec");
        assertThat(body.at("/services/0/config/max_rows").asInt()).isEqualTo(500);
        assertThat(body.at("/database_users/1/password").asText()).isEqualTo("change-me-app");
        assertThat(body.at("/database_users/2/password").asText()).isEqualTo("pw-of-reporter");
    }

    @Test
    void aMissingSecretIsAskedForAndARefusalIsShownAtTheReview(FxRobot robot) throws Exception {
        DatabaseSpec file = template();
        server = new SpecServer("storefront", Json.toTree(file));
        RestControlPlane cp = new RestControlPlane(server.uri());
        DatabaseSpec base = cp.database("storefront").spec();
        ReviewView review = show(robot, Theme.LIGHT, base, edited(base));
        server.failNext(400, "invalid_input", "services[1].config.db_anon_role: role report_anon does not exist");
        robot.interact(() -> new ApplyFlow(TaskRunner.standard(), cp, "storefront", stage, review, List.of(),
                t -> { }, () -> { }).apply(base, edited(base)));

        waitUntil("secret prompt", 10, () -> robot.lookup("#secret-app").tryQuery().isPresent());
        assertThat(robot.lookup("#secret-admin").tryQuery()).isPresent();
        assertThat(robot.lookup("#secret-reporter").tryQuery()).as("the edit has that one").isEmpty();
        assertThat(robot.lookup("#secret-send").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#secret-admin").write("typed-admin");
        assertThat(robot.lookup("#secret-send").queryAs(Button.class).isDisabled()).as("app still blank").isTrue();
        robot.clickOn("#secret-app").write("typed-app");
        robot.clickOn("#secret-send");

        waitUntil("refusal shown", 10, () -> !robot.lookup("#review-error").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#review-error").queryAs(Label.class).getText()).isEqualTo(
                "The Control Plane refused the request as invalid: services[1].config.db_anon_role: role report_anon does not exist. "
                        + "Your edit is kept: change it and apply again.");
        assertThat(server.updates()).hasSize(1);
        JsonNode body = Json.parse(server.updates().get(0)).get("spec");
        assertThat(body.at("/database_users/0/password").asText()).isEqualTo("typed-admin");
        assertThat(body.at("/database_users/1/password").asText()).isEqualTo("typed-app");
        assertThat(robot.lookup("#secret-app").tryQuery()).isEmpty();
        assertThat(server.spec()).isEqualTo(Json.toTree(file));
    }
}
