package trellis.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import trellis.TestFiles;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.topology.DraftMarks.Kind;
import trellis.topology.DraftMarks.Mark;

class InstanceEditsTest {
    private static DatabaseSpec multiple() throws Exception {
        return Json.MAPPER.readValue(TestFiles.example("multiple-instances.json").toFile(), CreateDatabaseRequest.class).spec();
    }

    private static List<String> hosts(DatabaseSpec spec, String service) {
        return spec.services().stream().filter(s -> s.serviceId().equals(service)).findFirst().orElseThrow().hostIds();
    }

    @Test
    void aMoveReplacesTheHostInPlaceAndKeepsEveryOtherField() throws Exception {
        DatabaseSpec before = multiple();
        DatabaseSpec after = InstanceEdits.move(before, "api", "host-1", "host-3");
        assertThat(hosts(after, "api")).containsExactly("host-3", "host-2");
        // nothing else changed: the trees differ only at services[0].host_ids[0]
        var a = (com.fasterxml.jackson.databind.node.ObjectNode) Json.toTree(after).deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) a.at("/services/0/host_ids")).set(0, "host-1");
        assertThat(a).isEqualTo(Json.toTree(before));
        assertThat(Plan.between(before, after)).extracting(PlanChange::toString).containsExactly(
                "~ move 'api' from host-1 to host-3");
    }

    @Test
    void aMoveOntoAHostThatHasAnInstanceOrFromOneThatHasNoneChangesNothing() throws Exception {
        DatabaseSpec before = multiple();
        assertThat(InstanceEdits.move(before, "api", "host-1", "host-2")).isEqualTo(before);
        assertThat(InstanceEdits.move(before, "api", "host-9", "host-3")).isEqualTo(before);
    }

    @Test
    void addAppendsTheHostOnceAndRemoveOfTheLastInstanceRemovesTheService() throws Exception {
        DatabaseSpec before = multiple();
        DatabaseSpec added = InstanceEdits.add(before, "api", "host-3");
        assertThat(hosts(added, "api")).containsExactly("host-1", "host-2", "host-3");
        assertThat(InstanceEdits.add(added, "api", "host-3")).isEqualTo(added);

        DatabaseSpec one = InstanceEdits.remove(before, "api", "host-1");
        assertThat(hosts(one, "api")).containsExactly("host-2");
        assertThat(InstanceEdits.isLastInstance(before, "api", "host-2")).isFalse();
        assertThat(InstanceEdits.isLastInstance(one, "api", "host-2")).isTrue();
        DatabaseSpec none = InstanceEdits.remove(one, "api", "host-2");
        assertThat(none.services()).isEmpty();
        assertThat(none.databaseUsers()).isEqualTo(before.databaseUsers());
    }

    @Test
    void marksSayWhatTheDraftChangesInstanceByInstance() throws Exception {
        DatabaseSpec applied = multiple();
        DatabaseSpec moved = InstanceEdits.move(applied, "api", "host-2", "host-4");
        DatabaseSpec draft = InstanceEdits.add(InstanceEdits.remove(moved, "api", "host-1"), "api", "host-5");
        List<DraftMarks.Move> moves = List.of(new DraftMarks.Move("api", "host-2", "host-4"));
        assertThat(DraftMarks.between(applied, draft, moves)).containsExactly(
                new Mark(Kind.MOVED, "api", "host-4", "host-2"),
                new Mark(Kind.ADDED, "api", "host-5", null),
                new Mark(Kind.REMOVED, "api", "host-1", null));
        assertThat(DraftMarks.between(applied, InstanceEdits.remove(InstanceEdits.remove(applied, "api", "host-1"), "api", "host-2")))
                .extracting(Mark::toString)
                .containsExactly("instance of 'api' on host-1 removed", "instance of 'api' on host-2 removed");
        assertThat(DraftMarks.between(applied, applied, moves)).as("a move undone is no longer marked").isEmpty();
        assertThat(DraftMarks.between(applied, moved)).as("without the move known: a removal and an addition")
                .extracting(Mark::toString).containsExactly("new instance of 'api' on host-4", "instance of 'api' on host-2 removed");
    }
}
