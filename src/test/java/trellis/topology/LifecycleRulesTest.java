package trellis.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import trellis.topology.LifecycleRules.Health;
import trellis.topology.LifecycleRules.Known;
import trellis.topology.LifecycleRules.Next;
import trellis.topology.LifecycleRules.Observation;
import trellis.topology.LifecycleRules.Seen;

/** The Control Plane's lifecycle rules as pure functions: no Docker, a clock of the test's own. */
class LifecycleRulesTest {
    final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    final LifecycleRules rules = new LifecycleRules(Duration.ofMinutes(5), Duration.ofSeconds(30));

    private Known known(LifecycleState state, String error) {
        return new Known(state, error, Health.UNKNOWN, t0, t0);
    }

    private Next see(LifecycleState from, Seen seen, long secondsAfterStart) {
        return rules.next(known(from, null), new Observation(seen, seen + " error"), t0.plusSeconds(secondsAfterStart));
    }

    @Test
    void creatingBecomesRunningOnceHealthy() {
        assertThat(see(LifecycleState.CREATING, Seen.STARTING, 1).state()).isEqualTo(LifecycleState.CREATING);
        Next healthy = see(LifecycleState.CREATING, Seen.HEALTHY, 12);
        assertThat(healthy.state()).isEqualTo(LifecycleState.RUNNING);
        assertThat(healthy.health()).isEqualTo(Health.HEALTHY);
        assertThat(healthy.healthSeen()).isTrue();
    }

    @Test
    void creatingFailsWhenNotHealthyWithinTheCreateTimeout() {
        assertThat(see(LifecycleState.CREATING, Seen.STARTING, 299).state()).isEqualTo(LifecycleState.CREATING);
        Next late = see(LifecycleState.CREATING, Seen.STARTING, 301);
        assertThat(late.state()).isEqualTo(LifecycleState.FAILED);
        assertThat(late.error()).isEqualTo("not healthy within 300 s of being created");
    }

    @Test
    void runningFailsWhenUnhealthyStoppedOrMissing() {
        Next unhealthy = see(LifecycleState.RUNNING, Seen.UNHEALTHY, 2);
        assertThat(unhealthy.state()).isEqualTo(LifecycleState.FAILED);
        assertThat(unhealthy.error()).isEqualTo("UNHEALTHY error");
        assertThat(unhealthy.health()).isEqualTo(Health.UNHEALTHY);
        assertThat(see(LifecycleState.RUNNING, Seen.STOPPED, 2).state()).isEqualTo(LifecycleState.FAILED);
        assertThat(see(LifecycleState.RUNNING, Seen.MISSING, 2).error()).isEqualTo("MISSING error");
    }

    @Test
    void failedRecoversOnlyWhenHealthy() {
        Next restarted = rules.next(known(LifecycleState.FAILED, "exited"), new Observation(Seen.STARTING, null), t0.plusSeconds(5));
        assertThat(restarted.state()).as("restarted, not yet healthy: still failed").isEqualTo(LifecycleState.FAILED);
        assertThat(restarted.error()).isEqualTo("exited");
        Next healthy = rules.next(known(LifecycleState.FAILED, "exited"), new Observation(Seen.HEALTHY, null), t0.plusSeconds(6));
        assertThat(healthy.state()).isEqualTo(LifecycleState.RUNNING);
        assertThat(healthy.error()).isNull();
    }

    @Test
    void runningFailsOnlyAfterTheNoStatusTimeout() {
        Known running = new Known(LifecycleState.RUNNING, null, Health.HEALTHY, t0, t0.plusSeconds(10));
        Next early = rules.next(running, new Observation(Seen.NO_STATUS, "engine gone"), t0.plusSeconds(40));
        assertThat(early.state()).isEqualTo(LifecycleState.RUNNING);
        assertThat(early.statusSeen()).isFalse();
        Next late = rules.next(running, new Observation(Seen.NO_STATUS, "engine gone"), t0.plusSeconds(41));
        assertThat(late.state()).isEqualTo(LifecycleState.FAILED);
        assertThat(late.error()).isEqualTo("no status for 30 s: engine gone");
    }

    @Test
    void deletingIsNoFailureWithoutStatusAndStartsOverWhenStartingAgain() {
        assertThat(see(LifecycleState.RUNNING, Seen.REMOVING, 1).state()).isEqualTo(LifecycleState.DELETING);
        assertThat(see(LifecycleState.DELETING, Seen.NO_STATUS, 600).state()).isEqualTo(LifecycleState.DELETING);
        assertThat(see(LifecycleState.DELETING, Seen.STARTING, 2).state()).isEqualTo(LifecycleState.CREATING);
    }

    @Test
    void aNewReasonToFailIsAChangeAndTheSameOneIsNot() {
        Known failed = known(LifecycleState.FAILED, "exit 1");
        assertThat(rules.next(failed, new Observation(Seen.STOPPED, "exit 1"), t0).changedFrom(failed)).isFalse();
        assertThat(rules.next(failed, new Observation(Seen.STOPPED, "exit 2"), t0).changedFrom(failed)).isTrue();
    }
}
