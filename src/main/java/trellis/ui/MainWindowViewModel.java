package trellis.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import trellis.engine.ControlPlaneException;
import trellis.topology.InstancePlacement;
import trellis.topology.LifecycleState;
import trellis.topology.StateChange;
import trellis.topology.Topology;

/**
 * What the main window says about the database on screen, and the decisions behind it: the
 * connection state, "updated 3 s ago", the unreachable banner with its retry time, whether the
 * picture is stale, the counts, and the event log. No nodes: the controller binds to these
 * properties, and tests drive it with a clock of their own and no toolkit.
 */
public final class MainWindowViewModel {
    static final int MAX_EVENTS = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Clock clock;
    private final StringProperty connection = new SimpleStringProperty("No source");
    private final BooleanProperty connected = new SimpleBooleanProperty(true);
    private final StringProperty updated = new SimpleStringProperty("");
    private final BooleanProperty bannerShown = new SimpleBooleanProperty(false);
    private final StringProperty banner = new SimpleStringProperty("");
    private final BooleanProperty stale = new SimpleBooleanProperty(false);
    private final StringProperty counts = new SimpleStringProperty("");
    private final ObservableList<String> events = FXCollections.observableArrayList();
    private Topology shown;
    private Instant lastUpdate;
    private int consecutiveFailures;
    /** While unreachable: what the banner says first, and when the next try is due. */
    private String outage;
    private Instant retryAt;

    public MainWindowViewModel() {
        this(Clock.systemDefaultZone());
    }

    public MainWindowViewModel(Clock clock) {
        this.clock = clock;
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection;
    }

    /** False while the source does not answer; the status bar turns red. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected;
    }

    public ReadOnlyStringProperty updatedProperty() {
        return updated;
    }

    public ReadOnlyBooleanProperty bannerShownProperty() {
        return bannerShown;
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner;
    }

    /** True while the picture is the last known one of a source that stopped answering. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts;
    }

    /** Newest first, each line starting with its time. */
    public ObservableList<String> events() {
        return events;
    }

    /** The picture on screen, or null. */
    public Topology shown() {
        return shown;
    }

    public void log(String line) {
        events.add(0, LocalTime.now(clock.withZone(ZoneId.systemDefault())).format(TIME) + "  " + line);
        if (events.size() > MAX_EVENTS) {
            events.remove(MAX_EVENTS, events.size());
        }
    }

    public void setConnection(String text, boolean ok) {
        connection.set(text);
        connected.set(ok);
    }

    /** A new database is on screen: forget the last one's age, failures and banner. */
    public void reset() {
        shown = null;
        lastUpdate = null;
        consecutiveFailures = 0;
        bannerShown.set(false);
        stale.set(false);
        updated.set("");
    }

    /** A spec file's planned picture: nothing is deployed, so there is no age and no poll. */
    public void showPlanned(String fileLabel, Topology planned) {
        reset();
        show(planned);
        setConnection("Offline: " + fileLabel + " (planned, nothing deployed)", true);
    }

    /**
     * A poll answered. Logs every state change with its time and returns the changes to
     * {@code failed}, which deserve a popup as well.
     */
    public List<StateChange> polled(String sourceLabel, Topology next) {
        List<StateChange> failed = new ArrayList<>();
        for (StateChange c : StateChange.between(shown, next)) {
            log(c.describe());
            if (c.to() == LifecycleState.FAILED) {
                failed.add(c);
            }
        }
        consecutiveFailures = 0;
        bannerShown.set(false);
        stale.set(false);
        show(next);
        lastUpdate = clock.instant();
        setConnection(sourceLabel + ": connected", true);
        tick();
        return failed;
    }

    /**
     * A poll failed. The picture stays as it was, greyed, and the banner says when the next try
     * is: 2, 4, 8 ... 30 s, as the poller backs off.
     */
    public void pollFailed(String sourceLabel, Throwable error) {
        consecutiveFailures++;
        long retry = (long) DatabasePoller.backoff(consecutiveFailures).toSeconds();
        outage = error instanceof ControlPlaneException cpe && !cpe.unreachable()
                ? "Control plane answered: " + cpe.getMessage() : "Control plane unreachable";
        retryAt = clock.instant().plusSeconds(retry);
        updateBanner();
        bannerShown.set(true);
        stale.set(shown != null);
        setConnection(sourceLabel + ": unreachable", false);
        if (consecutiveFailures == 1) {
            log(sourceLabel + ": " + message(error));
        }
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** Called every second: keeps "updated N s ago" and the banner's count-down true. */
    public void tick() {
        if (lastUpdate != null) {
            updated.set("updated " + ago(lastUpdate));
        }
        if (bannerShown.get()) {
            updateBanner();
        }
    }

    private void updateBanner() {
        long left = Math.max(0, (Duration.between(clock.instant(), retryAt).toMillis() + 999) / 1000);
        banner.set(outage + (left > 0 ? ", retrying in " + left + " s" : ", retrying now")
                + (lastUpdate != null ? " — showing the picture of " + ago(lastUpdate) : ""));
    }

    private void show(Topology t) {
        shown = t;
        if (t == null) {
            counts.set("");
            return;
        }
        long healthy = t.instances().stream().filter(InstancePlacement::healthy).count();
        long failed = t.instances().stream().filter(i -> i.state() == LifecycleState.FAILED).count();
        counts.set(t.hosts().size() + " hosts · " + t.services().size() + " services · " + t.instances().size()
                + " instances · " + healthy + " healthy" + (failed > 0 ? " · " + failed + " failed" : ""));
    }

    String ago(Instant t) {
        long s = Math.max(0, Duration.between(t, clock.instant()).getSeconds());
        return s < 60 ? s + " s ago" : s / 60 + " min ago";
    }

    /** The first line of the innermost message: what a person can act on, not a stack trace. */
    static String message(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getMessage() == null) {
            c = c.getCause();
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
