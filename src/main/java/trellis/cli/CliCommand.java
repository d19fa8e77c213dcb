package trellis.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** What every command shares: where it writes, and how a file it cannot read ends it (exit 2, one line). */
abstract class CliCommand {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmd;

    PrintWriter out() {
        return cmd.commandLine().getOut();
    }

    PrintWriter err() {
        return cmd.commandLine().getErr();
    }

    int unreadable(SpecFile.Unreadable e) {
        err().println(e.getMessage());
        err().flush();
        return 2;
    }
}
