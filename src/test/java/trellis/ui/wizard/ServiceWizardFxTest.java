package trellis.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.ServiceSpec;
import trellis.ui.Theme;
import trellis.ui.action.ActionManager;
import trellis.ui.model.SpecDraft;

/** The Add Service wizard clicked through as a person would, in a real scene; screenshots of each page in both themes. */
@ExtendWith(ApplicationExtension.class)
class ServiceWizardFxTest {
    Stage stage;
    final ActionManager actions = new ActionManager();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    /** A failed test leaves no wizard open for the next one to find. */
    @org.junit.jupiter.api.AfterEach
    void closeWizards(FxRobot robot) {
        robot.interact(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != stage).forEach(javafx.stage.Window::hide));
    }

    static void waitUntil(String what, long seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                boolean[] ok = new boolean[1];
                WaitForAsyncUtils.asyncFx(() -> ok[0] = condition.getAsBoolean()).get();
                return ok[0];
            });
        } catch (Exception e) {
            throw new AssertionError("waited " + seconds + " s for: " + what, e);
        }
    }

    static void screenshot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = robot.lookup("#wizard-cancel").query().getScene();
        Path dir = Path.of(System.getProperty("trellis.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        File f = dir.resolve(name + ".png").toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", f);
    }

    private ServiceEditing editing(Theme theme) {
        return new ServiceEditing(actions, () -> stage, () -> theme);
    }

    private void open(java.util.function.Supplier<ServiceWizard> wizard, FxRobot robot, String firstId) {
        Platform.runLater(() -> wizard.get().showAndWait());
        waitUntil("the wizard's first page", 15, () -> robot.lookup(firstId).tryQuery().isPresent());
    }

    private static boolean nextDisabled(FxRobot robot) {
        return robot.lookup("#wizard-next").query().isDisabled();
    }

    private static void type(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(f::clear);
        click(robot, id).write(text);
    }

    /** Clicks a field as a person would, scrolling the page to it first as a person would. */
    private static org.testfx.api.FxRobotInterface click(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        robot.interact(() -> {
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane scroll) {
                    Bounds inContent = scroll.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                    double free = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                    if (free > 0) {
                        scroll.setVvalue(Math.max(0, Math.min(1, (inContent.getMinY() - 40) / free)));
                    }
                    scroll.layout();
                    break;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.clickOn(n);
    }

    private static void next(FxRobot robot) {
        assertThat(nextDisabled(robot)).as("Next is enabled").isFalse();
        robot.clickOn("#wizard-next");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static void pick(FxRobot robot, String id, String value) {
        ComboBox<String> box = robot.lookup(id).queryAs(ComboBox.class);
        robot.interact(() -> box.getSelectionModel().select(value));
    }

    @Test
    void addsAPostgrestServiceToTheCoLocatedTemplateThroughEveryPageThenUndoAndRedo(FxRobot robot) throws Exception {
        walkPostgrest(robot, Theme.LIGHT, "");
    }

    @Test
    void theSamePagesInTheDarkTheme(FxRobot robot) throws Exception {
        walkPostgrest(robot, Theme.DARK, "-dark");
    }

    @SuppressWarnings("unchecked")
    private void walkPostgrest(FxRobot robot, Theme theme, String suffix) throws Exception {
        CreateDatabaseRequest body = ServiceWizardModelTest.template("co-located");
        SpecDraft draft = new SpecDraft(body.spec());
        open(() -> editing(theme).addService(draft, body.id(), null), robot, "#service-type-postgrest");
        assertThat(robot.lookup("#wizard-back").query().isDisabled()).isTrue();
        robot.clickOn("#service-type-postgrest");
        screenshot(robot, "wizard-1-type" + suffix);
        next(robot);

        type(robot, "#service-id", "Rest!");
        assertThat(robot.lookup("#service-id-error").queryAs(Label.class).getText()).isEqualTo("valid IDs must be 1-36 "
                + "characters long, contain only lowercase letters, digits, and hyphens, start and end with a letter or "
                + "digit, and not contain two consecutive hyphens");
        assertThat(nextDisabled(robot)).as("Next while the id is invalid").isTrue();
        screenshot(robot, "wizard-error-service-id" + suffix);
        type(robot, "#service-id", "rest");
        assertThat(robot.lookup("#service-id-error").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#service-version").queryAs(ComboBox.class).getItems()).containsExactly("14.5", "latest");
        screenshot(robot, "wizard-2-identity" + suffix);
        next(robot);

        assertThat(nextDisabled(robot)).as("no host picked yet").isTrue();
        assertThat(robot.lookup("#place-host-1").queryAs(CheckBox.class).getText()).isEqualTo("host-1  (runs node n1)");
        robot.clickOn("#place-host-1");
        assertThat(robot.lookup("#placement-hint").queryAs(Label.class).getText())
                .isEqualTo("Co-located: one instance on host-1, beside database node n1.");
        screenshot(robot, "wizard-3-placement" + suffix);
        next(robot);

        ComboBox<String> connectAs = robot.lookup("#connect-as").queryAs(ComboBox.class);
        assertThat(connectAs.getItems()).containsExactly("admin", "app");
        assertThat(nextDisabled(robot)).as("no connect_as yet").isTrue();
        assertThat(robot.lookup("#connect-as-error").queryAs(Label.class).getText())
                .isEqualTo("connect_as is required; pick one of the database_users (known: admin, app)");
        robot.clickOn("#new-database-user");
        type(robot, "#new-user-name", "rest_user");
        robot.clickOn("#new-user-password").write("pw-rest-1");
        assertThat((Object) robot.lookup("#new-user-password").query()).isInstanceOf(PasswordField.class);
        type(robot, "#new-user-roles", "web_anon");
        screenshot(robot, "wizard-4-connect-as-new-user" + suffix);
        robot.clickOn("#add-database-user");
        assertThat(connectAs.getItems()).containsExactly("admin", "app", "rest_user");
        assertThat(connectAs.getValue()).isEqualTo("rest_user");
        screenshot(robot, "wizard-4-connect-as" + suffix);
        next(robot);

        assertThat(robot.lookup("#config-db-anon-role").queryAs(TextField.class).getText()).isEqualTo("web_anon");
        assertThat(robot.lookup("#config-db-pool").queryAs(TextField.class).getPromptText()).isEqualTo("10 (default), 1 to 30");
        assertThat((Object) robot.lookup("#config-jwt-secret").query()).isInstanceOf(PasswordField.class);
        type(robot, "#config-db-pool", "50");
        assertThat(robot.lookup("#config-db-pool-error").queryAs(Label.class).getText()).isEqualTo("db_pool must be between 1 and 30");
        assertThat(nextDisabled(robot)).isTrue();
        screenshot(robot, "wizard-error-db-pool" + suffix);
        type(robot, "#config-db-pool", "20");
        type(robot, "#config-db-schemas", "api");
        screenshot(robot, "wizard-5-config-postgrest" + suffix);
        next(robot);

        robot.clickOn("#port-fixed");
        type(robot, "#service-port", "70000");
        assertThat(robot.lookup("#service-port-error").queryAs(Label.class).getText()).isEqualTo("must have a maximum value of 65535");
        type(robot, "#service-port", "8081");
        screenshot(robot, "wizard-6-resources" + suffix);
        next(robot);

        assertThat(robot.lookup("#wizard-plan").queryAs(TextArea.class).getText()).isEqualTo(String.join("\n",
                "+ add database user rest_user",
                "+ add service 'rest' (postgrest 14.5) as rest_user on host-1",
                "+ add instance of 'rest' on host-1",
                "+ ALTER ROLE rest_user NOINHERIT  -- for 'rest', on every primary",
                "+ GRANT CONNECT ON DATABASE storefront TO rest_user  -- for 'rest', on every primary",
                "+ GRANT web_anon TO rest_user  -- for 'rest', on every primary"));
        screenshot(robot, "wizard-7-review" + suffix);
        robot.clickOn("#wizard-finish");
        waitUntil("the wizard closes and the edit is in the draft", 10, () -> draft.spec().services().size() == 2);
        ServiceSpec added = draft.spec().services().get(1);
        assertThat(added.serviceId()).isEqualTo("rest");
        assertThat(added.hostIds()).containsExactly("host-1");
        assertThat(added.connectAs()).isEqualTo("rest_user");
        assertThat(added.port()).isEqualTo(8081);
        assertThat(added.config().toString()).isEqualTo("{\"db_anon_role\":\"web_anon\",\"db_pool\":20,\"db_schemas\":\"api\"}");
        assertThat(draft.spec().databaseUsers()).extracting(trellis.spec.DatabaseUser::username).containsExactly("admin", "app", "rest_user");
        assertThat((String) actions.undoTextProperty().get()).isEqualTo("Undo add service 'rest'");

        robot.interact(actions::undo);
        assertThat(draft.spec().services()).extracting(ServiceSpec::serviceId).containsExactly("api");
        assertThat(draft.spec().databaseUsers()).hasSize(2);
        robot.interact(actions::redo);
        assertThat(draft.spec().services()).extracting(ServiceSpec::serviceId).containsExactly("api", "rest");
    }

    @Test
    void editsAServicesHosts(FxRobot robot) throws Exception {
        CreateDatabaseRequest body = ServiceWizardModelTest.template("multiple-instances");
        SpecDraft draft = new SpecDraft(body.spec());
        open(() -> editing(Theme.LIGHT).editService(draft, body.id(), "api"), robot, "#service-type-postgrest");
        assertThat(robot.lookup("#service-type-mcp").query().isDisabled()).as("the type stays").isTrue();
        next(robot);
        assertThat(robot.lookup("#service-id").queryAs(TextField.class).isEditable()).as("the id stays").isFalse();
        next(robot);
        assertThat(robot.lookup("#place-host-1").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#place-host-2").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#placement-hint").queryAs(Label.class).getText())
                .isEqualTo("Multiple instances: one on each of host-1, host-2, all connecting as the same connect_as user.");
        robot.clickOn("#place-host-2");
        assertThat(robot.lookup("#placement-hint").queryAs(Label.class).getText())
                .isEqualTo("Co-located: one instance on host-1, beside database node n1.");
        for (int i = 0; i < 4; i++) {
            next(robot);
        }
        assertThat(robot.lookup("#wizard-plan").queryAs(TextArea.class).getText()).isEqualTo("- remove instance of 'api' from host-2");
        robot.clickOn("#wizard-finish");
        waitUntil("the edit is in the draft", 10, () -> draft.spec().services().get(0).hostIds().size() == 1);
        assertThat(draft.spec().services().get(0).hostIds()).containsExactly("host-1");
        assertThat((String) actions.undoTextProperty().get()).isEqualTo("Undo edit service 'api'");
        robot.interact(actions::undo);
        assertThat(draft.spec().services().get(0).hostIds()).containsExactly("host-1", "host-2");
    }

    @Test
    void addsAnMcpServiceWithAnLlm(FxRobot robot) throws Exception {
        CreateDatabaseRequest body = ServiceWizardModelTest.template("separate-host");
        SpecDraft draft = new SpecDraft(body.spec());
        open(() -> editing(Theme.LIGHT).addService(draft, body.id(), null), robot, "#service-type-mcp");
        robot.clickOn("#service-type-mcp");
        next(robot);
        type(robot, "#service-id", "assistant");
        next(robot);
        robot.clickOn("#place-" + draft.spec().nodes().get(0).hostIds().get(0));
        next(robot);
        pick(robot, "#connect-as", "app");
        next(robot);
        assertThat(robot.lookup("#config-llm-provider").query().isDisabled()).as("LLM off: its fields do not apply").isTrue();
        robot.clickOn("#config-llm-enabled");
        pick(robot, "#config-llm-provider", "anthropic");
        type(robot, "#config-llm-model", "claude-sonnet-4-5");
        assertThat(robot.lookup("#config-anthropic-api-key-error").queryAs(Label.class).getText())
                .isEqualTo("anthropic_api_key is required when llm_provider is \"anthropic\"");
        assertThat(robot.lookup("#config-openai-api-key").query().isDisabled()).isTrue();
        assertThat(nextDisabled(robot)).isTrue();
        click(robot, "#config-anthropic-api-key").write("sk-ant-test");
        screenshot(robot, "wizard-5-config-mcp");
        next(robot);
        next(robot);
        robot.clickOn("#wizard-finish");
        waitUntil("the edit is in the draft", 10, () -> draft.spec().services().size() == 2);
        assertThat(draft.spec().services().get(1).config().toString()).isEqualTo(
                "{\"llm_enabled\":true,\"llm_provider\":\"anthropic\",\"llm_model\":\"claude-sonnet-4-5\",\"anthropic_api_key\":\"sk-ant-test\"}");
    }

    /** init_token and init_users: password fields, on create only, kept by Save only with its secrets. */
    @Test
    void anMcpServicesInitialTokenAndUsersOnCreateOnly(FxRobot robot) throws Exception {
        CreateDatabaseRequest body = ServiceWizardModelTest.template("separate-host");
        SpecDraft draft = new SpecDraft(body.spec());
        open(() -> editing(Theme.LIGHT).addService(draft, body.id(), null), robot, "#service-type-mcp");
        robot.clickOn("#service-type-mcp");
        next(robot);
        type(robot, "#service-id", "assistant");
        next(robot);
        robot.clickOn("#place-" + draft.spec().nodes().get(0).hostIds().get(0));
        next(robot);
        pick(robot, "#connect-as", "app");
        next(robot);
        robot.interact(() -> robot.lookup("#mcp-first-start").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat((Object) robot.lookup("#config-init-token").query()).isInstanceOf(javafx.scene.control.PasswordField.class);
        click(robot, "#config-init-token").write("first-token-0123");
        click(robot, "#add-init-user");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat((Object) robot.lookup("#config-init-users-0-password").query()).isInstanceOf(javafx.scene.control.PasswordField.class);
        assertThat(robot.lookup("#config-init-users-0-username-error").queryAs(Label.class).getText())
                .isEqualTo("init_users[0].username must not be empty");
        assertThat(nextDisabled(robot)).isTrue();
        click(robot, "#config-init-users-0-username").write("alice");
        click(robot, "#config-init-users-0-password").write("alice-pw-1");
        screenshot(robot, "wizard-5-config-mcp-init");
        next(robot);
        next(robot);
        robot.clickOn("#wizard-finish");
        waitUntil("the edit is in the draft", 10, () -> draft.spec().services().size() == 2);
        assertThat(draft.spec().services().get(1).config().toString()).isEqualTo(
                "{\"init_token\":\"first-token-0123\",\"init_users\":[{\"username\":\"alice\",\"password\":\"alice-pw-1\"}]}");

        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("trellis-init");
        CreateDatabaseRequest edited = new CreateDatabaseRequest(body.id(), body.tenantId(), draft.spec(), body.extra());
        trellis.ui.model.SpecSaving.save(dir.resolve("with.json"), edited, true);
        trellis.ui.model.SpecSaving.save(dir.resolve("without.json"), edited, false);
        assertThat(trellis.spec.Json.MAPPER.readTree(dir.resolve("with.json").toFile()).at("/spec/services/1/config").toString())
                .isEqualTo("{\"init_token\":\"first-token-0123\",\"init_users\":[{\"username\":\"alice\",\"password\":\"alice-pw-1\"}]}");
        assertThat(java.nio.file.Files.readString(dir.resolve("without.json"))).doesNotContain("init_token", "init_users", "alice");

        // editing the service: the server owns them now
        open(() -> editing(Theme.LIGHT).editService(draft, body.id(), "assistant"), robot, "#service-type-mcp");
        next(robot);
        next(robot);
        next(robot);
        next(robot);
        assertThat(robot.lookup("#config-init-token").tryQuery()).isEmpty();
        assertThat(robot.lookup("#add-init-user").tryQuery()).isEmpty();
    }

    @Test
    void addsARagServiceWithOnePipeline(FxRobot robot) throws Exception {
        CreateDatabaseRequest body = ServiceWizardModelTest.template("co-located");
        SpecDraft draft = new SpecDraft(body.spec());
        open(() -> editing(Theme.LIGHT).addService(draft, body.id(), "host-1"), robot, "#service-type-rag");
        robot.clickOn("#service-type-rag");
        next(robot);
        assertThat(robot.lookup("#service-id").queryAs(TextField.class).getText()).isEqualTo("rag");
        next(robot);
        assertThat(robot.lookup("#place-host-1").queryAs(CheckBox.class).isSelected()).as("opened from host-1").isTrue();
        next(robot);
        pick(robot, "#connect-as", "app");
        next(robot);
        assertThat(nextDisabled(robot)).as("an empty pipeline").isTrue();
        type(robot, "#config-pipelines-0-tables-0-table", "public.docs");
        type(robot, "#config-pipelines-0-tables-0-text-column", "body");
        type(robot, "#config-pipelines-0-tables-0-vector-column", "embedding");
        type(robot, "#config-pipelines-0-embedding-llm-model", "text-embedding-3-small");
        click(robot, "#config-pipelines-0-embedding-llm-api-key").write("sk-openai");
        type(robot, "#config-pipelines-0-rag-llm-model", "claude-sonnet-4-5");
        click(robot, "#config-pipelines-0-rag-llm-api-key").write("sk-ant");
        type(robot, "#config-pipelines-0-top-n", "5");
        type(robot, "#config-pipelines-0-token-budget", "4000");
        screenshot(robot, "wizard-5-config-rag");
        next(robot);
        next(robot);
        robot.clickOn("#wizard-finish");
        waitUntil("the edit is in the draft", 10, () -> draft.spec().services().size() == 2);
        assertThat(draft.spec().services().get(1).config().toString()).isEqualTo("{\"pipelines\":[{\"name\":\"default\","
                + "\"tables\":[{\"table\":\"public.docs\",\"text_column\":\"body\",\"vector_column\":\"embedding\"}],"
                + "\"embedding_llm\":{\"provider\":\"openai\",\"model\":\"text-embedding-3-small\",\"api_key\":\"sk-openai\"},"
                + "\"rag_llm\":{\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4-5\",\"api_key\":\"sk-ant\"},"
                + "\"top_n\":5,\"token_budget\":4000}]}");
    }
}
