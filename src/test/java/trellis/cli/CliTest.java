package trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import trellis.TestFiles;
import trellis.spec.Json;

/** The CLI as a person uses it: exit codes and the lines it prints. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = TrellisCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Path exampleWith(String example, String pointer, String field, JsonNode value) throws Exception {
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(TestFiles.example(example).toFile());
        ((ObjectNode) tree.at(pointer)).set(field, value);
        return write("edited-" + field + ".json", Json.write(tree));
    }

    @Test
    void versionIsThePomsThenTheJavaRuntime() {
        Run r = run("--version");
        assertThat(r.exit()).isZero();
        // surefire passes the pom's version; the jar's own copy comes from the filtered version.properties
        assertThat(r.out().split("\\R")).containsExactly(
                "trellis " + System.getProperty("trellis.version"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.vendor") + ")");
        assertThat(System.getProperty("trellis.version")).isNotBlank().doesNotContain("${");
    }

    @Test
    void theExamplesAreValid() {
        List<String> args = new ArrayList<>(List.of("validate"));
        TestFiles.examples().forEach(p -> args.add(p.toString()));
        Run r = run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("co-located.json: valid", "separate-host.json: valid", "multiple-instances.json: valid");
    }

    @Test
    void aBrokenRuleExitsOneWithFileAndPath() throws Exception {
        Path bad = exampleWith("co-located.json", "/spec/services/0", "connect_as", Json.MAPPER.getNodeFactory().textNode("ap"));
        Run r = run("validate", TestFiles.example("multiple-instances.json").toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(bad + ": spec.services[0].connect_as: ")
                .contains("\"ap\"").contains("admin, app");
    }

    @Test
    void jsonOutputIsOneDocument() throws Exception {
        Path bad = exampleWith("co-located.json", "/spec/services/0", "version", Json.MAPPER.getNodeFactory().textNode("v1"));
        Run r = run("validate", "--json", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode doc = Json.parse(r.out());
        assertThat(doc.at("/files/0/valid").asBoolean()).isFalse();
        assertThat(doc.at("/files/0/problems/0/path").asText()).isEqualTo("spec.services[0].version");
    }

    @Test
    void malformedJsonExitsTwoWithThePlace() throws Exception {
        Path p = write("broken.json", "{\"id\": \"x\",\n \"spec\": {\"nodes\": [}\n}");
        Run r = run("validate", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith(p + ": not valid JSON at line 2").doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void emptyFileExitsTwo() throws Exception {
        Run r = run("validate", write("empty.json", "").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("empty file");
    }

    @Test
    void directoryExitsTwo() {
        Run r = run("validate", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(dir + ": is a directory");
    }

    @Test
    void missingFileExitsTwo() {
        Run r = run("validate", dir.resolve("nope.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such file");
    }

    @Test
    void invalidUtf8ExitsTwo() throws Exception {
        Path p = dir.resolve("latin1.json");
        byte[] head = "{\"id\":\"caf".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\",\"spec\":{}}".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9;
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        Files.write(p, all);
        Run r = run("validate", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(p.toString()).contains("UTF-8");
    }

    @Test
    void nestingTenThousandDeepExitsTwoWithoutAStackTrace() throws Exception {
        String deep = "{\"id\":\"x\",\"spec\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        Run r = run("validate", write("deep.json", deep).toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("deep.json").contains("nesting").doesNotContain("\tat ");
    }

    @Test
    void aMegabyteStringIsAProblemNotACrash() throws Exception {
        Path p = exampleWith("co-located.json", "/spec/services/0", "service_id",
                Json.MAPPER.getNodeFactory().textNode("a".repeat(1_000_000)));
        Run r = run("validate", p.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("spec.services[0].service_id");
        assertThat(r.out().length()).as("the string is not echoed whole").isLessThan(20_000);
    }

    @Test
    void wrongTypesAtAnyDepthExitOne() throws Exception {
        for (String[] c : new String[][]{
                {"/spec", "nodes", "\"n1\""},
                {"/spec/services/0", "host_ids", "\"host-1\""},
                {"/spec/services/0", "port", "\"80\""},
                {"/spec/services/0/config", "db_pool", "\"ten\""},
                {"/spec/database_users/0", "db_owner", "\"yes\""},
                {"/spec", "services", "{}"}}) {
            Path p = exampleWith("co-located.json", c[0], c[1], Json.parse(c[2]));
            Run r = run("validate", p.toString());
            assertThat(r.exit()).as(String.join(" ", c) + ": " + r.all()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("\tat ");
        }
    }

    @Test
    void aTopLevelArrayOrMissingSpecIsInvalid() throws Exception {
        assertThat(run("validate", write("arr.json", "[1,2]").toString()).exit()).isEqualTo(1);
        assertThat(run("validate", write("nospec.json", "{\"id\":\"x\"}").toString()).exit()).isEqualTo(1);
    }

    @Test
    void planPrintsTheAddedInstanceOnHost2() {
        Run r = run("plan", TestFiles.example("co-located.json").toString(), TestFiles.example("multiple-instances.json").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("+ add instance of 'api' on host-2");
    }

    @Test
    void planPrintsGrantAndRevokeForANewAnonRole() throws Exception {
        Path b = exampleWith("co-located.json", "/spec/services/0/config", "db_anon_role",
                Json.MAPPER.getNodeFactory().textNode("web_reader"));
        Run r = run("plan", TestFiles.example("co-located.json").toString(), b.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("GRANT web_reader TO app", "REVOKE web_anon FROM app");
    }

    @Test
    void planNeverPrintsASecret() throws Exception {
        Path b = exampleWith("separate-host.json", "/spec/services/0/config", "anthropic_api_key",
                Json.MAPPER.getNodeFactory().textNode("sk-ant-rotated"));
        Run r = run("plan", "--json", TestFiles.example("separate-host.json").toString(), b.toString());
        assertThat(r.out()).contains("anthropic_api_key changed (secret)").doesNotContain("sk-ant");
    }

    @Test
    void topologyPrintsHostsNodesInstancesAndPattern() {
        Run r = run("topology", TestFiles.example("separate-host.json").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("host host-3  (no database node)", "instance inventory-mcp-host-3",
                "separate-host", "node n2");
        Run j = run("topology", "--json", TestFiles.example("multiple-instances.json").toString());
        assertThat(j.out()).contains("multiple-instances").doesNotContain("change-me");
    }
}
