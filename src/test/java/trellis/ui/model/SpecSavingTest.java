package trellis.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import trellis.TestFiles;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;
import trellis.spec.Secrets;

/** Save and Save As: checked first, nothing lost on the way round, secrets only when asked and then owner-only. */
class SpecSavingTest {
    @TempDir
    Path dir;

    static Path everyField() {
        return TestFiles.project().resolve("src/test/resources/trellis/every-field.json");
    }

    static List<Path> files() {
        List<Path> all = new ArrayList<>(TestFiles.examples());
        all.add(everyField());
        return all;
    }

    @TestFactory
    Stream<DynamicTest> savingAndReopeningLosesNothing() {
        return files().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            SpecFiles.Opened opened = SpecFiles.read(p);
            assertThat(opened.problems()).as("the file is valid to start with").isEmpty();
            Path saved = dir.resolve("saved-" + p.getFileName());
            SpecSaving.save(saved, opened.body(), true);
            SpecFiles.Opened again = SpecFiles.read(saved);
            assertThat(again.problems()).isEmpty();
            assertThat(Json.toTree(again.body())).isEqualTo(Json.MAPPER.readTree(p.toFile()));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");
        }));
    }

    @Test
    void theEveryFieldSpecSetsEveryOptionalFieldTheContractNames() throws Exception {
        JsonNode spec = Json.MAPPER.readTree(everyField().toFile()).get("spec");
        List<String> names = new ArrayList<>();
        spec.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("backup_config", "cpus", "database_name", "database_users", "memory",
                "nodes", "orchestrator_opts", "patroni_port", "pg_hba_conf", "pg_ident_conf", "port", "postgres_version",
                "postgresql_conf", "restore_config", "scripts", "services", "spock_version");
    }

    @Test
    void withoutIncludeSecretsTheFileHoldsNoneAndIsNotOwnerOnly() throws Exception {
        SpecFiles.Opened opened = SpecFiles.read(everyField());
        Path saved = dir.resolve("plain.json");
        String text = SpecSaving.save(saved, opened.body(), false);
        assertThat(text).doesNotContain("pw-of-admin", "pw-of-app", "secret-of-s3", "AKIAEXAMPLE", "a-jwt-secret", "sk-ant-example", "Z2NzLWtleQ==");
        assertThat(Secrets.presentPaths(Json.MAPPER.readTree(saved.toFile()))).isEmpty();
        assertThat(Json.MAPPER.readTree(saved.toFile())).isEqualTo(Secrets.strip(Json.MAPPER.readTree(everyField().toFile())));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-r--r--");
        assertThat(SpecSaving.hasSecrets(opened.body())).isTrue();
        assertThat(SpecSaving.hasSecrets(SpecFiles.read(saved).body())).isFalse();
    }

    @Test
    void anInvalidSpecIsNotSavedAndTheOldFileStays() throws Exception {
        Path saved = dir.resolve("shop.json");
        Files.writeString(saved, "old");
        CreateDatabaseRequest bad = Json.MAPPER.readValue(
                "{\"id\": \"shop\", \"spec\": {\"database_name\": \"shop\", \"nodes\": []}}", CreateDatabaseRequest.class);
        assertThatThrownBy(() -> SpecSaving.save(saved, bad, false))
                .isInstanceOf(SpecSaving.Refused.class)
                .hasMessageStartingWith("Not saved to shop.json: the spec has ")
                .hasMessageContaining("spec.nodes")
                .hasMessageEndingWith("\nFix them, then save again.");
        assertThat(Files.readString(saved)).isEqualTo("old");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(saved);
        }
    }
}
