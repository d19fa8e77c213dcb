package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AboutModelTest {
    @Test
    void theTextNamesEachVersionThenTheLicences() {
        var about = new AboutModel("1.2.3", "Java 17.0.15 (OpenJDK 64-Bit Server VM, Debian)", "21.0.11+2", "v0.9.0");
        assertThat(about.title()).isEqualTo("About Trellis");
        assertThat(about.text().lines().limit(6)).containsExactly(
                "Trellis 1.2.3",
                "Java 17.0.15 (OpenJDK 64-Bit Server VM, Debian)",
                "JavaFX 21.0.11+2",
                "Control Plane API contract v0.9.0",
                "",
                "Bundled libraries and their licences:");
        assertThat(about.text()).contains(
                "  OpenJFX (JavaFX, Monocle): GPLv2 with the Classpath Exception\n",
                "  picocli: Apache-2.0\n",
                "  PostgreSQL JDBC: BSD-2-Clause\n",
                "  pgEdge Control Plane API contract: PostgreSQL Licence\n");
    }

    @Test
    void theRunningConsoleReadsThePomsVersionAndTheBundledContract() {
        var about = AboutModel.current();
        assertThat(about.trellisVersion()).isEqualTo(System.getProperty("trellis.version"));
        assertThat(about.contractVersion()).isEqualTo("v0.9.0");
        assertThat(about.javaVersion()).startsWith("Java " + System.getProperty("java.version") + " (");
    }
}
