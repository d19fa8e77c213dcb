package trellis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** profiles.json: what is saved comes back as it was, in order; nothing but paths is ever written. */
class ConnectionProfilesTest {
    @TempDir
    Path dir;

    final ConnectionProfile prod = new ConnectionProfile("production", "https://cp.example.com:3000", "/etc/pgedge/ca.pem",
            "/home/ops/client.pem", "/home/ops/client-key.pem", 3, 20);
    final ConnectionProfile lab = new ConnectionProfile("lab", "http://127.0.0.1:3000", null, null, null, null, null);

    @Test
    void profilesComeBackAsSavedAndInOrder() throws IOException {
        ConnectionProfiles store = new ConnectionProfiles(dir.resolve("trellis/profiles.json"));
        assertThat(store.list()).isEmpty();
        store.save(prod, null);
        store.save(lab, null);
        assertThat(new ConnectionProfiles(store.file()).list()).containsExactly(prod, lab);
        assertThat(Files.readString(store.file())).isEqualTo("""
                {
                  "profiles" : [ {
                    "name" : "production",
                    "url" : "https://cp.example.com:3000",
                    "ca_cert" : "/etc/pgedge/ca.pem",
                    "client_cert" : "/home/ops/client.pem",
                    "client_key" : "/home/ops/client-key.pem",
                    "connect_timeout_seconds" : 3,
                    "request_timeout_seconds" : 20
                  }, {
                    "name" : "lab",
                    "url" : "http://127.0.0.1:3000"
                  } ]
                }
                """);
        // edited under a new name: it keeps its place
        ConnectionProfile renamed = new ConnectionProfile("prod-eu", prod.url(), prod.caCert(), prod.clientCert(), prod.clientKey(), 3, 20);
        store.save(renamed, "production");
        assertThat(store.list()).containsExactly(renamed, lab);
        assertThat(store.named("lab")).contains(lab);
        assertThat(store.remove("prod-eu")).isTrue();
        assertThat(store.remove("prod-eu")).isFalse();
        assertThat(store.list()).containsExactly(lab);
    }

    @Test
    void aSecretSomeoneAddedByHandIsNeitherReadNorWrittenBack() throws IOException {
        Path file = Files.writeString(dir.resolve("profiles.json"), """
                {"profiles": [{"name": "lab", "url": "http://127.0.0.1:3000", "password": "hunter2",
                               "token": "tok-123", "client_key_pem": "-----BEGIN PRIVATE KEY-----abc"}]}
                """);
        ConnectionProfiles store = new ConnectionProfiles(file);
        assertThat(store.list()).containsExactly(lab);
        store.save(prod, null);
        String written = Files.readString(file);
        assertThat(written).doesNotContain("hunter2", "tok-123", "password", "token", "BEGIN");
        assertThat(store.list()).containsExactly(lab, prod);
    }

    @Test
    void aFileThatIsNotJsonIsNamedWithTheWayOut() throws IOException {
        Path file = Files.writeString(dir.resolve("profiles.json"), "{not json");
        assertThatThrownBy(() -> new ConnectionProfiles(file).list()).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + " is not JSON (").hasMessageEndingWith("); fix it or remove it, and save the profiles again");
    }

    @Test
    void eachProblemNamesItsFieldAndTheWayOut() {
        assertThat(List.of(
                new ConnectionProfile(" ", "http://a", null, null, null, null, null),
                new ConnectionProfile("x", "", null, null, null, null, null),
                new ConnectionProfile("x", "cp.example.com:3000", null, null, null, null, null),
                new ConnectionProfile("x", "https://cp", null, "/c.pem", null, null, null),
                new ConnectionProfile("x", "https://cp", null, null, "/k.pem", null, null),
                new ConnectionProfile("x", "http://cp", "/ca.pem", null, null, null, null),
                new ConnectionProfile("x", "https://cp", null, null, null, 0, null),
                new ConnectionProfile("x", "https://cp", null, null, null, null, 5000),
                prod).stream().map(p -> p.problem().orElse("usable")).toList()).containsExactly(
                "Name: enter a name for this profile, such as production",
                "URL: enter the Control Plane's address, such as https://cp.example.com:3000",
                "URL: 'cp.example.com:3000' is not an http:// or https:// address; enter one such as https://cp.example.com:3000",
                "Client certificate: given without its key; choose the client key too, or neither",
                "Client key: given without its certificate; choose the client certificate too, or neither",
                "URL: certificates are for https:// addresses; start the URL with https://",
                "Connect timeout: 0 s is out of range; give 1 to 600 seconds",
                "Request timeout: 5000 s is out of range; give 1 to 3600 seconds",
                "usable");
    }
}
