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
    /** The status bar's words while no database is on screen (a source may well be connected). */
    static final String NOTHING_SHOWN = "No database shown: pick one in the sources";

    private final Clock clock;
    private final StringProperty connection = new SimpleStringProperty(NOTHING_SHOWN);
    private final BooleanProperty connected = new SimpleBooleanProperty(true);
    private final StringProperty updated = new SimpleStringProperty("");
    private final BooleanProperty bannerShown = new SimpleBooleanProperty(false);
    private final StringProperty banner = new SimpleStringProperty("");
    private final BooleanProperty stale = new SimpleBooleanProperty(false);
    private final StringProperty counts = new SimpleStringProperty("");
    private final ObservableList<String> events = FXCollections.observableArrayList();
    private boolean paused;
    /** What is known of each watched database; the properties show the selected one. */
    private final java.util.Map<String, Watched> watched = new java.util.HashMap<>();
    private Watched on = new Watched(null);

    /** One database's last picture, its age, and its outage when it stopped answering. */
    private static final class Watched {
        final String key;
        Topology shown;
        Instant lastUpdate;
        int consecutiveFailures;
        /** While unreachable: what the banner says first, and when the next try is due. */
        String outage;
        Instant retryAt;
        String connection = NOTHING_SHOWN;
        boolean connected = true;

        Watched(String key) {
            this.key = key;
        }
    }

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
        return on.shown;
    }

    /**
     * Puts a watched database on screen (a key such as "source/database-id"), with whatever is
     * known of it already: its last picture, age and outage appear at once, before its next poll.
     */
    public void select(String key) {
        on = watched.computeIfAbsent(key, Watched::new);
        publish();
    }

    /** Stops remembering a database that is no longer watched. */
    public void forget(String key) {
        watched.remove(key);
    }

    private boolean onScreen(Watched w) {
        return w == on;
    }

    /** Copies the selected database's state into the properties the window binds to. */
    private void publish() {
        connection.set(on.connection);
        connected.set(on.connected);
        bannerShown.set(on.outage != null);
        stale.set(on.outage != null && on.shown != null);
        updated.set("");
        tick();
        showCounts(on.shown);
    }

    public void log(String line) {
        logAll(List.of(line));
    }

    /**
     * Logs lines in their order (the last one on top), as one change of the list: a poll's state changes
     * one by one were a change of the event log's list (and of its view) each, 20 per poll in the soak.
     */
    private void logAll(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        String time = LocalTime.now(clock.withZone(ZoneId.systemDefault())).format(TIME) + "  ";
        List<String> newestFirst = new ArrayList<>(lines.size());
        for (int i = lines.size() - 1; i >= 0; i--) {
            newestFirst.add(time + lines.get(i));
        }
        if (events.size() + newestFirst.size() > MAX_EVENTS) {
            // the oldest go first, so that the list never holds more than its cap, not even for a moment
            events.remove(Math.max(0, MAX_EVENTS - newestFirst.size()), events.size());
        }
        events.addAll(0, newestFirst.subList(0, Math.min(newestFirst.size(), MAX_EVENTS)));
    }

    /** The connection state of the database on screen (or of a source being listed). */
    public void setConnection(String text, boolean ok) {
        setConnection(on, text, ok);
    }

    private void setConnection(Watched w, String text, boolean ok) {
        w.connection = text;
        w.connected = ok;
        if (onScreen(w)) {
            connection.set(text);
            connected.set(ok);
        }
    }

    /** A spec file's planned picture: nothing is deployed, so there is no age and no poll. */
    public void showPlanned(String fileLabel, Topology planned) {
        on = new Watched(null);
        on.shown = planned;
        on.connection = "Offline: " + fileLabel + " (planned, nothing deployed)";
        publish();
    }

    /**
     * A poll answered. Logs every state change with its time and returns the changes to
     * {@code failed}, which deserve a popup as well.
     */
    public List<StateChange> polled(String sourceLabel, Topology next) {
        return polled(on.key, sourceLabel, next);
    }

    /**
     * As {@link #polled(String, Topology)} for any watched database: changes of one that is not
     * on screen are logged with its id in front ("catalog: api on host-2: creating → running").
     */
    public List<StateChange> polled(String key, String sourceLabel, Topology next) {
        Watched w = key == null ? on : watched.computeIfAbsent(key, Watched::new);
        List<StateChange> failed = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (StateChange c : StateChange.between(w.shown, next)) {
            lines.add((onScreen(w) || next == null ? "" : next.databaseId() + ": ") + c.describe());
            if (c.to() == LifecycleState.FAILED) {
                failed.add(c);
            }
        }
        logAll(lines);
        w.consecutiveFailures = 0;
        w.outage = null;
        w.shown = next;
        w.lastUpdate = clock.instant();
        w.connection = sourceLabel + ": connected";
        w.connected = true;
        if (onScreen(w)) {
            publish();
        }
        return failed;
    }

    /**
     * A poll failed. The picture stays as it was, greyed, and the banner counts down to the next
     * try, which the poller says (2, 4, 8 ... 30 s after failures in a row): what the banner says
     * is what the poller does.
     */
    public void pollFailed(String sourceLabel, DatabasePoller.Retry retry) {
        pollFailed(on.key, sourceLabel, retry);
    }

    /** As {@link #pollFailed(String, DatabasePoller.Retry)} for any watched database. */
    public void pollFailed(String key, String sourceLabel, DatabasePoller.Retry retry) {
        Watched w = key == null ? on : watched.computeIfAbsent(key, Watched::new);
        Throwable error = retry.error();
        w.consecutiveFailures = retry.failuresInARow();
        w.outage = error instanceof ControlPlaneException cpe && !cpe.unreachable()
                ? "Control plane answered: " + cpe.getMessage() : "Control plane unreachable";
        w.retryAt = retry.at();
        w.connection = sourceLabel + ": unreachable";
        w.connected = false;
        if (w.consecutiveFailures == 1) {
            log(sourceLabel + ": " + message(error));
        }
        if (onScreen(w)) {
            publish();
        }
    }

    public int consecutiveFailures() {
        return on.consecutiveFailures;
    }

    /** Polling paused by the person: the age keeps growing and says why. */
    public void setPaused(boolean paused) {
        this.paused = paused;
        tick();
    }

    /** Called every second: keeps "updated N s ago" and the banner's count-down true. */
    public void tick() {
        if (on.lastUpdate != null) {
            updated.set("updated " + ago(on.lastUpdate) + (paused ? " · polling paused" : ""));
        }
        if (on.outage != null) {
            long left = Math.max(0, (Duration.between(clock.instant(), on.retryAt).toMillis() + 999) / 1000);
            banner.set(on.outage + (left > 0 ? ", retrying in " + left + " s" : ", retrying now")
                    + (on.lastUpdate != null ? " — showing the picture of " + ago(on.lastUpdate) : ""));
        }
    }

    private void showCounts(Topology t) {
        if (t == null) {
            counts.set("");
            return;
        }
        long healthy = t.instances().stream().filter(InstancePlacement::healthy).count();
        long failed = t.instances().stream().filter(i -> i.state() == LifecycleState.FAILED).count();
        counts.set(Topology.count(t.hosts().size(), "host") + " · " + Topology.count(t.services().size(), "service") + " · "
                + Topology.count(t.instances().size(), "instance") + " · " + healthy + " healthy" + (failed > 0 ? " · " + failed + " failed" : ""));
    }

    String ago(Instant t) {
        long s = Math.max(0, Duration.between(t, clock.instant()).getSeconds());
        return s < 60 ? s + " s ago" : s / 60 + " min ago";
    }

    /** The first line of the innermost message: what a person can act on, not a stack trace. */
    public static String message(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getMessage() == null) {
            c = c.getCause();
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
