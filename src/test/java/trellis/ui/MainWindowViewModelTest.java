package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.instance;
import static trellis.ui.FxTesting.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import trellis.engine.ControlPlaneException;
import trellis.spec.CreateDatabaseRequest;
import trellis.topology.LifecycleState;
import trellis.topology.StateChange;
import trellis.topology.Topology;
import trellis.topology.TopologyBuilder;

/** The main window's decisions, without a toolkit: a clock of the test's own drives the ages. */
class MainWindowViewModelTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(long seconds) {
            now = now.plus(Duration.ofSeconds(seconds));
        }
    }

    final ManualClock clock = new ManualClock();
    final MainWindowViewModel vm = new MainWindowViewModel(clock);

    private Topology picture(String state, String health, String error) throws Exception {
        CreateDatabaseRequest body = FxTesting.example("multiple-instances.json");
        return TopologyBuilder.live(live(body, List.of(instance("catalog", "api", "host-1", state, health, error),
                instance("catalog", "api", "host-2", "running", "healthy", null))), List.of());
    }

    @Test
    void aPollLogsEachChangeAndReturnsTheFailuresForAPopup() throws Exception {
        assertThat(vm.polled("cp", picture("creating", "unknown", null))).isEmpty();
        assertThat(vm.events()).as("the first picture is no change").isEmpty();
        assertThat(vm.connectionProperty().get()).isEqualTo("cp: connected");
        assertThat(vm.countsProperty().get()).isEqualTo("2 hosts · 1 service · 2 instances · 1 healthy");

        vm.polled("cp", picture("running", "healthy", null));
        assertThat(vm.events().get(0)).matches("\\d\\d:\\d\\d:\\d\\d  api on host-1: creating → running");

        List<StateChange> failed = vm.polled("cp", picture("failed", "unhealthy", "exit 1"));
        assertThat(failed).singleElement().satisfies(c -> assertThat(c.to()).isEqualTo(LifecycleState.FAILED));
        assertThat(vm.events().get(0)).endsWith("api on host-1: running → failed (exit 1)");
        assertThat(vm.countsProperty().get()).endsWith("1 failed");
    }

    @Test
    void updatedSaysTheAgeOfThePicture() throws Exception {
        vm.polled("cp", picture("running", "healthy", null));
        assertThat(vm.updatedProperty().get()).isEqualTo("updated 0 s ago");
        clock.advance(3);
        vm.tick();
        assertThat(vm.updatedProperty().get()).isEqualTo("updated 3 s ago");
        clock.advance(120);
        vm.tick();
        assertThat(vm.updatedProperty().get()).isEqualTo("updated 2 min ago");
        vm.setPaused(true);
        assertThat(vm.updatedProperty().get()).isEqualTo("updated 2 min ago · polling paused");
    }

    /** What the poller reports after a failed poll that started now, with its backoff. */
    private DatabasePoller.Retry failedNow(Backoff backoff, Throwable error) {
        Duration delay = backoff.failed();
        return new DatabasePoller.Retry(error, backoff.failuresInARow(), delay, clock.instant().plus(delay));
    }

    @Test
    void anUnreachableSourceBacksOffKeepsThePictureGreyedAndLogsOnce() throws Exception {
        Topology last = picture("running", "healthy", null);
        vm.polled("cp", last);
        ControlPlaneException down = new ControlPlaneException("connection refused", new java.net.ConnectException());
        Backoff backoff = new Backoff();
        clock.advance(5);
        vm.pollFailed("cp", failedNow(backoff, down));
        assertThat(vm.bannerShownProperty().get()).isTrue();
        assertThat(vm.bannerProperty().get())
                .isEqualTo("Control plane unreachable, retrying in 2 s — showing the picture of 5 s ago");
        assertThat(vm.staleProperty().get()).isTrue();
        assertThat(vm.shown()).as("the last picture stays").isSameAs(last);
        assertThat(vm.connectedProperty().get()).isFalse();
        clock.advance(1);
        vm.tick();
        assertThat(vm.bannerProperty().get()).as("counts down, and the picture ages")
                .isEqualTo("Control plane unreachable, retrying in 1 s — showing the picture of 6 s ago");
        vm.pollFailed("cp", failedNow(backoff, down));
        vm.pollFailed("cp", failedNow(backoff, down));
        assertThat(vm.bannerProperty().get()).startsWith("Control plane unreachable, retrying in 8 s");
        for (int k = 0; k < 5; k++) {
            vm.pollFailed("cp", failedNow(backoff, down));
        }
        assertThat(vm.bannerProperty().get()).startsWith("Control plane unreachable, retrying in 30 s");
        assertThat(vm.events()).as("one line per outage, not one per retry").hasSize(1);

        vm.polled("cp", last);
        backoff.succeeded();
        assertThat(vm.bannerShownProperty().get()).isFalse();
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.connectedProperty().get()).isTrue();

        vm.pollFailed("cp", failedNow(backoff, down));
        assertThat(vm.bannerProperty().get()).as("a new outage after a success starts at 2 s again")
                .startsWith("Control plane unreachable, retrying in 2 s");
        assertThat(vm.events()).as("and is logged as a new outage").hasSize(2);
    }

    @Test
    void theBannerCountsDownToTheMomentThePollerSays() throws Exception {
        vm.polled("cp", picture("running", "healthy", null));
        // A poll that stalled 3 s before failing: the poller starts the next one 2 s after the
        // failed one started, so 1 s from now, and the banner must say so, not 2 s.
        Instant started = clock.instant();
        clock.advance(3);
        vm.pollFailed("cp", new DatabasePoller.Retry(new ControlPlaneException("timed out", new java.net.http.HttpTimeoutException("t")),
                1, Duration.ofSeconds(2), started.plusSeconds(2)));
        assertThat(vm.bannerProperty().get()).startsWith("Control plane unreachable, retrying now");
        vm.pollFailed("cp", new DatabasePoller.Retry(new ControlPlaneException("timed out", new java.net.http.HttpTimeoutException("t")),
                2, Duration.ofSeconds(4), clock.instant().plusSeconds(4)));
        assertThat(vm.bannerProperty().get()).startsWith("Control plane unreachable, retrying in 4 s");
    }

    @Test
    void aPlannedPictureHasNoAgeAndSaysItIsOffline() throws Exception {
        vm.polled("cp", picture("running", "healthy", null));
        vm.showPlanned("co-located.json", picture("running", "healthy", null));
        assertThat(vm.updatedProperty().get()).isEmpty();
        assertThat(vm.connectionProperty().get()).isEqualTo("Offline: co-located.json (planned, nothing deployed)");
        assertThat(vm.bannerShownProperty().get()).isFalse();
    }
}
