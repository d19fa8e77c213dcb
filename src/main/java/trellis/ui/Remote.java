package trellis.ui;

import java.util.function.Function;
import trellis.engine.ConnectionProfile;
import trellis.engine.ConnectionProfiles;
import trellis.engine.ControlPlane;

/**
 * What the console is given to reach Control Planes by profile: where the profiles are kept, how a
 * profile becomes a control plane (the composition root knows the REST client; this throws
 * IllegalArgumentException naming a file that cannot be used), and what to connect to at start.
 *
 * @param start the profile (or bare address) to open connected at start, or null
 * @param startDatabase the database to show at start, or null for the first
 */
public record Remote(ConnectionProfiles profiles, Function<ConnectionProfile, ControlPlane> open,
        ConnectionProfile start, String startDatabase) {
    /** The same, with nothing to connect to at start. */
    public Remote withoutStart() {
        return new Remote(profiles, open, null, null);
    }
}
