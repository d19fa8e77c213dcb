package trellis.ui;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import trellis.engine.ControlPlane;
import trellis.ui.model.HostRow;

/**
 * The dock's Hosts tab: each host of a source with its orchestrator, cohort, CPUs, memory and
 * state; a host that is not on Docker Swarm is marked, with why services cannot go there. The
 * hosts are asked for off the FX thread. FX thread only.
 */
final class HostsView {
    private static final PseudoClass NO_SERVICES = PseudoClass.getPseudoClass("no-services");
    private final TableView<HostRow> table = new TableView<>();
    private final Label note = new Label("Select a control plane's Hosts in the sources to list its hosts.");
    private final BorderPane root = new BorderPane(table);

    HostsView() {
        table.setId("hosts-table");
        table.getStyleClass().add("hosts-table");
        note.getStyleClass().add("hosts-note");
        note.setId("hosts-note");
        root.setTop(note);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(column("Host", HostRow::id, 150), column("Orchestrator", HostRow::orchestrator, 90),
                column("Cohort", HostRow::cohort, 170), column("CPUs", HostRow::cpus, 50), column("Memory", HostRow::memory, 70),
                column("State", HostRow::state, 80), column("Services", HostRow::services, 300)));
        table.setPlaceholder(new Label("No hosts listed"));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(HostRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean refused = !empty && row != null && !row.takesServices();
                pseudoClassStateChanged(NO_SERVICES, refused);
                setTooltip(refused ? new Tooltip(row.services()) : null);
            }
        });
    }

    private static TableColumn<HostRow, String> column(String title, Function<HostRow, String> value, double width) {
        TableColumn<HostRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    BorderPane root() {
        return root;
    }

    TableView<HostRow> table() {
        return table;
    }

    /** Lists the source's hosts (GET /v1/hosts through the runner). */
    void show(TaskRunner runner, Sources.LiveSource source) {
        ControlPlane cp = source.controlPlane();
        note.setText("Listing the hosts of " + source.label() + "…");
        runner.run(cp::hosts, hosts -> {
            source.hosts().take(hosts);
            List<HostRow> rows = hosts.stream().map(HostRow::of).toList();
            table.getItems().setAll(rows);
            note.setText(HostRow.summary(source.label(), rows));
        }, error -> {
            table.getItems().clear();
            note.setText("Hosts of " + source.label() + ": " + MainWindowViewModel.message(error));
        });
    }
}
