package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A bounded run of the console against a Control Plane that fails about one request in eight
 * (the ten-minute run is bench/run-flaky-poll.sh): no failure after a good answer blinds the
 * picture for longer than the interval plus 2 s, however many failures came before, and the banner
 * names the moment the next try then comes.
 */
@ExtendWith(ApplicationExtension.class)
class FlakyControlPlaneIT {
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aSingleFailureCostsOneShortWaitAndTheBannerSaysWhen() throws Exception {
        FlakyPolling.Result r = FlakyPolling.run(stage, Duration.ofSeconds(50), 8);
        assertThat(r.failures()).as("enough failures that the old count would have reached its 30 s maximum")
                .isGreaterThanOrEqualTo(5);
        assertThat(r.gapsAfterSingleFailure()).as("pause after each single failure, s")
                .allSatisfy(gap -> assertThat(gap).isLessThanOrEqualTo(FlakyPolling.INTERVAL_SECONDS + 2.0));
        assertThat(r.bannerMismatches()).isEmpty();
        assertThat(r.longestGap()).as("no pause anywhere near the 30 s maximum").isLessThan(10);
    }
}
