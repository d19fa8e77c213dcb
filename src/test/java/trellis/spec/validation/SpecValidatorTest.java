package trellis.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import trellis.TestFiles;
import trellis.spec.Json;

/** The public entry points on the documented examples (the templates), which the Control Plane accepts. */
class SpecValidatorTest {
    static Stream<Path> examples() throws Exception {
        List<Path> files = TestFiles.examples();
        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly("co-located.json", "multiple-instances.json", "separate-host.json");
        return files.stream();
    }

    static JsonNode read(Path f) throws Exception {
        return Json.MAPPER.readTree(f.toFile());
    }

    @ParameterizedTest(name = "{0} is a valid create body")
    @MethodSource("examples")
    void examplesAreValidCreateBodies(Path f) throws Exception {
        assertThat(SpecValidator.validateCreate(read(f))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is a valid bare spec")
    @MethodSource("examples")
    void examplesAreValidSpecs(Path f) throws Exception {
        JsonNode body = read(f);
        assertThat(SpecValidator.validateSpec(body.path("id").asText(null), body.get("spec"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is a valid update of itself")
    @MethodSource("examples")
    void examplesAreValidUpdatesOfThemselves(Path f) throws Exception {
        JsonNode body = read(f);
        JsonNode update = Json.MAPPER.createObjectNode().set("spec", body.get("spec").deepCopy());
        assertThat(SpecValidator.validateUpdate(body.path("id").asText(), body.get("spec"), update)).isEmpty();
        assertThat(SpecValidator.validateUpdate(body.path("id").asText(), null, update)).isEmpty();
    }

    @Test
    void bareSpecPathsHaveNoSpecPrefix() throws Exception {
        JsonNode body = read(TestFiles.example("co-located.json"));
        var spec = (com.fasterxml.jackson.databind.node.ObjectNode) body.get("spec").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) spec.at("/services/0")).put("connect_as", "ap");
        assertThat(SpecValidator.validateSpec("storefront", spec)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("services[0].connect_as");
            assertThat(p.message()).isEqualTo("connect_as \"ap\" does not match any database_users entry (known: admin, app)");
        });
    }

    @Test
    void rulesNeedingTheCurrentSpecAreNamed() {
        assertThat(SpecValidator.rulesNeedingCurrentSpec()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).doesNotContain("\n").isNotBlank());
    }
}
