package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import trellis.topology.LifecycleRules.Health;
import trellis.topology.LifecycleRules.Observation;
import trellis.topology.LifecycleRules.Seen;
import trellis.topology.LifecycleState;

/** The monitor's records and transitions over the lifecycle rules, on a clock of the test's own (the rules alone: LifecycleRulesTest). */
class LifecycleMonitorTest {
    final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    final LifecycleMonitor monitor = new LifecycleMonitor(Duration.ofMinutes(5), Duration.ofSeconds(30));
    final List<LifecycleMonitor.Transition> moves = new ArrayList<>();

    {
        monitor.addListener(moves::add);
    }

    private LifecycleState see(Seen seen, long secondsAfterStart) {
        return monitor.observe("db", "db-api-h1", new Observation(seen, seen + " error"), t0, t0.plusSeconds(secondsAfterStart)).state;
    }

    @Test
    void creatingBecomesRunningOnceHealthy() {
        assertThat(see(Seen.STARTING, 1)).isEqualTo(LifecycleState.CREATING);
        assertThat(see(Seen.HEALTHY, 12)).isEqualTo(LifecycleState.RUNNING);
        assertThat(moves).extracting(LifecycleMonitor.Transition::to).containsExactly("creating", "running");
        assertThat(monitor.record("db-api-h1").lastHealthAt).isEqualTo(t0.plusSeconds(12));
    }

    @Test
    void creatingFailsWhenNotHealthyWithinFiveMinutes() {
        assertThat(see(Seen.STARTING, 299)).isEqualTo(LifecycleState.CREATING);
        assertThat(see(Seen.STARTING, 301)).isEqualTo(LifecycleState.FAILED);
        assertThat(monitor.record("db-api-h1").error).isEqualTo("not healthy within 300 s of being created");
    }

    @Test
    void runningFailsWhenUnhealthyOrStoppedAndRecovers() {
        see(Seen.HEALTHY, 1);
        assertThat(see(Seen.UNHEALTHY, 2)).isEqualTo(LifecycleState.FAILED);
        assertThat(monitor.record("db-api-h1").error).isEqualTo("UNHEALTHY error");
        assertThat(monitor.record("db-api-h1").health).isEqualTo(Health.UNHEALTHY);
        assertThat(see(Seen.HEALTHY, 3)).isEqualTo(LifecycleState.RUNNING);
        assertThat(monitor.record("db-api-h1").error).isNull();
        assertThat(see(Seen.STOPPED, 4)).isEqualTo(LifecycleState.FAILED);
        assertThat(see(Seen.STARTING, 5)).as("restarted, not yet healthy: still failed").isEqualTo(LifecycleState.FAILED);
        assertThat(see(Seen.HEALTHY, 6)).isEqualTo(LifecycleState.RUNNING);
    }

    @Test
    void runningFailsOnlyAfterThirtySecondsWithoutStatus() {
        see(Seen.HEALTHY, 10);
        assertThat(see(Seen.NO_STATUS, 25)).isEqualTo(LifecycleState.RUNNING);
        assertThat(see(Seen.NO_STATUS, 40)).isEqualTo(LifecycleState.RUNNING);
        assertThat(see(Seen.NO_STATUS, 41)).isEqualTo(LifecycleState.FAILED);
        assertThat(monitor.record("db-api-h1").error).startsWith("no status for 30 s: ");
        assertThat(see(Seen.HEALTHY, 50)).isEqualTo(LifecycleState.RUNNING);
    }

    @Test
    void deletingWhileRemovedThenGone() {
        see(Seen.HEALTHY, 1);
        assertThat(see(Seen.REMOVING, 2)).isEqualTo(LifecycleState.DELETING);
        assertThat(see(Seen.NO_STATUS, 60)).as("no status while deleting is not a failure").isEqualTo(LifecycleState.DELETING);
        monitor.forget("db-api-h1", t0.plusSeconds(61));
        assertThat(monitor.record("db-api-h1")).isNull();
        assertThat(moves).extracting(LifecycleMonitor.Transition::to).containsExactly("running", "deleting", null);
    }

    @Test
    void aSecondIdenticalObservationMovesNothing() {
        see(Seen.HEALTHY, 1);
        see(Seen.HEALTHY, 2);
        see(Seen.HEALTHY, 3);
        assertThat(moves).as("appeared running, then nothing").hasSize(1);
    }
}
