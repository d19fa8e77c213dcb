package trellis.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the CLI: {@code trellis <command>}. */
@Command(name = "trellis", mixinStandardHelpOptions = true, versionProvider = TrellisCommand.Version.class,
        description = "Console and CLI for the supporting services (PostgREST, MCP, RAG) of pgEdge databases.%n"
                + "With no command, opens the console.",
        footer = {"Exit codes: 0 done; 1 invalid, refused, not found, busy or the task failed; 2 unreadable, unreachable",
                "or a TLS/token file unusable; 3 something unexpected. Each command's --help says its own."},
        subcommands = {ValidateCommand.class, PlanCommand.class, TopologyCommand.class, ApplyCommand.class, DatabasesCommand.class, StatusCommand.class, DeleteServiceCommand.class, TasksCommand.class, ExportCommand.class, ServeCommand.class, RenderCommand.class, CommandLine.HelpCommand.class})
public final class TrellisCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code trellis --version}: the pom's version, then the Java runtime it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"trellis " + trellis.spec.ProductInfo.version(), trellis.spec.ProductInfo.javaVersion()};
        }
    }

    /** Exit code of a run that hit something no command expected: said in one line, never a trace. */
    public static final int EXIT_INTERNAL = 3;

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TrellisCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("trellis " + commandLine.getCommandName() + ": " + ex.getClass().getSimpleName() + ": "
                    + SpecFile.firstLine(String.valueOf(ex.getMessage())));
            return EXIT_INTERNAL;
        });
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }
}
