package trellis.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.ui.Theme;

/**
 * The console's head start for its first large picture runs off the FX thread: it builds, styles
 * and lays out the whole sample (6 hosts x 8 services) while the FX thread is held busy, so it
 * neither needs nor waits for that thread.
 */
@ExtendWith(ApplicationExtension.class)
class PictureWarmupFxTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void buildsTheWholeSampleWithoutTheFxThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        Platform.runLater(() -> {
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(Platform.isFxApplicationThread()).isFalse();
            assertThat(PictureWarmup.warm(Theme.DARK.stylesheets())).isEqualTo(48);
        } finally {
            release.countDown();
        }
    }
}
