package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A short soak (the 10,000-poll run is bench/run-soak.sh): the window polling a server that drops
 * connections, stalls, answers 500 and malformed JSON never has two requests in flight for the
 * database, and recovers when the server does.
 */
@ExtendWith(ApplicationExtension.class)
class SoakPollingIT {
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void faultsNeverPileUpRequestsAndTheWindowRecovers() throws Exception {
        SoakPolling.Result r = SoakPolling.run(stage, 50, 400, 12, null);
        assertThat(r.faults()).as("faults of every kind were served").isGreaterThanOrEqualTo(4);
        assertThat(r.maxInFlight()).as("polls of the database in flight at once").isEqualTo(1);
        assertThat(r.maxHistoryInFlight()).as("task-history requests in flight at once").isLessThanOrEqualTo(1);
        assertThat(r.bannerShownAfterRecovery()).as("banner after the server recovered: " + r.bannerAfterRecovery()).isFalse();
    }
}
