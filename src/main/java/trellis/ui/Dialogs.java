package trellis.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Every question and message the console puts to a person, so that the controllers never build a
 * dialog themselves and a test can answer for the person. Made once by the composition root.
 */
public interface Dialogs {
    /** The same dialogs, owned by this window. */
    Dialogs ownedBy(Window owner);

    /** Says what went wrong; does not wait for the person. */
    void error(String header, String text);

    /** Asks OK or Cancel; true for OK. */
    boolean confirm(String header, String text);

    /** Asks for one line of text; empty when cancelled. */
    Optional<String> askText(String title, String header, String initial);

    /** Asks for a spec file to open. */
    Optional<Path> chooseSpecFile();

    /** Asks where to save a new spec file. */
    Optional<Path> chooseSpecTarget(String initialName);

    /** Asks where to save a PNG picture. */
    Optional<Path> choosePngTarget(String initialName);

    /** Shows an instance's files in a window of their own (not modal): a list of paths, the chosen one's text. */
    void showFiles(String title, List<trellis.engine.InstanceFileView.ShownFile> files);

    /** Help > About: a message with a title, waited on by nobody. */
    void about(String title, String text);

    /** Engine > Bind host. */
    Optional<HostDialog.Request> askHost(List<String> hosts, String endpoint);

    /**
     * File > Connect to Control Plane… (and a source's Edit profile…): the profile editor, which
     * tests the connection through {@code runner} before it gives the profile to save.
     */
    default Optional<trellis.engine.ConnectionProfile> askProfile(trellis.engine.ConnectionProfile initial,
            List<trellis.engine.ConnectionProfile> saved, TaskRunner runner,
            java.util.function.Function<trellis.engine.ConnectionProfile, trellis.engine.ControlPlane> open) {
        return ConnectDialog.ask(null, initial, saved, runner, open);
    }

    /** Engine > Database node. */
    Optional<NodeDialog.Request> askNode(List<String> nodes);

    /** File > Deploy to the local engine: per node of the spec, start here, attach a server, or skip; empty when cancelled. */
    Optional<java.util.Map<String, trellis.engine.NodeChoice>> askDeployNodes(String databaseId, List<String> nodes);
}
