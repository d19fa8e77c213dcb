package trellis.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trellis.engine.ConnectionProfile;
import trellis.engine.ConnectionProfiles;

/**
 * The console's command line: spec files to open, and {@code --connect URL} or {@code --profile
 * NAME} (with {@code --database ID}) to open it already connected. Anything else is the CLI's.
 */
record ConsoleArgs(List<Path> files, String connect, String profile, String database) {
    /** A start-up the console cannot make, told in one line with the way out. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The console's arguments, or empty when these are the CLI's (a command, or an option the console does not take). */
    static Optional<ConsoleArgs> parse(String[] args) throws Refused {
        List<Path> files = new ArrayList<>();
        String connect = null;
        String profile = null;
        String database = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--connect", "--profile", "--database" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new Refused("trellis: " + a + " needs " + (a.equals("--connect") ? "a URL, such as --connect http://127.0.0.1:3000"
                                : a.equals("--profile") ? "a profile's name, such as --profile production" : "a database id, such as --database catalog"));
                    }
                    String v = args[++i];
                    if (a.equals("--connect")) {
                        connect = v;
                    } else if (a.equals("--profile")) {
                        profile = v;
                    } else {
                        database = v;
                    }
                }
                default -> {
                    if (a.endsWith(".json") && Files.isRegularFile(Path.of(a))) {
                        files.add(Path.of(a));
                    } else {
                        return Optional.empty();
                    }
                }
            }
        }
        if (connect != null && profile != null) {
            throw new Refused("trellis: give --connect URL or --profile NAME, not both");
        }
        if (database != null && connect == null && profile == null) {
            throw new Refused("trellis: --database " + database + " needs --connect URL or --profile NAME to say where it is");
        }
        return Optional.of(new ConsoleArgs(List.copyOf(files), connect, profile, database));
    }

    /** The profile to start connected with, or null; a profile that is not there or an address that is not one is refused. */
    ConnectionProfile start(ConnectionProfiles profiles) throws Refused {
        if (connect != null) {
            ConnectionProfile p;
            try {
                p = ConnectionProfile.ofUrl(connect);
            } catch (IllegalArgumentException e) {
                p = new ConnectionProfile("address", connect, null, null, null, null, null);
            }
            Optional<String> problem = p.problem();
            if (problem.isPresent()) {
                throw new Refused("trellis: " + problem.get().replaceFirst("^URL: ", "--connect "));
            }
            return p;
        }
        if (profile != null) {
            try {
                return profiles.named(profile).orElseThrow(() -> new Refused("trellis: no connection profile named '" + profile + "' in "
                        + profiles.file() + "; save one with File > Connect to Control Plane…, or start with --connect URL"));
            } catch (java.io.IOException e) {
                throw new Refused("trellis: cannot read the connection profiles: " + e.getMessage());
            }
        }
        return null;
    }
}
