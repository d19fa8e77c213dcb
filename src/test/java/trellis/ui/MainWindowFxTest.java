package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.engine.LocalEngineDetection;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;

/** The main window with its background work run by the test, step by step, on a thread that is not the FX thread. */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
    static final String BODY = trellis.TestSpecs.SHOP;
    final TestServices.DeferredRunner work = new TestServices.DeferredRunner();
    final TestServices.RecordingDialogs dialogs = new TestServices.RecordingDialogs();
    MainWindow window;
    Path file;
    CreateDatabaseRequest body;

    @Start
    void start(Stage stage) throws Exception {
        file = Files.createTempDirectory("trellis-window").resolve("shop.json");
        Files.writeString(file, BODY);
        body = Json.MAPPER.readValue(BODY, CreateDatabaseRequest.class);
        window = ConsoleApp.createWindow(stage, new ConsoleServices(FxTesting.freshSettings(), work.runner, dialogs,
                LocalEngineDetection.none(), trellis.engine.http.RestControlPlane::new), Theme.LIGHT);
        stage.show();
        window.setPaused(true); // pollers are made but not started: nothing runs that the test did not ask for
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::shutdown);
    }

    /** The database as a GET returns it: secrets stripped. */
    private ScriptedControlPlane liveShop() {
        var stripped = Json.convert(trellis.spec.Secrets.strip(Json.toTree(body.spec())), trellis.spec.DatabaseSpec.class);
        return new ScriptedControlPlane(new trellis.spec.Database("shop", null, "available", null, null, stripped,
                List.of(), List.of(), null));
    }

    @Test
    void removeServiceTakesTheSecretsOfTheFilesOpenWhenAskedNotWhenTheWorkRuns(FxRobot robot) {
        robot.interact(() -> window.openFile(file));
        work.drain();
        ScriptedControlPlane cp = liveShop();
        robot.interact(() -> window.addControlPlane(cp));
        work.drain();

        robot.interact(() -> window.removeService(cp, "shop", "api"));
        // the file is closed before the work runs: the secrets were read from the tree when asked
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TreeView<Object> tree = (TreeView<Object>) robot.lookup(".sources-tree").query();
            tree.getRoot().getChildren().get(0).getChildren().clear();
        });
        work.drain();

        assertThat(dialogs.errors).isEmpty();
        assertThat(cp.updates).hasSize(1);
        String sent = Json.write(cp.updates.get(0).spec());
        assertThat(sent).contains("pw-of-app", "sk-test", "\"mcp\"").doesNotContain("\"api\"");
        assertThat(window.events()).anySatisfy(e -> assertThat(e).contains("removing service api from shop"));
    }

    /** File > New from template > the item, by mouse; a menu's items are shown in popups made anew each time. */
    private static void chooseTemplate(FxRobot robot, String itemId) {
        robot.clickOn("File");
        robot.clickOn(shown(robot, "#new-from-template-menu"));
        // across into the submenu first, as a person does: a diagonal path crosses the File menu's
        // other items, which closes the submenu
        robot.moveTo(shown(robot, "#template-co-located-item"));
        robot.clickOn(shown(robot, itemId));
    }

    private static javafx.scene.Node shown(FxRobot robot, String id) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).match((javafx.scene.Node n) -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing() && n.isVisible()).queryAs(javafx.scene.Node.class);
    }

    @Test
    void newFromTemplateWritesTheShippedTemplateAndOpensItsPlannedPicture(FxRobot robot) throws Exception {
        Path target = Files.createTempDirectory("trellis-new").resolve("my-shop.json");
        dialogs.specTarget = Optional.of(target);
        chooseTemplate(robot, "#template-multiple-instances-item");
        work.drain(); // the write
        work.drain(); // the open it asks for
        assertThat(dialogs.specTargetOffers).containsExactly("multiple-instances.json");
        assertThat(dialogs.textQuestions).containsExactly("Database id of the new spec (PostgREST on every node's host)");
        assertThat(Files.readAllBytes(target)).as("byte for byte the template the jar ships")
                .isEqualTo(Files.readAllBytes(trellis.TestFiles.example("multiple-instances.json")));
        assertThat(dialogs.errors).isEmpty();
        assertThat(window.events()).anySatisfy(e -> assertThat(e)
                .contains("New spec my-shop.json from template 'multiple-instances' (PostgREST on every node's host)"));
        assertThat(window.currentDatabase()).as("the new file is on screen").isNotNull();
        assertThat(window.currentDatabase().databaseId()).isEqualTo("catalog");
        assertThat(robot.lookup("#instance-catalog-api-host-1").tryQuery()).isPresent();
        assertThat(robot.lookup("#instance-catalog-api-host-2").tryQuery()).isPresent();
    }

    @Test
    void newFromTemplateTakesTheDatabaseIdAskedForAndRefusesOneTheControlPlaneWould(FxRobot robot) throws Exception {
        Path target = Files.createTempDirectory("trellis-new").resolve("orders.json");
        dialogs.specTarget = Optional.of(target);
        dialogs.textAnswers.add(Optional.of("Orders DB"));
        chooseTemplate(robot, "#template-co-located-item");
        work.drain();
        assertThat(target).doesNotExist();
        assertThat(dialogs.errors).singleElement().asString().startsWith("Cannot write orders.json: database id \"Orders DB\": ")
                .endsWith(". Choose another id, e.g. storefront-2");

        dialogs.textAnswers.add(Optional.of(" orders "));
        chooseTemplate(robot, "#template-co-located-item");
        work.drain();
        work.drain();
        var written = trellis.spec.Json.MAPPER.readTree(target.toFile());
        var shipped = (com.fasterxml.jackson.databind.node.ObjectNode) trellis.spec.Json.MAPPER.readTree(
                trellis.TestFiles.example("co-located.json").toFile());
        shipped.put("id", "orders");
        assertThat(written).as("the template with the id asked for, nothing else changed").isEqualTo(shipped);
        assertThat(window.currentDatabase().databaseId()).isEqualTo("orders");
        assertThat(robot.lookup("#instance-orders-api-host-1").tryQuery()).isPresent();
    }

    @Test
    void newFromTemplateCancelledWritesNothing(FxRobot robot) {
        dialogs.specTarget = Optional.empty();
        chooseTemplate(robot, "#template-co-located-item");
        work.drain();
        assertThat(dialogs.specTargetOffers).containsExactly("co-located.json");
        assertThat(work.queue).isEmpty();
        assertThat(window.currentDatabase()).isNull();
    }

    @Test
    void withoutAnOpenFileNothingIsSentAndTheMissingSecretsAreNamed(FxRobot robot) {
        ScriptedControlPlane cp = liveShop();
        robot.interact(() -> window.addControlPlane(cp));
        work.drain();
        robot.interact(() -> window.removeService(cp, "shop", "api"));
        work.drain();
        assertThat(cp.updates).isEmpty();
        assertThat(dialogs.errors).singleElement().asString().startsWith("Service not removed: the update would lose these secrets")
                .contains("database_users[0].password (user 'app')");
    }

    @Test
    void pollersAreKeptPerSourceNotPerControlPlaneObject(FxRobot robot) {
        ScriptedControlPlane one = liveShop();
        ScriptedControlPlane other = liveShop();
        robot.interact(() -> {
            window.addControlPlane(one);
            window.addControlPlane(one); // the same control plane added twice is two sources
            window.addControlPlane(other);
        });
        work.drain();
        List<Sources.LiveSource> sources = window.liveSourceList();
        assertThat(sources).extracting(Sources.LiveSource::id).containsExactly("live-1", "live-2", "live-3");
        robot.interact(() -> sources.forEach(s -> window.selectDatabase(new Sources.DatabaseRef(s, "shop", "available"))));
        assertThat(window.pollerKeys()).containsExactlyInAnyOrder(new Sources.PollerKey("live-1", "shop"),
                new Sources.PollerKey("live-2", "shop"), new Sources.PollerKey("live-3", "shop"));
        // selecting one again reuses its poller
        robot.interact(() -> window.selectDatabase(new Sources.DatabaseRef(sources.get(0), "shop", "available")));
        assertThat(window.pollerKeys()).hasSize(3);
    }

    /**
     * The first frame has neither the palette nor the Hosts table: the palette comes with the first
     * picture and hides whenever the view is empty again (nothing to drop a service on); the table
     * comes when the Hosts tab is first chosen.
     */
    @Test
    void thePaletteShowsOnlyOverAPictureAndTheHostsTableIsMadeWhenItsTabIsChosen(FxRobot robot) {
        assertThat(robot.lookup("#palette").tryQuery()).isEmpty();
        assertThat(robot.lookup("#hosts-table").tryQuery()).isEmpty();
        assertThat(robot.lookup(".connection-state").queryLabeled().getText()).isEqualTo("No database shown: pick one in the sources");

        robot.interact(() -> window.openFile(file));
        work.drain();
        assertThat(robot.lookup("#palette").query().isVisible()).isTrue();
        assertThat(robot.lookup("#palette-postgrest").query().isVisible()).isTrue();

        ScriptedControlPlane cp = liveShop();
        robot.interact(() -> window.addControlPlane(cp));
        work.drain();
        Sources.LiveSource live = window.liveSourceList().get(0);
        robot.interact(() -> window.selectDatabase(new Sources.DatabaseRef(live, "shop", "available")));
        work.drain();
        robot.interact(() -> window.dropSource(live)); // the picture on screen goes with its source
        assertThat(robot.lookup(".empty-hint").query().isVisible()).isTrue();
        assertThat(robot.lookup("#palette").query().isVisible()).isFalse();

        robot.clickOn("Hosts");
        assertThat(robot.lookup("#hosts-note").queryLabeled().getText())
                .isEqualTo("Select a control plane's Hosts in the sources to list its hosts.");
        assertThat(robot.lookup("#hosts-table").tryQuery()).isPresent();
    }

    private static javafx.scene.control.MenuItem menuItem(FxRobot robot, String id) {
        var bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void helpAboutShowsTheVersionsThroughTheDialogs(FxRobot robot) {
        var about = menuItem(robot, "about-menu-item");
        assertThat(about.getText()).isEqualTo("_About Trellis…");
        robot.interact(about::fire);
        work.drain();
        assertThat(dialogs.abouts).singleElement().satisfies(a -> assertThat(a)
                .startsWith("About Trellis\nTrellis " + System.getProperty("trellis.version") + "\n")
                .contains("Control Plane API contract v0.9.0", "JavaFX "));
    }

    @Test
    void theEditMenuNamesTheEditItUndoesAndIsOffWhenThereIsNone(FxRobot robot) {
        var undo = menuItem(robot, "undo-menu-item");
        var redo = menuItem(robot, "redo-menu-item");
        assertThat(undo.getText()).isEqualTo("Undo");
        assertThat(undo.isDisable()).isTrue();
        assertThat(redo.isDisable()).isTrue();
        assertThat(undo.getAccelerator()).hasToString("Shortcut+Z");
        assertThat(redo.getAccelerator()).hasToString("Shift+Shortcut+Z");

        var draft = new trellis.ui.model.SpecDraft(body.spec());
        robot.interact(() -> window.actions().run(trellis.ui.action.EditSpecAction.removeService(draft, "api")));
        assertThat(undo.getText()).isEqualTo("Undo remove service 'api'");
        assertThat(undo.isDisable()).isFalse();
        assertThat(draft.spec().services()).extracting(x -> x.serviceId()).containsExactly("mcp");

        robot.interact(undo::fire);
        assertThat(draft.spec().services()).extracting(x -> x.serviceId()).containsExactly("api", "mcp");
        assertThat(undo.isDisable()).isTrue();
        assertThat(redo.getText()).isEqualTo("Redo remove service 'api'");
        assertThat(redo.isDisable()).isFalse();

        robot.interact(redo::fire);
        assertThat(draft.spec().services()).extracting(x -> x.serviceId()).containsExactly("mcp");
        assertThat(undo.getText()).isEqualTo("Undo remove service 'api'");
    }

    @Test
    void userActionsGoThroughTheActionManagerWithoutFillingTheUndoStack(FxRobot robot) {
        ScriptedControlPlane cp = liveShop();
        robot.interact(() -> window.addControlPlane(cp));
        work.drain();
        robot.interact(() -> window.removeDatabase(cp, "shop"));
        work.drain();
        assertThat(dialogs.errors).singleElement().asString().startsWith("Not removed: ");
        assertThat(window.actions().undoDescriptions()).isEmpty();
    }

    /** A local engine that binds hosts in memory and reports each healthy, with Docker 27.1. */
    static trellis.engine.LocalEngineAdmin fakeEngine(List<String> bound) {
        return (trellis.engine.LocalEngineAdmin) java.lang.reflect.Proxy.newProxyInstance(MainWindowFxTest.class.getClassLoader(),
                new Class<?>[]{trellis.engine.LocalEngineAdmin.class}, (p, m, a) -> switch (m.getName()) {
                    case "displayName" -> "Local engine";
                    case "databases" -> List.of();
                    case "hostBindings" -> java.util.Map.of();
                    case "bindHost" -> {
                        bound.add(a[0] + "=" + a[1]);
                        yield null;
                    }
                    case "hosts" -> {
                        var components = Json.MAPPER.createObjectNode();
                        components.set("docker", Json.parse("{\"details\": {\"version\": \"27.1\"}}"));
                        yield List.of(new trellis.spec.Host("host-2", null, null, null, null, null, null,
                                new trellis.spec.HostStatus("healthy", null, components, null), null));
                    }
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    case "toString" -> "fake local engine";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void bindHostAsksWithThisMachinesEngineAndBindsOnTheLocalEngine(FxRobot robot) {
        List<String> bound = new java.util.ArrayList<>();
        robot.interact(() -> window.addControlPlane(fakeEngine(bound)));
        work.drain();
        dialogs.hostAnswer = java.util.Optional.of(new HostDialog.Request("host-2", "tcp://10.0.0.5:2376"));
        robot.interact(() -> menuItem(robot, "bindHostItem").fire());
        assertThat(dialogs.hostOffers).containsExactly("[] unix:///var/run/docker.sock");
        work.drain();
        assertThat(bound).containsExactly("host-2=tcp://10.0.0.5:2376");
        assertThat(window.events()).anySatisfy(e -> assertThat(e).endsWith("  host-2: bound to tcp://10.0.0.5:2376 (Docker 27.1)"));
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void withoutALocalEngineTheEngineMenuSaysHowToGetOne(FxRobot robot) {
        robot.interact(() -> menuItem(robot, "bindHostItem").fire());
        robot.interact(() -> menuItem(robot, "nodeItem").fire());
        assertThat(dialogs.errors).hasSize(2).allSatisfy(e -> assertThat(e).startsWith("No local engine: No Docker engine answers"));
        assertThat(dialogs.hostOffers).isEmpty();
    }
}
