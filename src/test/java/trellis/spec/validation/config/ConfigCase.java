package trellis.spec.validation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import trellis.spec.Json;
import trellis.spec.validation.config.ServiceConfigRules.ConfigProblem;

/**
 * One case of a config parser: the config (JSON with single quotes for readability; null =
 * no config at all), whether the service already exists, and the verdict: valid (path null)
 * or a problem at that path whose message holds the fragment. count, when not -1, is the
 * number of problems the Control Plane reports (its tests' require.Len).
 */
record ConfigCase(String name, String type, String config, boolean existing, String path, String fragment, int count) {

    static ConfigCase valid(String type, String name, String config) {
        return new ConfigCase(name, type, config, false, null, null, 0);
    }

    static ConfigCase invalid(String type, String name, String config, String path, String fragment) {
        return new ConfigCase(name, type, config, false, path, fragment, -1);
    }

    ConfigCase onExistingService() {
        return new ConfigCase(name + " (existing service)", type, config, true, path, fragment, count);
    }

    ConfigCase problems(int n) {
        return new ConfigCase(name, type, config, existing, path, fragment, n);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Single quotes stand for double quotes; no test string needs an apostrophe. */
    static JsonNode json(String singleQuoted) {
        try {
            return Json.MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException("bad test JSON: " + singleQuoted, e);
        }
    }

    static String text(JsonNode node) {
        try {
            return Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node).replace('"', '\'');
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** base with the members of extra added or replaced. */
    static String with(String base, String extra) {
        ObjectNode o = (ObjectNode) json(base);
        o.setAll((ObjectNode) json(extra));
        return text(o);
    }

    /** base without these keys. */
    static String without(String base, String... keys) {
        ObjectNode o = (ObjectNode) json(base);
        o.remove(List.of(keys));
        return text(o);
    }

    /** A RAG config whose first pipeline is changed by edit. */
    static String editPipeline(String rag, Consumer<ObjectNode> edit) {
        ObjectNode o = (ObjectNode) json(rag);
        edit.accept((ObjectNode) ((ArrayNode) o.get("pipelines")).get(0));
        return text(o);
    }

    List<ConfigProblem> run() {
        JsonNode node = config == null ? null : json(config);
        return ServiceConfigRules.validate(type, node, existing);
    }

    void check() {
        assertThatCode(this::run).as(name).doesNotThrowAnyException();
        List<ConfigProblem> problems = run();
        if (path == null) {
            assertThat(problems).as(name + ": " + config).isEmpty();
            return;
        }
        assertThat(problems).as(name + ": " + config).isNotEmpty().anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(fragment);
        });
        if (count >= 0) {
            assertThat(problems).as(name + ": number of problems").hasSize(count);
        }
    }
}
