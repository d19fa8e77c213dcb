package trellis.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.ui.Theme;

/**
 * The console's head start for its first large picture: the whole sample (at last 4 hosts x 4 services)
 * is built, styled and laid out on the FX thread in steps with other work between them, never in
 * one go, and no window shows it.
 */
@ExtendWith(ApplicationExtension.class)
class PictureWarmupFxTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void buildsTheWholeSampleInStepsThatLetOtherWorkIn() throws Exception {
        CompletableFuture<Integer> cards = new CompletableFuture<>();
        List<String> order = new ArrayList<>();
        Platform.runLater(() -> {
            int windows = javafx.stage.Window.getWindows().size();
            PictureWarmup.start(Theme.DARK.stylesheets(), n -> {
                order.add("warm-up done");
                assertThat(javafx.stage.Window.getWindows()).hasSize(windows);
                cards.complete(n);
            });
            // posted after the start: start() returns at once and the steps come later, each in its own FX event
            Platform.runLater(() -> order.add("other work"));
        });
        assertThat(cards.get(30, TimeUnit.SECONDS)).isEqualTo(16);
        assertThat(order).containsExactly("other work", "warm-up done");
        assertThat(PictureWarmup.longestStepNanos()).isPositive();
    }
}
