package trellis.ui.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.ui.model.SpecDraft;

/** The undo and redo stacks, driven by real edits of a spec draft. */
class ActionManagerTest {
    static DatabaseSpec spec() throws Exception {
        return Json.MAPPER.readValue("""
                {"database_name": "shop", "nodes": [{"name": "n1", "host_ids": ["host-1"]}],
                 "services": [
                   {"service_id": "api", "service_type": "postgrest", "version": "14.5", "host_ids": ["host-1"]},
                   {"service_id": "mcp", "service_type": "mcp", "version": "1.0", "host_ids": ["host-1"]},
                   {"service_id": "web", "service_type": "postgrest", "version": "14.5", "host_ids": ["host-1"]}]}""",
                DatabaseSpec.class);
    }

    static List<String> services(SpecDraft d) {
        return d.spec().services().stream().map(s -> s.serviceId()).toList();
    }

    final ActionManager actions = new ActionManager();

    @Test
    void nothingToUndoAtFirst() {
        assertThat(actions.canUndoProperty().get()).isFalse();
        assertThat(actions.canRedoProperty().get()).isFalse();
        assertThat(actions.undoDescriptionProperty().get()).isNull();
        assertThat(actions.undoTextProperty().get()).isEqualTo("Undo");
        assertThat(actions.redoTextProperty().get()).isEqualTo("Redo");
    }

    @Test
    void runUndoRedoAndANewEditClearsRedo() throws Exception {
        SpecDraft draft = new SpecDraft(spec());
        List<List<String>> seen = new ArrayList<>();
        draft.onChange(s -> seen.add(s.services().stream().map(x -> x.serviceId()).toList()));

        assertThat(actions.run(EditSpecAction.removeService(draft, "api"))).isTrue();
        assertThat(services(draft)).containsExactly("mcp", "web");
        assertThat(actions.undoDescriptions()).containsExactly("Remove service 'api'");
        assertThat(actions.redoDescriptions()).isEmpty();
        assertThat(actions.undoTextProperty().get()).isEqualTo("Undo remove service 'api'");
        assertThat(actions.canUndoProperty().get()).isTrue();
        assertThat(actions.canRedoProperty().get()).isFalse();

        actions.run(EditSpecAction.removeService(draft, "mcp"));
        assertThat(services(draft)).containsExactly("web");
        assertThat(actions.undoDescriptions()).containsExactly("Remove service 'mcp'", "Remove service 'api'");

        actions.undo();
        assertThat(services(draft)).as("the spec it replaced, not a rebuilt one").containsExactly("mcp", "web");
        assertThat(actions.undoDescriptions()).containsExactly("Remove service 'api'");
        assertThat(actions.redoDescriptions()).containsExactly("Remove service 'mcp'");
        assertThat(actions.redoTextProperty().get()).isEqualTo("Redo remove service 'mcp'");
        assertThat(actions.canRedoProperty().get()).isTrue();

        actions.undo();
        assertThat(services(draft)).containsExactly("api", "mcp", "web");
        assertThat(actions.undoDescriptions()).isEmpty();
        assertThat(actions.redoDescriptions()).containsExactly("Remove service 'api'", "Remove service 'mcp'");
        assertThat(actions.canUndoProperty().get()).isFalse();
        assertThat(actions.undoTextProperty().get()).isEqualTo("Undo");

        actions.redo();
        assertThat(services(draft)).containsExactly("mcp", "web");
        assertThat(actions.undoDescriptions()).containsExactly("Remove service 'api'");
        assertThat(actions.redoDescriptions()).containsExactly("Remove service 'mcp'");

        actions.run(EditSpecAction.removeService(draft, "web"));
        assertThat(services(draft)).containsExactly("mcp");
        assertThat(actions.undoDescriptions()).containsExactly("Remove service 'web'", "Remove service 'api'");
        assertThat(actions.redoDescriptions()).as("a new edit clears redo").isEmpty();
        assertThat(actions.canRedoProperty().get()).isFalse();
        assertThat(actions.redoTextProperty().get()).isEqualTo("Redo");

        assertThat(seen).containsExactly(List.of("mcp", "web"), List.of("web"), List.of("mcp", "web"),
                List.of("api", "mcp", "web"), List.of("mcp", "web"), List.of("mcp"));
    }

    @Test
    void actionsThatDoNotEditLeaveTheStacksAloneAndOnesThatCannotRunDoNotRun() throws Exception {
        SpecDraft draft = new SpecDraft(spec());
        actions.run(EditSpecAction.removeService(draft, "api"));
        actions.undo();
        List<String> ran = new ArrayList<>();
        UserAction deploy = new UserAction() {
            @Override
            public String description() {
                return "Deploy 'shop'";
            }

            @Override
            public void run() {
                ran.add(description());
            }
        };
        assertThat(actions.run(deploy)).isTrue();
        assertThat(ran).containsExactly("Deploy 'shop'");
        assertThat(actions.undoDescriptions()).isEmpty();
        assertThat(actions.redoDescriptions()).containsExactly("Remove service 'api'");

        UserAction never = new UserAction() {
            @Override
            public String description() {
                return "Never";
            }

            @Override
            public boolean canRun() {
                return false;
            }

            @Override
            public void run() {
                ran.add("never");
            }
        };
        assertThat(actions.run(never)).isFalse();
        assertThat(ran).containsExactly("Deploy 'shop'");
    }

    @Test
    void undoAndRedoWithEmptyStacksDoNothing() {
        actions.undo();
        actions.redo();
        assertThat(actions.undoDescriptions()).isEmpty();
        assertThat(actions.redoDescriptions()).isEmpty();
    }
}
