package trellis.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trellis.TestFiles;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.Secrets;
import trellis.topology.DraftMarks;
import trellis.topology.InstanceEdits;

class DraftStoreTest {
    @TempDir
    Path dir;

    private static DatabaseSpec template(String name) throws Exception {
        return Json.MAPPER.readValue(TestFiles.example(name).toFile(), CreateDatabaseRequest.class).spec();
    }

    @Test
    void aDraftComesBackAsItWasSavedWithoutItsSecrets() throws Exception {
        DatabaseSpec base = template("multiple-instances.json");
        DatabaseSpec draft = InstanceEdits.move(base, "api", "host-1", "host-3");
        var moves = List.of(new DraftMarks.Move("api", "host-1", "host-3"));
        DraftStore store = new DraftStore(dir.resolve("drafts"));
        store.save(new DraftStore.Saved("Local engine", "catalog", base, draft, moves));

        DraftStore.Saved back = new DraftStore(dir.resolve("drafts")).load("Local engine", "catalog").orElseThrow();
        assertThat(back.moves()).isEqualTo(moves);
        assertThat(Json.toTree(back.draft())).isEqualTo(Secrets.strip(Json.toTree(draft)));
        assertThat(Json.toTree(back.base())).isEqualTo(Secrets.strip(Json.toTree(base)));
        assertThat(DraftMarks.between(back.base(), back.draft(), back.moves())).extracting(Object::toString)
                .containsExactly("'api' moved from host-1 to host-3");
        try (var files = Files.list(dir.resolve("drafts"))) {
            String text = Files.readString(files.findFirst().orElseThrow());
            assertThat(text).doesNotContain("change-me-admin").doesNotContain("change-me-app").doesNotContain("password");
        }
    }

    @Test
    void eachDatabaseHasOneDraftThatCanBeListedAndDiscarded() throws Exception {
        DatabaseSpec a = template("co-located.json");
        DatabaseSpec b = template("separate-host.json");
        DraftStore store = new DraftStore(dir);
        store.save(new DraftStore.Saved("Local engine", "storefront", a, a, List.of()));
        store.save(new DraftStore.Saved("https://cp:3000/", "inventory", b, b, List.of()));
        store.save(new DraftStore.Saved("Local engine", "storefront", a, InstanceEdits.add(a, "api", "host-2"), List.of()));
        assertThat(store.all()).extracting(DraftStore.Saved::databaseId).containsExactlyInAnyOrder("storefront", "inventory");
        store.discard("Local engine", "storefront");
        assertThat(store.load("Local engine", "storefront")).isEmpty();
        assertThat(store.all()).extracting(DraftStore.Saved::databaseId).containsExactly("inventory");
    }

    @Test
    void aDraftFileThatCannotBeReadIsNamedWithTheWayOut() throws Exception {
        DraftStore store = new DraftStore(dir);
        DatabaseSpec a = template("co-located.json");
        store.save(new DraftStore.Saved("Local engine", "storefront", a, a, List.of()));
        Path f;
        try (var files = Files.list(dir)) {
            f = files.findFirst().orElseThrow();
        }
        Files.writeString(f, "{ not json");
        assertThatThrownBy(store::all).hasMessageStartingWith("the draft " + f + " cannot be read (")
                .hasMessageEndingWith("); delete the file to discard that draft");
    }
}
