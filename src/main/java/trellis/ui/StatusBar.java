package trellis.ui;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;

/** The status bar, the banner, the greyed picture and the event log follow the main window's view model. */
final class StatusBar {
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private StatusBar() {
    }

    static void bind(MainWindowViewModel vm, ListView<String> eventLog, Label connection, Label updated, Label counts,
                     HBox banner, Label bannerLabel, Node picture) {
        eventLog.setItems(vm.events());
        connection.textProperty().bind(vm.connectionProperty());
        connection.getStyleClass().add(vm.connectedProperty().get() ? "connected" : "unreachable");
        vm.connectedProperty().addListener((o, a, ok) -> {
            connection.getStyleClass().removeAll("connected", "unreachable");
            connection.getStyleClass().add(ok ? "connected" : "unreachable");
        });
        updated.textProperty().bind(vm.updatedProperty());
        counts.textProperty().bind(vm.countsProperty());
        bannerLabel.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerShownProperty());
        banner.managedProperty().bind(vm.bannerShownProperty());
        // A pseudo-class, not a style class: a style class added to the picture made every node in it look its
        // styles up again (and each card's spinner rebuild itself), a long FX pause on each failed poll and recovery.
        picture.pseudoClassStateChanged(STALE, vm.staleProperty().get());
        vm.staleProperty().addListener((o, a, stale) -> picture.pseudoClassStateChanged(STALE, stale));
    }
}
