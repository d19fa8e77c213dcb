package trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trellis.TestFiles;
import trellis.spec.Json;

/** {@code trellis validate --update [--previous CURRENT] NEW}. */
class ValidateUpdateCliTest {
    @TempDir
    Path dir;

    private Path write(String name, Object tree) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, Json.write(tree));
        return p;
    }

    private Path currentWithToken() throws Exception {
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(TestFiles.example("separate-host.json").toFile());
        ((ObjectNode) body.at("/spec/services/0/config")).put("init_token", "t");
        return write("current.json", body);
    }

    private Path updateOf(Path current) throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("spec", Json.MAPPER.readTree(current.toFile()).get("spec"));
        return write("update.json", body);
    }

    @Test
    void anUpdateKeepingInitTokenOnAnExistingServiceExitsOne() throws Exception {
        Path cur = currentWithToken();
        CliTest.Run r = CliTest.run("validate", "--update", "--previous", cur.toString(), updateOf(cur).toString());
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("update.json: spec.services[0].config.init_token: init_token can only be set during initial provisioning");
    }

    @Test
    void withoutPreviousItSaysWhatItCouldNotCheck() throws Exception {
        Path cur = currentWithToken();
        CliTest.Run r = CliTest.run("validate", "--update", updateOf(cur).toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.err().lines().filter(l -> l.startsWith("note: without --previous")).count()).isEqualTo(1);
        assertThat(r.err()).contains("init_token");
    }

    @Test
    void theDatabaseIdComesFromCurrent() throws Exception {
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(TestFiles.example("co-located.json").toFile());
        body.put("id", "d".repeat(30));
        Path cur = write("long.json", body);
        ObjectNode next = Json.MAPPER.createObjectNode();
        ObjectNode spec = body.get("spec").deepCopy();
        ((ObjectNode) spec.at("/services/0")).put("service_id", "s".repeat(24));
        next.set("spec", spec);
        CliTest.Run r = CliTest.run("validate", "--update", "--previous", cur.toString(), write("next.json", next).toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("53 characters");
    }

    @Test
    void anUnreadablePreviousExitsTwo() {
        CliTest.Run r = CliTest.run("validate", "--update", "--previous", dir.resolve("none.json").toString(),
                TestFiles.example("co-located.json").toString());
        assertThat(r.exit()).isEqualTo(2);
    }
}
