package trellis.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The profiles connected in this session, kept in the settings ({@code connected.profiles}, names
 * only) so that the next start connects them again. Written with the layout at shutdown. FX thread.
 */
final class ConnectedProfiles {
    static final String KEY = "connected.profiles";
    private final Settings settings;

    ConnectedProfiles(Settings settings) {
        this.settings = settings;
    }

    /** The names connected when the last session ended, in the order they were connected. */
    List<String> last() {
        return settings.list(KEY);
    }

    void connected(String name) {
        List<String> names = new ArrayList<>(settings.list(KEY));
        if (!names.contains(name)) {
            names.add(name);
            settings.putList(KEY, names);
        }
    }

    void closed(String name) {
        List<String> names = new ArrayList<>(settings.list(KEY));
        if (names.remove(name)) {
            settings.putList(KEY, names);
        }
    }
}
