package trellis.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import trellis.engine.ControlPlane;
import trellis.engine.LocalEngineAdmin;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;
import trellis.spec.Host;
import trellis.spec.HostStatus;
import trellis.spec.Json;
import trellis.spec.Secrets;

/** What the console decides without a window: spec edits, secrets, where and what to deploy, what to say of the engine. */
class ConsoleModelTest {
    static final String BODY = trellis.TestSpecs.SHOP;

    static CreateDatabaseRequest body() throws Exception {
        return Json.MAPPER.readValue(BODY, CreateDatabaseRequest.class);
    }

    static DatabaseSpec stripped(DatabaseSpec spec) {
        return Json.convert(Secrets.strip(Json.toTree(spec)), DatabaseSpec.class);
    }

    @Test
    void removingAServiceFromALiveSpecPutsTheSecretsBackFromTheOpenFile() throws Exception {
        DatabaseSpec file = body().spec();
        DatabaseSpec next = SpecEdits.withoutService(stripped(file), "api", List.of(file));
        assertThat(next.services()).extracting(s -> s.serviceId()).containsExactly("mcp");
        assertThat(Secrets.missing(Json.toTree(next))).isEmpty();
        assertThat(Json.write(next)).contains("pw-of-app", "sk-test");
    }

    @Test
    void removingAServiceWithoutTheSecretsNamesThemAndSendsNothing() throws Exception {
        DatabaseSpec live = stripped(body().spec());
        assertThatThrownBy(() -> SpecEdits.withoutService(live, "api", List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the update would lose these secrets: database_users[0].password (user 'app').")
                .hasMessageEndingWith("Open the database's spec file (File > Open) so Trellis can send them again.");
    }

    @Test
    void removingAServiceFromADraftLeavesTheRestAsItWas() throws Exception {
        DatabaseSpec spec = body().spec();
        DatabaseSpec next = SpecEdits.withoutService(spec, "mcp");
        assertThat(next.services()).extracting(s -> s.serviceId()).containsExactly("api");
        assertThat(next.databaseUsers()).isEqualTo(spec.databaseUsers());
        assertThat(spec.services()).as("the input is not changed").hasSize(2);
        assertThat(SpecEdits.withoutService(spec, "nope").services()).hasSize(2);
    }

    @Test
    void theLocalEngineIsPreferredElseTheFirstControlPlane() {
        ControlPlane rest = (ControlPlane) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ControlPlane.class}, (p, m, a) -> null);
        LocalEngineAdmin local = (LocalEngineAdmin) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{LocalEngineAdmin.class}, (p, m, a) -> null);
        assertThat(Deployment.target(List.of(rest, local))).containsSame(local);
        assertThat(Deployment.target(List.of(rest))).containsSame(rest);
        assertThat(Deployment.target(List.of())).isEmpty();
    }

    @Test
    void theDeployQuestionSaysCreateOrUpdateAndListsThePlan() throws Exception {
        CreateDatabaseRequest body = body();
        var create = Deployment.confirmation(body, "shop", null, "Local engine");
        assertThat(create.header()).isEqualTo("Create database 'shop' on Local engine?");
        assertThat(create.text()).contains("api", "mcp").endsWith("\n\nRemoving a service never drops its connect_as user.");

        Database same = new Database("shop", null, "available", null, null, body.spec(), List.of(), List.of(), null);
        var update = Deployment.confirmation(body, "shop", same, "Local engine");
        assertThat(update.header()).isEqualTo("Update database 'shop' on Local engine?");
        assertThat(update.text()).isEqualTo("No changes.");

        Database withoutMcp = new Database("shop", null, "available", null, null, SpecEdits.withoutService(body.spec(), "mcp"),
                List.of(), List.of(), null);
        assertThat(Deployment.confirmation(body, "shop", withoutMcp, "cp").text()).contains("mcp").doesNotContain("api");
    }

    static Host host(String state, String dockerJson) throws Exception {
        var components = Json.MAPPER.createObjectNode();
        components.set("docker", Json.MAPPER.readTree(dockerJson));
        return new Host("host-2", null, null, null, null, null, null, new HostStatus(state, null, components, null), null);
    }

    @Test
    void aBoundHostSaysWhichDockerAnsweredOrThatNoneDid() throws Exception {
        var ok = EngineReports.hostBound("host-2", "tcp://10.0.0.5:2376", host("healthy", "{\"details\": {\"version\": \"27.1\"}}"));
        assertThat(ok.logLine()).isEqualTo("host-2: bound to tcp://10.0.0.5:2376 (Docker 27.1)");
        assertThat(ok.alerts()).isFalse();

        var down = EngineReports.hostBound("host-2", "tcp://10.0.0.5:2376", host("unreachable", "{\"error\": \"connection refused\"}"));
        assertThat(down.logLine()).isEqualTo("host-2: bound to tcp://10.0.0.5:2376, which does not answer: connection refused");
        assertThat(down.alerts()).isTrue();
        assertThat(down.alertHeader()).isEqualTo("The Docker engine of host-2 does not answer");
        assertThat(down.alertText()).startsWith("tcp://10.0.0.5:2376 refused or timed out. The binding is kept");
    }

    @Test
    void aSpecFileIsACreateBodyWithItsProblems() throws Exception {
        Path dir = Files.createTempDirectory("trellis-model");
        Path good = Files.writeString(dir.resolve("shop.json"), BODY);
        var opened = SpecFiles.read(good);
        assertThat(opened.body().id()).isEqualTo("shop");
        assertThat(opened.path()).isEqualTo(good);

        Path bare = Files.writeString(dir.resolve("bare.json"), "{\"database_name\": \"shop\"}");
        assertThatThrownBy(() -> SpecFiles.read(bare)).hasMessage("bare.json has no \"spec\": expected a create body {id, spec}");
        assertThatThrownBy(() -> SpecFiles.read(dir)).hasMessageEndingWith(" is not a file");
    }

}
