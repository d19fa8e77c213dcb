package trellis.ui;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import trellis.topology.HostPlacement;
import trellis.ui.graph.TopologyView;

/**
 * The strip of the three service types beside the picture ({@code palette-postgrest},
 * {@code palette-mcp}, {@code palette-rag}): dragging one onto a host, or clicking it and choosing
 * a host, opens the Add Service wizard with that type and host chosen. FX thread only.
 */
final class Palette {
    private static final String PREFIX = "trellis-service-type:";
    private static final List<String[]> TYPES = List.of(new String[] {"postgrest", "PostgREST"}, new String[] {"mcp", "MCP"},
            new String[] {"rag", "RAG"});

    private Palette() {
    }

    /**
     * Puts the strip over the picture's holder, bottom left, once the first picture shows (an empty
     * view has no host to drop on, and the first frame is spared the strip), and hides it whenever
     * the view is empty again; {@code add} gets (type, host).
     */
    static void install(TopologyView graph, Supplier<Window> owner, Consumer<String> log, BiConsumer<String, String> add) {
        graph.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (typeOf(e) != null && hostUnder(e) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        graph.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            String type = typeOf(e);
            String host = hostUnder(e);
            if (type != null && host != null) {
                e.setDropCompleted(true);
                e.consume();
                add.accept(type, host);
            }
        });
        Node emptyHint = graph.lookup(".empty-hint");
        if (!(graph.getParent() instanceof StackPane holder) || emptyHint == null) {
            return;
        }
        Runnable build = () -> {
            HBox strip = strip(graph, owner, log, add);
            strip.visibleProperty().bind(emptyHint.visibleProperty().not());
            StackPane.setAlignment(strip, Pos.BOTTOM_LEFT);
            StackPane.setMargin(strip, new Insets(8));
            holder.getChildren().add(strip);
        };
        if (!emptyHint.isVisible()) {
            build.run();
            return;
        }
        emptyHint.visibleProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    emptyHint.visibleProperty().removeListener(this);
                    build.run();
                }
            }
        });
    }

    private static HBox strip(TopologyView graph, Supplier<Window> owner, Consumer<String> log, BiConsumer<String, String> add) {
        HBox strip = new HBox(6);
        strip.setId("palette");
        strip.getStyleClass().add("palette");
        strip.setPadding(new Insets(6, 8, 6, 8));
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setMaxSize(HBox.USE_PREF_SIZE, HBox.USE_PREF_SIZE);
        Label title = new Label("Add a service:");
        title.getStyleClass().add("section-title");
        strip.getChildren().add(title);
        for (String[] t : TYPES) {
            Button b = new Button(t[1]);
            b.setId("palette-" + t[0]);
            b.setMnemonicParsing(false);
            b.setTooltip(new Tooltip("Drag onto a host, or click and choose one, to add a " + t[1] + " service"));
            b.setOnAction(e -> chooseHost(graph, owner, log, t[1]).ifPresent(h -> add.accept(t[0], h)));
            b.setOnDragDetected(e -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(PREFIX + t[0]);
                b.startDragAndDrop(TransferMode.COPY).setContent(c);
                e.consume();
            });
            strip.getChildren().add(b);
        }
        return strip;
    }

    private static String typeOf(DragEvent e) {
        String s = e.getDragboard().hasString() ? e.getDragboard().getString() : null;
        return s != null && s.startsWith(PREFIX) ? s.substring(PREFIX.length()) : null;
    }

    private static String hostUnder(DragEvent e) {
        for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
            if (n.getId() != null && n.getId().startsWith("host-") && n.getStyleClass().contains("host")) {
                return n.getId().substring("host-".length());
            }
        }
        return null;
    }

    private static java.util.Optional<String> chooseHost(TopologyView graph, Supplier<Window> owner, Consumer<String> log, String title) {
        if (graph.topology() == null || graph.topology().hosts().isEmpty()) {
            log.accept("Add a " + title + " service: open a spec file (File > Open) or a template first");
            return java.util.Optional.empty();
        }
        List<String> hosts = graph.topology().hosts().stream().map(HostPlacement::hostId).toList();
        ChoiceDialog<String> d = new ChoiceDialog<>(hosts.get(0), hosts);
        d.setTitle("Add a " + title + " service");
        d.setHeaderText("Add a " + title + " service on which host?");
        d.getDialogPane().setId("host-chooser");
        Window w = owner.get();
        if (w != null) {
            d.initOwner(w);
            d.getDialogPane().getStylesheets().setAll(w.getScene().getStylesheets());
        }
        return d.showAndWait();
    }
}
