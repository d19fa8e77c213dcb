package trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trellis.engine.local.InstancePlan;
import trellis.engine.local.LocalEngineSettings;
import trellis.engine.local.Render;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.validation.Problem;
import trellis.spec.validation.SpecValidator;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Writes what the local engine gives each service instance of a create body, without Docker and",
                "without touching a node: one folder per instance, {database}-{service}-{host}, with its files under the",
                "Control Plane's names (postgrest.conf; config.yaml, tokens.yaml, users.yaml; pgedge-rag-server.yaml, keys/)",
                "and container.json, the container the engine creates, in Docker's own JSON names.",
                "Secrets are written as the engine writes them: DIR is made owner-only (0700).",
                "Exit 0: written; 1: the file is not a valid create body; 2: it cannot be read or DIR cannot be written."})
public final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a create body {id, spec}")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "where the folders go: a new or empty folder, or one 'trellis render' wrote before")
    Path out;

    @Option(names = "--secrets", paramLabel = "FILE", description = "passwords and keys kept apart from FILE, merged in as apply does")
    Path secretsFile;

    @Option(names = "--json", description = "Print one JSON document for scripts.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmd;

    @Override
    public Integer call() {
        PrintWriter out = cmd.commandLine().getOut();
        PrintWriter err = cmd.commandLine().getErr();
        SpecFile.WithSecrets read;
        try {
            read = SpecFile.readWithSecrets(file, secretsFile);
        } catch (SpecFile.Unreadable e) {
            err.println(e.getMessage());
            return 2;
        }
        SpecFile f = read.file();
        JsonNode spec = read.spec();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("id", f.databaseId());
        body.set("spec", spec);
        List<Problem> problems = SpecValidator.validateCreate(body);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println(file + ": " + p));
            return 1;
        }
        String why = notOurs(this.out);
        if (why != null) {
            err.println("render: " + this.out + " " + why + "; give a new or empty folder");
            return 2;
        }
        List<InstancePlan> plans;
        try {
            plans = Render.write(f.databaseId(), Json.convert(spec, DatabaseSpec.class), LocalEngineSettings.controlPlaneDefaults(),
                    this.out, line -> { });
        } catch (IOException | RuntimeException e) {
            err.println("render: cannot write " + this.out + ": " + e.getMessage());
            return 2;
        }
        if (json) {
            ObjectNode report = Json.MAPPER.createObjectNode();
            report.put("out", this.out.toString());
            report.put("owner_only", true);
            var list = report.putArray("instances");
            for (InstancePlan p : plans) {
                ObjectNode i = list.addObject().put("name", p.name()).put("service_type", p.serviceType())
                        .put("image", p.container().image());
                var fs = i.putArray("files");
                p.files().forEach(pf -> fs.add(pf.path()));
                fs.add(Render.CONTAINER_JSON);
            }
            Output.json(out, report);
            out.flush();
            return 0;
        }
        for (InstancePlan p : plans) {
            out.println(p.name() + "/ (" + p.serviceType() + ", " + p.container().image() + "): "
                    + String.join(", ", Stream.concat(p.files().stream().map(InstancePlan.PlannedFile::path),
                    Stream.of(Render.CONTAINER_JSON)).toList()));
        }
        out.println(plans.size() + " instance(s) written to " + this.out + ", owner-only (0700): the files hold the "
                + "connect_as passwords and API keys as the engine writes them. Nodes are where the engine looks for a node it "
                + "has not started or attached (host.docker.internal:5432).");
        out.flush();
        return 0;
    }

    /** Null when DIR may be written: missing, empty, or every entry a folder render wrote; else why not. */
    private static String notOurs(Path dir) {
        if (!Files.exists(dir)) {
            return null;
        }
        if (!Files.isDirectory(dir)) {
            return "is not a folder";
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> Files.isRegularFile(p.resolve(Render.CONTAINER_JSON))) ? null
                    : "holds files 'trellis render' did not write";
        } catch (IOException e) {
            return "cannot be read (" + e.getMessage() + ")";
        }
    }
}
