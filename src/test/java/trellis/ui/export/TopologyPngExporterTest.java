package trellis.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trellis.TestFiles;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;
import trellis.topology.Topology;
import trellis.topology.TopologyBuilder;

/** The picture `trellis export --png` writes: the whole topology, off screen, no window. */
class TopologyPngExporterTest {
    @ParameterizedTest
    @ValueSource(strings = {"co-located", "separate-host", "multiple-instances"})
    void exportsEachExampleAsAPng(String example) throws Exception {
        // TestFX starts the toolkit, as for every UI test in this JVM: when the exporter started it
        // with Platform.startup instead, the robot tests that ran after it lost their key presses.
        org.testfx.api.FxToolkit.registerPrimaryStage();
        CreateDatabaseRequest body = Json.MAPPER.readValue(TestFiles.example(example + ".json").toFile(),
                CreateDatabaseRequest.class);
        Topology t = TopologyBuilder.planned(body.id(), body.spec());
        Path out = Path.of(System.getProperty("trellis.screenshots", "target/screenshots")).resolve("export-" + example + ".png");
        Files.deleteIfExists(out);
        TopologyPngExporter.export(t, out);
        BufferedImage img = ImageIO.read(out.toFile());
        assertThat(img).as("a PNG was written").isNotNull();
        // every host card fits: at least one 220 px column per host, and not the 4000 px scene
        assertThat(img.getWidth()).isBetween(220 * t.hosts().size(), 3000);
        assertThat(img.getHeight()).isBetween(120, 1500);
    }
}
