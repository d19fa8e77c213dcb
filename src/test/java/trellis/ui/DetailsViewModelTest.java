package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.instance;
import static trellis.ui.FxTesting.live;

import java.util.List;
import org.junit.jupiter.api.Test;
import trellis.spec.CreateDatabaseRequest;
import trellis.topology.Topology;
import trellis.topology.TopologyBuilder;
import trellis.ui.graph.TopologyView.Selection;

/** What the details pane says, decided without a toolkit; secrets never among it. */
class DetailsViewModelTest {
    final DetailsViewModel vm = new DetailsViewModel();

    private static String everything(DetailsViewModel vm) {
        StringBuilder b = new StringBuilder(vm.titleProperty().get()).append('\n');
        vm.rows().forEach(r -> b.append(r.key()).append(": ").append(r.value()).append('\n'));
        for (String s : new String[]{vm.errorProperty().get(), vm.serviceUrlProperty().get(),
                vm.connectionStringProperty().get(), vm.specProperty().get(), vm.hintProperty().get()}) {
            b.append(s).append('\n');
        }
        return b.toString();
    }

    @Test
    void anInstanceHasItsStateHealthAddressesAndWhatToCopyButNoPassword() throws Exception {
        CreateDatabaseRequest body = FxTesting.example("separate-host.json");
        Topology t = TopologyBuilder.live(live(body, List.of(
                instance("inventory", "mcp", "host-3", "failed", "unhealthy", "could not connect to n1"))), List.of());
        vm.show(new Selection.OfInstance(t.instances().get(0)), t);
        assertThat(vm.titleProperty().get()).isEqualTo("inventory-mcp-host-3");
        assertThat(vm.rows()).contains(new DetailsViewModel.Row("state", "failed"),
                new DetailsViewModel.Row("health", "unhealthy"), new DetailsViewModel.Row("host", "host-3"),
                new DetailsViewModel.Row("addresses", "127.0.0.1"), new DetailsViewModel.Row("image version", "14.5"));
        assertThat(vm.errorProperty().get()).isEqualTo("could not connect to n1");
        assertThat(vm.serviceUrlProperty().get()).matches("http://127\\.0\\.0\\.1:\\d+/mcp/v1");
        assertThat(vm.connectionStringProperty().get()).isEqualTo("postgresql://app@host-1,host-2/inventory");
        assertThat(everything(vm)).doesNotContain("change-me", "sk-ant-example");
    }

    @Test
    void aServiceShowsItsPatternAndSpecWithSecretsMasked() throws Exception {
        CreateDatabaseRequest body = FxTesting.example("separate-host.json");
        Topology t = TopologyBuilder.planned(body.id(), body.spec());
        vm.show(new Selection.OfService(t.services().get(0)), t);
        assertThat(vm.rows()).contains(new DetailsViewModel.Row("pattern", "separate-host"),
                new DetailsViewModel.Row("instances", "host-3: pending"));
        assertThat(vm.specProperty().get()).contains("anthropic_api_key", "claude-sonnet-4-5");
        assertThat(everything(vm)).doesNotContain("sk-ant-example", "change-me");
        assertThat(vm.serviceUrlProperty().get()).isNull();
    }

    @Test
    void aHostListsItsNodesAndInstancesAndAPollRefreshesThem() throws Exception {
        CreateDatabaseRequest body = FxTesting.example("multiple-instances.json");
        Topology before = TopologyBuilder.live(live(body, List.of(
                instance("catalog", "api", "host-1", "creating", "unknown", null))), List.of());
        vm.show(new Selection.OfHost(before.host("host-1").orElseThrow()), before);
        assertThat(vm.titleProperty().get()).isEqualTo("Host host-1");
        assertThat(vm.rows()).contains(new DetailsViewModel.Row("database nodes", "n1"),
                new DetailsViewModel.Row("instances", "api: creating"));
        vm.refresh(TopologyBuilder.live(live(body, List.of(
                instance("catalog", "api", "host-1", "running", "healthy", null))), List.of()));
        assertThat(vm.rows()).contains(new DetailsViewModel.Row("instances", "api: running (healthy)"));
    }

    @Test
    void nothingSelectedSaysHowToSelect() {
        vm.show(null, null);
        assertThat(vm.titleProperty().get()).isEqualTo("Nothing selected");
        assertThat(vm.hintProperty().get()).contains("arrow keys");
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void timestampsReadToTheSecondInUtc() {
        org.assertj.core.api.Assertions.assertThat(DetailsViewModel.timestamp("2026-11-24T20:30:31.986310809Z")).isEqualTo("2026-11-24 20:30:31 UTC");
        org.assertj.core.api.Assertions.assertThat(DetailsViewModel.timestamp("2026-11-24T22:30:31+02:00")).isEqualTo("2026-11-24 20:30:31 UTC");
        org.assertj.core.api.Assertions.assertThat(DetailsViewModel.timestamp("yesterday")).isEqualTo("yesterday");
    }
}
