package trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import trellis.TestFiles;
import trellis.engine.local.LocalEngine;
import trellis.engine.local.LocalEngineTesting;

/** {@code trellis apply} handed the local engine itself (real Docker): the node plan lines come before the plan, as in the deploy dialog. */
class ApplyLocalEngineIT {
    @Test
    void aDryRunSaysWhatTheEngineStartsForEachNode() {
        var docker = LocalEngineTesting.requireDocker();
        try (LocalEngine engine = new LocalEngine(docker, LocalEngineTesting.withDefaultNodes())) {
            ApplyCommand apply = new ApplyCommand();
            apply.controlPlane = engine;
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(apply);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute("--dry-run", "--id", "applynodes", TestFiles.example("multiple-instances.json").toString());
            assertThat(exit).as(out + "" + err).isZero();
            List<String> lines = out.toString().lines().toList();
            assertThat(lines.subList(0, 3)).containsExactly("Database nodes:",
                    "  node n1: Trellis will start PostgreSQL 17 on this machine",
                    "  node n2: Trellis will start PostgreSQL 17 on this machine");
            assertThat(lines).contains("Dry run: nothing sent.");
            assertThat(engine.databases()).as("nothing sent").isEmpty();
        }
    }
}
