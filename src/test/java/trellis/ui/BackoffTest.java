package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wait after failures in a row, through runs of failures and successes. */
class BackoffTest {
    /** Runs a script of outcomes ('F' fail, 'S' succeed) and returns the wait after each failure, in s. */
    private static List<Long> waits(Backoff b, String script) {
        List<Long> waits = new ArrayList<>();
        for (char c : script.toCharArray()) {
            if (c == 'F') {
                waits.add(b.failed().toSeconds());
            } else {
                b.succeeded();
            }
        }
        return waits;
    }

    @Test
    void failuresInARowDoubleTheWaitUpToThirtySeconds() {
        assertThat(waits(new Backoff(), "FFFFFFFF")).containsExactly(2L, 4L, 8L, 16L, 30L, 30L, 30L, 30L);
    }

    @Test
    void aSuccessStartsTheCountAgainHoweverManyFailuresCameBefore() {
        Backoff b = new Backoff();
        // Long life: many isolated failures, then an outage, then isolated failures again.
        String script = "SSSSSSSF".repeat(20) + "FFFFFF" + "S" + "SSSF".repeat(10);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            expected.add(2L);
        }
        expected.addAll(List.of(2L, 4L, 8L, 16L, 30L, 30L, 30L));
        for (int i = 0; i < 10; i++) {
            expected.add(2L);
        }
        assertThat(waits(b, script)).containsExactlyElementsOf(expected);
        assertThat(b.failuresInARow()).isEqualTo(1);
    }

    @Test
    void noFailuresNoWait() {
        Backoff b = new Backoff();
        assertThat(b.delay()).isZero();
        b.failed();
        b.succeeded();
        assertThat(b.delay()).isZero();
        assertThat(b.failuresInARow()).isZero();
    }

    @Test
    void aVeryLongOutageStaysAtTheMaximumWithoutOverflow() {
        assertThat(Backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(64)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(4)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void scaledScheduleKeepsItsShape() {
        Backoff b = new Backoff(Duration.ofMillis(20), Duration.ofMillis(300));
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ms.add(b.failed().toMillis());
        }
        assertThat(ms).containsExactly(20L, 40L, 80L, 160L, 300L, 300L);
    }

    @Test
    void refusesAScheduleThatCannotBackOff() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 < first <= max");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
