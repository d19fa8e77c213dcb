package trellis.ui;

import java.util.List;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import trellis.topology.StateChange;

/**
 * A popup per failed instance, or one for them all when a poll brings more than three: a hundred
 * popups would hide the picture they are about.
 */
final class FailureNotifier {
    private FailureNotifier() {
    }

    static void notifyFailed(Stage stage, List<StateChange> failed) {
        if (failed.isEmpty() || stage == null || !stage.isShowing()) {
            return;
        }
        try {
            if (failed.size() > 3) {
                Notifications.create().owner(stage).title(failed.size() + " instances failed")
                        .text(String.join(", ", failed.stream().limit(6).map(c -> c.serviceId() + " on " + c.hostId()).toList())
                                + (failed.size() > 6 ? " and " + (failed.size() - 6) + " more" : "") + ". The event log has each error.")
                        .hideAfter(Duration.seconds(8)).showError();
                return;
            }
            for (StateChange c : failed) {
                Notifications.create().owner(stage).title("Instance failed")
                        .text(c.serviceId() + " on " + c.hostId() + " failed" + (c.error() != null ? ":\n" + c.error() : ""))
                        .hideAfter(Duration.seconds(8)).showError();
            }
        } catch (RuntimeException e) {
            // A notification is a courtesy; the event log already has the change.
        }
    }
}
