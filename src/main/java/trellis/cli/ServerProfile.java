package trellis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import trellis.engine.ConnectionProfile;
import trellis.engine.ConnectionProfiles;
import trellis.ui.Settings;

/** {@code --profile NAME}: a connection profile the console saved, read from the same profiles.json. */
final class ServerProfile {
    private ServerProfile() {}

    /** profiles.json beside the console's settings file (as the console finds it). */
    static Path file() {
        return Settings.defaultFile().toAbsolutePath().resolveSibling("profiles.json");
    }

    /** The profile of that name; an unknown one names itself and the known ones. */
    static ConnectionProfile named(String name, Path file) throws ServerOptions.Unusable {
        List<ConnectionProfile> all;
        try {
            all = new ConnectionProfiles(file).list();
        } catch (IOException e) {
            throw new ServerOptions.Unusable("cannot read the profiles: " + e.getMessage());
        }
        for (ConnectionProfile p : all) {
            if (p.name().equals(name)) {
                String problem = p.problem().orElse(null);
                if (problem != null) {
                    throw new ServerOptions.Unusable("profile '" + name + "' in " + file + " cannot be used: " + problem
                            + " (edit it in the console)");
                }
                return p;
            }
        }
        throw new ServerOptions.Unusable("no profile '" + name + "' in " + file + "; " + (all.isEmpty()
                ? "there are no profiles: save one in the console (File > Connect to Control Plane…)"
                : "the known profiles are: " + String.join(", ", all.stream().map(ConnectionProfile::name).toList())));
    }
}
