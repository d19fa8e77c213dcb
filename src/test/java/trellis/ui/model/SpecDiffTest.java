package trellis.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;

/** The review's JSON diff: secrets masked, server-owned fields hidden, lines paired exactly. */
class SpecDiffTest {
    static DatabaseSpec spec(String json) throws Exception {
        return Json.MAPPER.readValue(json, DatabaseSpec.class);
    }

    @Test
    void secretsAreMaskedAndServerFieldsHidden() throws Exception {
        DatabaseSpec s = spec("""
                {"database_name": "shop", "state": "available",
                 "database_users": [{"username": "app", "password": "pw-of-app", "created_by": "cp"}],
                 "services": [{"service_id": "mcp", "service_type": "mcp", "status": "x",
                   "config": {"llm_provider": "anthropic", "anthropic_api_key": "sk-test"}}]}""");
        assertThat(SpecDiff.lines(s)).containsExactly(
                "{",
                "  \"database_name\" : \"shop\",",
                "  \"database_users\" : [ {",
                "    \"username\" : \"app\",",
                "    \"password\" : \"••••\"",
                "  } ],",
                "  \"services\" : [ {",
                "    \"service_id\" : \"mcp\",",
                "    \"service_type\" : \"mcp\",",
                "    \"config\" : {",
                "      \"llm_provider\" : \"anthropic\",",
                "      \"anthropic_api_key\" : \"••••\"",
                "    }",
                "  } ]",
                "}");
        assertThat(String.join("\n", SpecDiff.lines(s))).doesNotContain("pw-of-app", "sk-test", "state", "created_by", "status");
    }

    @Test
    void rowsPairChangedLinesAndKeepAddedAlone() throws Exception {
        DatabaseSpec a = spec("{\"database_name\": \"shop\", \"memory\": \"1G\", \"port\": 5432}");
        DatabaseSpec b = spec("{\"database_name\": \"shop\", \"memory\": \"2G\", \"port\": 5432, \"cpus\": \"2\"}");
        assertThat(SpecDiff.rows(a, b)).containsExactly(
                new SpecDiff.Row("{", "{", SpecDiff.Kind.SAME),
                new SpecDiff.Row("  \"database_name\" : \"shop\",", "  \"database_name\" : \"shop\",", SpecDiff.Kind.SAME),
                new SpecDiff.Row("  \"port\" : 5432,", "  \"port\" : 5432,", SpecDiff.Kind.SAME),
                new SpecDiff.Row(null, "  \"cpus\" : \"2\",", SpecDiff.Kind.ADDED),
                new SpecDiff.Row("  \"memory\" : \"1G\"", "  \"memory\" : \"2G\"", SpecDiff.Kind.CHANGED),
                new SpecDiff.Row("}", "}", SpecDiff.Kind.SAME));
    }

    @Test
    void aRemovedLineHasNothingOnTheRight() {
        assertThat(SpecDiff.align(List.of("a", "b", "c"), List.of("a", "c"))).containsExactly(
                new SpecDiff.Row("a", "a", SpecDiff.Kind.SAME),
                new SpecDiff.Row("b", null, SpecDiff.Kind.REMOVED),
                new SpecDiff.Row("c", "c", SpecDiff.Kind.SAME));
    }
}
