package trellis.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trellis.topology.Topology;
import trellis.ui.Theme;
import trellis.ui.export.TopologyPngExporter;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Draws the topology of FILE as the console draws it and writes it as a PNG.",
                "Needs no display: without one it renders off screen."})
public final class ExportCommand extends CliCommand implements Callable<Integer> {
    @Option(names = "--png", required = true, paramLabel = "OUT.png", description = "where to write the picture")
    Path png;

    @Option(names = "--theme", paramLabel = "light|dark", defaultValue = "light", description = "colours (default: ${DEFAULT-VALUE})")
    String theme;

    @Parameters(paramLabel = "FILE", description = "a create body, update body, GET response or bare spec")
    Path file;


    @Override
    public Integer call() {
        Topology t;
        try {
            t = Specs.topology(SpecFile.read(file));
        } catch (SpecFile.Unreadable e) {
            return unreadable(e);
        }
        try {
            TopologyPngExporter.export(t, png, Theme.parse(theme, Theme.LIGHT));
        } catch (Exception e) {
            err().println("export: cannot draw " + file + ": " + SpecFile.firstLine(String.valueOf(e.getMessage())));
            return 1;
        }
        out().println("wrote " + png + " (" + Topology.count(t.hosts().size(), "host") + ", " + Topology.count(t.instances().size(), "instance") + ")");
        out().flush();
        Platform.exit();
        return 0;
    }
}
