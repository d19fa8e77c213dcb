package trellis.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import trellis.TestFiles;

/** Reading anything the API sends and writing it back must give the same JSON tree. */
class SpecRoundTripTest {
    private static final Map<String, Class<?>> RECORD_FOR_SCHEMA = Map.ofEntries(
            Map.entry("CreateDatabaseRequest", CreateDatabaseRequest.class),
            Map.entry("UpdateDatabaseRequest", UpdateDatabaseRequest.class),
            Map.entry("DatabaseSpec", DatabaseSpec.class),
            Map.entry("DatabaseNodeSpec", DatabaseNode.class),
            Map.entry("DatabaseUserSpec", DatabaseUser.class),
            Map.entry("ServiceSpec", ServiceSpec.class),
            Map.entry("DatabaseConnection", DatabaseConnection.class),
            Map.entry("Database", Database.class),
            Map.entry("Instance", Instance.class),
            Map.entry("ServiceInstance", ServiceInstance.class),
            Map.entry("ServiceInstanceStatus", ServiceInstanceStatus.class),
            Map.entry("PortMapping", PortMapping.class),
            Map.entry("HealthCheckResult", HealthCheckResult.class),
            Map.entry("Host", Host.class),
            Map.entry("HostStatus", HostStatus.class),
            Map.entry("Cluster", Cluster.class),
            Map.entry("Task", Task.class),
            Map.entry("TaskLog", TaskLog.class),
            Map.entry("TaskLogEntry", TaskLogEntry.class),
            Map.entry("APIError", ApiError.class));

    @TestFactory
    Stream<DynamicTest> examplesRoundTrip() {
        return TestFiles.examples().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            JsonNode original = Json.MAPPER.readTree(p.toFile());
            CreateDatabaseRequest req = Json.MAPPER.treeToValue(original, CreateDatabaseRequest.class);
            assertThat(Json.MAPPER.readTree(Json.write(req))).isEqualTo(original);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyContractExampleRoundTrips() throws Exception {
        JsonNode contract = Json.MAPPER.readTree(TestFiles.contract().toFile());
        List<DynamicTest> tests = new ArrayList<>();
        contract.path("components").path("schemas").fields().forEachRemaining(e -> {
            Class<?> type = recordFor(e.getKey());
            JsonNode example = e.getValue().get("example");
            if (type != null && example != null) {
                tests.add(roundTrip("schema " + e.getKey(), type, example));
            }
        });
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode body = op.getValue().path("requestBody").path("content").path("application/json");
            addPathExample(tests, op.getKey() + " " + path.getKey() + " request", body);
            op.getValue().path("responses").fields().forEachRemaining(r -> addPathExample(tests,
                    op.getKey() + " " + path.getKey() + " " + r.getKey(), r.getValue().path("content").path("application/json")));
        }));
        assertThat(tests).hasSizeGreaterThan(60);
        return tests.stream();
    }

    private static void addPathExample(List<DynamicTest> tests, String name, JsonNode content) {
        String ref = content.path("schema").path("$ref").asText("");
        Class<?> type = recordFor(ref.substring(ref.lastIndexOf('/') + 1));
        if (type != null && content.has("example")) {
            tests.add(roundTrip(name, type, content.get("example")));
        }
    }

    private static Class<?> recordFor(String schema) {
        return RECORD_FOR_SCHEMA.get(schema.replaceAll("\\d+$", ""));
    }

    private static DynamicTest roundTrip(String name, Class<?> type, JsonNode example) {
        return DynamicTest.dynamicTest(name + " as " + type.getSimpleName(), () -> {
            Object value = Json.MAPPER.treeToValue(example, type);
            JsonNode back = Json.MAPPER.readTree(Json.write(value));
            assertThat(back).isEqualTo(example);
        });
    }

    @Test
    void unknownFieldsAreKeptAndNothingIsInvented() throws Exception {
        String text = """
                {"service_id":"api","service_type":"postgrest","version":"14.5","host_ids":["h1"],
                 "connect_as":"app","future_field":{"nested":[1,2.50,"x"]},"config":{"db_anon_role":"web_anon","zz":null}}""";
        ServiceSpec svc = Json.MAPPER.readValue(text, ServiceSpec.class);
        assertThat(svc.extra()).containsKey("future_field");
        JsonNode back = Json.toTree(svc);
        assertThat(back).isEqualTo(Json.parse(text));
        assertThat(back.has("port")).as("no field invented").isFalse();
        assertThat(back.path("future_field").path("nested").get(1).toString()).isEqualTo("2.50");
    }

    @Test
    void exampleFilePathExists() {
        assertThat(TestFiles.example("co-located.json")).exists();
        assertThat(Path.of(TestFiles.contract().toString())).exists();
    }
}
