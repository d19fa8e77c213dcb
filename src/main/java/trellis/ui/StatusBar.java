package trellis.ui;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;

/** The status bar, the banner over the picture and the event log follow the main window's view model. */
final class StatusBar {
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    /** The event log on screen follows the model's at most this often. */
    static final javafx.util.Duration LOG_REFRESH = javafx.util.Duration.millis(250);

    private StatusBar() {
    }

    static void bind(MainWindowViewModel vm, ListView<String> eventLog, Label connection, Label updated, Label counts,
                     HBox banner, Label bannerLabel) {
        followThrottled(vm.events(), eventLog);
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
        floatOver(banner, (javafx.scene.layout.Region) banner.getParent());
        // A stale picture is marked by the banner over it and by its age in the status bar, in the failure colour.
        // Not by greying the picture: any change over the whole picture (a veil, its opacity, a style on it) makes
        // the renderer paint all of it, on each outage and each recovery (25-90 ms on the software pipeline, the
        // longest FX-thread waits of the soak), and a pseudo-class on the picture restyled every card in it.
        updated.pseudoClassStateChanged(STALE, vm.staleProperty().get());
        vm.staleProperty().addListener((o, a, stale) -> updated.pseudoClassStateChanged(STALE, stale));
    }

    /**
     * The banner lies over the top of {@code holder}, its full width, outside the holder's layout: unmanaged, it
     * is a layout root, so its countdown's text changing every second lays out the banner alone, not the holder
     * and the picture in it (measuring the picture's cards for the holder's layout took 17-20 ms on an outage).
     */
    private static void floatOver(HBox banner, javafx.scene.layout.Region holder) {
        banner.setManaged(false);
        Runnable place = () -> {
            if (banner.isVisible()) {
                banner.applyCss(); // its padding and font before its first showing
                double w = holder.getWidth();
                banner.resizeRelocate(0, 0, w, banner.prefHeight(w));
            }
        };
        holder.widthProperty().addListener(o -> place.run());
        banner.visibleProperty().addListener(o -> place.run());
        place.run();
    }

    /**
     * The list shows the model's lines, a change at once when none came in the last {@link #LOG_REFRESH}, and
     * the changes of a burst together at its end. Newest on top, every line a poll adds moves every row on
     * screen: with polls of several databases (or a fast interval) the whole log was repainted per poll,
     * most of the FX thread's waits on the renderer in the soak (software pipeline). Nobody reads faster.
     */
    static void followThrottled(ObservableList<String> model, ListView<String> view) {
        ObservableList<String> shown = FXCollections.observableArrayList(model);
        view.setItems(shown);
        PauseTransition quiet = new PauseTransition(LOG_REFRESH);
        boolean[] behind = {false};
        quiet.setOnFinished(e -> {
            if (behind[0]) {
                behind[0] = false;
                shown.setAll(model);
                quiet.playFromStart();
            }
        });
        model.addListener((ListChangeListener<String>) c -> {
            if (quiet.getStatus() == Animation.Status.RUNNING) {
                behind[0] = true;
            } else {
                shown.setAll(model);
                quiet.playFromStart();
            }
        });
    }
}
