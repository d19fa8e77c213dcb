package trellis.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import trellis.engine.ConnectionProfile;
import trellis.engine.ControlPlane;
import trellis.ui.action.ActionContext;
import trellis.ui.action.ActionManager;
import trellis.ui.action.UserAction;

/**
 * Control Planes reached by connection profile: File &gt; Connect… (the profile editor, tested
 * before it is saved), the source's Edit and Remove, and the start-up connection of
 * {@code --connect}/{@code --profile}. Several profiles are open at once, each a source of its
 * own. FX thread only; the profiles file and the PEM files are read off it.
 */
final class RemoteSources {
    private final ActionManager actions;
    private final Supplier<ActionContext> ctx;
    private final Dialogs dialogs;
    private final Remote remote;
    private final BiConsumer<ControlPlane, String> add;
    private final Consumer<Sources.LiveSource> drop;
    private final ConnectedProfiles connected;
    /** The profile each source was opened from, by the control plane it is (sources wrap it). */
    private final Map<ControlPlane, ConnectionProfile> profileOf = new HashMap<>();

    /**
     * @param add adds a control plane as a source and shows the database named (or the first, for null)
     * @param drop takes a source out of the tree, its pollers stopped
     */
    RemoteSources(ActionManager actions, Supplier<ActionContext> ctx, Dialogs dialogs, Remote remote,
                  BiConsumer<ControlPlane, String> add, Consumer<Sources.LiveSource> drop, ConnectedProfiles connected) {
        this.actions = actions;
        this.ctx = ctx;
        this.dialogs = dialogs;
        this.remote = remote;
        this.add = add;
        this.drop = drop;
        this.connected = connected;
    }

    /** The profile a source was opened from, or null (the local engine, a bare address of an older session). */
    ConnectionProfile profileOf(Sources.LiveSource source) {
        return profileOf.get(source.controlPlane());
    }

    /**
     * Opens what {@code --connect}/{@code --profile} named; true when there was something to open.
     * Without either, the saved profiles connected when the last session ended are connected again
     * (off the FX thread; one that cannot be is said in the event log) and the answer is false.
     */
    boolean startConnected() {
        ConnectionProfile p = remote.start();
        if (p == null) {
            reopenLast();
            return false;
        }
        open(p, remote.startDatabase(), false);
        return true;
    }

    /** File > Connect to Control Plane…: a new profile, or a saved one picked in the editor. */
    void connect() {
        edit(null);
    }

    /** The source's Edit profile…: the editor filled with its profile; saved under the new values, the source is opened again. */
    void edit(Sources.LiveSource source) {
        ConnectionProfile old = source == null ? null : profileOf(source);
        ctx.get().runner().run(() -> remote.profiles().list(), saved -> dialogs.askProfile(old, saved, ctx.get().runner(), remote.open())
                .ifPresent(p -> {
                    if (source != null) {
                        forget(source);
                    }
                    open(p, null, true);
                    replace(p, old == null ? null : old.name());
                }), error -> ctx.get().alert("Cannot read the connection profiles", ActionContext.message(error)));
    }

    /** The source's Remove profile…: asks, closes the source and deletes its profile (the PEM files stay). */
    void remove(Sources.LiveSource source) {
        ConnectionProfile p = profileOf(source);
        if (p == null) {
            forget(source);
            return;
        }
        if (dialogs.confirm("Remove the connection profile '" + p.name() + "'?", "Its source closes and the profile is "
                + "deleted from " + remote.profiles().file() + ". The certificate and key files it names stay where they are.")) {
            forget(source);
            actions.run(UserAction.of("Remove profile '" + p.name() + "'", () -> ctx.get().runner().run(
                    () -> remote.profiles().remove(p.name()), removed -> ctx.get().log(removed ? "Profile '" + p.name() + "' removed"
                            : "Profile '" + p.name() + "' was not saved; its source is closed"),
                    error -> ctx.get().alert("Cannot remove the profile '" + p.name() + "'", ActionContext.message(error)))));
        }
    }

    private void reopenLast() {
        List<String> names = connected.last();
        if (names.isEmpty()) {
            return;
        }
        ctx.get().runner().run(() -> remote.profiles().list(), saved -> {
            for (String name : names) {
                // a bare address (--connect) was never saved: nothing to reconnect
                saved.stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(s -> ctx.get().runner().run(
                        () -> remote.open().apply(s), cp -> opened(cp, s, null),
                        error -> ctx.get().log("Not reconnected to '" + name + "' from the last session: " + ActionContext.message(error)
                                + "; fix the profile with File > Connect to Control Plane…")));
            }
        }, error -> ctx.get().log("Not reconnected to the last session's Control Planes: " + ActionContext.message(error)));
    }

    private void opened(ControlPlane cp, ConnectionProfile p, String database) {
        profileOf.put(cp, p);
        connected.connected(p.name());
        add.accept(cp, database);
    }

    private void forget(Sources.LiveSource source) {
        ConnectionProfile p = profileOf.get(source.controlPlane());
        if (p != null) {
            connected.closed(p.name());
        }
        profileOf.remove(source.controlPlane());
        drop.accept(source);
        source.controlPlane().close();
    }

    private void replace(ConnectionProfile p, String oldName) {
        ctx.get().runner().run(() -> {
            remote.profiles().save(p, oldName);
            return p;
        }, saved -> ctx.get().log("Profile '" + p.name() + "' saved in " + remote.profiles().file()),
                error -> ctx.get().alert("Cannot save the profile '" + p.name() + "'", ActionContext.message(error)));
    }

    /** Opens the profile as a source (its PEM files read off the FX thread), showing {@code database} when given. */
    private void open(ConnectionProfile p, String database, boolean chosen) {
        actions.run(UserAction.of("Connect to " + p.name(), () -> ctx.get().runner().run(() -> remote.open().apply(p), cp -> opened(cp, p, database), error -> ctx.get().alert("Cannot connect to " + p.name(), ActionContext.message(error)
                + (chosen ? "" : "; fix the profile with File > Connect to Control Plane…")))));
    }
}
