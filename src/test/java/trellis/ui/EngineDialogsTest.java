package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Engine menu's dialogs say of a form before anything is sent. */
class EngineDialogsTest {
    private static final java.util.function.UnaryOperator<String> ENV = Map.of("PG_ADMIN_PW", "x")::get;

    private static String node(String node, boolean start, String host, String port, String db, String user, boolean pw, String env) {
        return NodeDialog.problem(node, start, host, port, db, user, pw, env, ENV).orElse("ok");
    }

    @Test
    void theNodeFormNamesTheFieldAndTheWayOut() {
        assertThat(node(" ", false, "h", "5432", "postgres", "postgres", false, null)).startsWith("Node: enter the name");
        assertThat(node("n1", false, "", "5432", "postgres", "postgres", false, null)).startsWith("Host: enter the address");
        assertThat(node("n1", false, "h", "54x", "postgres", "postgres", false, null))
                .isEqualTo("Port: '54x' is not a port; enter a number from 1 to 65535.");
        assertThat(node("n1", false, "h", "0", "postgres", "postgres", false, null)).startsWith("Port: '0' is not a port");
        assertThat(node("n1", false, "h", "5432", " ", "postgres", false, null)).startsWith("Database: enter");
        assertThat(node("n1", false, "h", "5432", "postgres", "", false, null)).startsWith("Admin user: enter");
        assertThat(node("n1", false, "h", "5432", "postgres", "postgres", true, "PG_ADMIN_PW")).contains("not both");
        assertThat(node("n1", false, "h", "5432", "postgres", "postgres", false, "NOPE_UNSET"))
                .isEqualTo("Password variable: NOPE_UNSET is not set in Trellis's environment; set it and start Trellis again, or type the password.");
        assertThat(node("n1", false, "h", "5432", "postgres", "postgres", false, "PG_ADMIN_PW")).isEqualTo("ok");
        assertThat(node("n1", false, "h", "5432", "postgres", "postgres", true, "")).isEqualTo("ok");
        assertThat(node("n1", true, "", "", "", "", false, null)).as("starting one needs only the name").isEqualTo("ok");
    }

    @Test
    void theHostFormRefusesWhatIsNotAHostIdOrAnEngineAddress() {
        assertThat(HostDialog.problem("", "unix:///var/run/docker.sock")).get().asString().startsWith("Host id: enter");
        assertThat(HostDialog.problem("host 1", "unix:///var/run/docker.sock")).get().asString()
                .startsWith("Host id: 'host 1' is not a host id");
        assertThat(HostDialog.problem("host-1", "docker.example:2375")).get().asString()
                .startsWith("Docker engine: 'docker.example:2375' is not an engine address");
        assertThat(HostDialog.problem("host-1", "tcp://10.0.0.5:2376")).isEmpty();
        assertThat(HostDialog.problem("host_2", "ssh://ops@build-1")).isEmpty();
        assertThat(new NodeDialog.Request("n1", NodeDialog.Mode.ATTACH, "h", 5432, "d", "u", "secret".toCharArray(), null, null, false).toString())
                .doesNotContain("secret");
    }
}
