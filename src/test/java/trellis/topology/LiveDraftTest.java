package trellis.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import trellis.spec.Database;
import trellis.spec.DatabaseSpec;

class LiveDraftTest {
    private static List<String> drawn(Topology t) {
        return t.instances().stream().map(i -> i.instanceId() + " " + i.serviceType() + " " + i.state().name().toLowerCase()).toList();
    }

    @Test
    void aDraftIsDrawnOverWhatRunsTakenAwayInstancesInTheirPolledStateAddedOnesPendingAndTrueOrphansKept() throws Exception {
        DatabaseSpec applied = TopologyBuilderTest.example("multiple-instances.json").spec();
        Database live = new Database("catalog", null, "available", null, null, applied, List.of(), List.of(
                TopologyBuilderTest.instance("api", "host-1", "running", "healthy"),
                TopologyBuilderTest.instance("api", "host-2", "failed", null),
                TopologyBuilderTest.instance("old", "host-2", "running", null)), null);
        DatabaseSpec draft = InstanceEdits.add(InstanceEdits.move(applied, "api", "host-1", "host-3"), "api", "host-4");

        Topology t = LiveDraft.picture(live, draft, List.of());

        assertThat(t.hosts()).extracting(HostPlacement::hostId).containsExactly("host-1", "host-2", "host-3", "host-4");
        assertThat(drawn(t)).containsExactly(
                "catalog-api-host-1 postgrest running",
                "catalog-api-host-2 postgrest failed",
                "catalog-old-host-2 null orphan",
                "catalog-api-host-3 postgrest pending",
                "catalog-api-host-4 postgrest pending");
        assertThat(t.services()).isEqualTo(TopologyBuilder.planned("catalog", draft).services());
    }
}
