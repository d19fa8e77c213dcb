package trellis.ui.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import trellis.topology.ServiceSummary;
import trellis.ui.graph.TopologyView.Selection;

/** The row of service chips above the hosts: each service's id, type, pattern and user, in its colour. */
final class ServiceStrip extends FlowPane {
    private final Map<String, Label> chips = new LinkedHashMap<>();

    ServiceStrip() {
        getStyleClass().add("service-strip");
    }

    void clear() {
        chips.clear();
        getChildren().clear();
    }

    void show(List<ServiceSummary> services, ToIntFunction<String> colourOf, BiConsumer<Node, Selection> select) {
        chips.clear();
        List<Node> row = new ArrayList<>();
        Label title = new Label("Services");
        title.getStyleClass().add("strip-title");
        row.add(title);
        for (ServiceSummary s : services) {
            Label chip = new Label(s.serviceId() + "  " + s.serviceType() + " " + s.version() + "  ·  "
                    + s.pattern().label() + "  ·  as " + s.connectAs());
            chip.setId("service-" + s.serviceId());
            chip.getStyleClass().addAll("service-chip", "svc-color-" + colourOf.applyAsInt(s.serviceId()));
            chip.setUserData(s);
            chip.setOnMouseClicked(e -> select.accept(chip, new Selection.OfService(s)));
            // a Tooltip is a window with a scene of its own: made on the first hover, not per picture
            chip.setOnMouseEntered(e -> {
                if (chip.getTooltip() == null) {
                    chip.setTooltip(new Tooltip(s.pattern().label() + ": " + describe(s)));
                }
            });
            chips.put(s.serviceId(), chip);
            row.add(chip);
        }
        if (services.isEmpty()) {
            Label none = new Label("no supporting services yet");
            none.getStyleClass().add("muted");
            row.add(none);
        }
        getChildren().setAll(row);
    }

    /** Dims the chips whose id and type do not contain the (lower-case) filter. */
    void applyFilter(List<ServiceSummary> services, String filter) {
        for (ServiceSummary s : services) {
            Label chip = chips.get(s.serviceId());
            if (chip != null) {
                dim(chip, !filter.isEmpty()
                        && !(s.serviceId() + " " + s.serviceType()).toLowerCase(Locale.ROOT).contains(filter));
            }
        }
    }

    static String describe(ServiceSummary s) {
        return switch (s.pattern()) {
            case CO_LOCATED -> "runs on a host that also runs a database node";
            case SEPARATE_HOST -> "runs on a host of its own, with no database node";
            case MULTIPLE_INSTANCES -> "one instance on each of " + String.join(", ", s.hostIds());
        };
    }

    /** Dims a part of the picture that does not match the filter (style class {@code dimmed}). */
    static void dim(Node n, boolean dimmed) {
        if (dimmed) {
            if (!n.getStyleClass().contains("dimmed")) {
                n.getStyleClass().add("dimmed");
            }
        } else {
            n.getStyleClass().remove("dimmed");
        }
    }
}
