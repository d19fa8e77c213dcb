package trellis.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trellis.engine.ConnectionProfile;
import trellis.engine.ConnectionProfiles;

/** --connect, --profile and --database: what opens the console connected, and the one line for what cannot. */
class ConsoleArgsTest {
    @TempDir
    Path dir;

    ConsoleArgs parse(String... args) throws Exception {
        return ConsoleArgs.parse(args).orElseThrow();
    }

    @Test
    void anAddressOrASavedProfileOpensConnected() throws Exception {
        ConnectionProfiles profiles = new ConnectionProfiles(dir.resolve("profiles.json"));
        ConnectionProfile prod = new ConnectionProfile("production", "https://cp.example.com:3000", "/ca.pem", null, null, null, null);
        profiles.save(prod, null);
        ConsoleArgs a = parse("--connect", "http://127.0.0.1:3000", "--database", "orders");
        assertThat(a.start(profiles)).isEqualTo(new ConnectionProfile("127.0.0.1:3000", "http://127.0.0.1:3000", null, null, null, null, null));
        assertThat(a.database()).isEqualTo("orders");
        assertThat(parse("--profile", "production").start(profiles)).isEqualTo(prod);
        assertThat(parse().start(profiles)).isNull();
        assertThat(ConsoleArgs.parse(new String[] {"databases", "--profile", "production"})).as("a command: the CLI's").isEmpty();
    }

    @Test
    void whatCannotStartIsOneLineNamingItAndTheWayOut() throws Exception {
        ConnectionProfiles profiles = new ConnectionProfiles(dir.resolve("profiles.json"));
        assertThatThrownBy(() -> parse("--profile", "staging").start(profiles)).isInstanceOf(ConsoleArgs.Refused.class)
                .hasMessage("trellis: no connection profile named 'staging' in " + profiles.file()
                        + "; save one with File > Connect to Control Plane…, or start with --connect URL");
        assertThatThrownBy(() -> parse("--connect", "cp.example.com:3000").start(profiles)).isInstanceOf(ConsoleArgs.Refused.class)
                .hasMessage("trellis: --connect 'cp.example.com:3000' is not an http:// or https:// address; "
                        + "enter one such as https://cp.example.com:3000");
        assertThatThrownBy(() -> parse("--connect", "http://bad host").start(profiles)).isInstanceOf(ConsoleArgs.Refused.class)
                .hasMessage("trellis: --connect 'http://bad host' is not an address; enter one such as https://cp.example.com:3000");
        assertThatThrownBy(() -> parse("--connect")).isInstanceOf(ConsoleArgs.Refused.class)
                .hasMessage("trellis: --connect needs a URL, such as --connect http://127.0.0.1:3000");
        assertThatThrownBy(() -> parse("--database", "orders")).isInstanceOf(ConsoleArgs.Refused.class)
                .hasMessage("trellis: --database orders needs --connect URL or --profile NAME to say where it is");
        assertThatThrownBy(() -> parse("--connect", "http://a", "--profile", "b")).isInstanceOf(ConsoleArgs.Refused.class)
                .hasMessage("trellis: give --connect URL or --profile NAME, not both");
    }
}
