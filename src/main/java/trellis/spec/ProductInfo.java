package trellis.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this build of Trellis is: its version (the pom's, written into {@code trellis/version.properties}
 * by Maven's resource filtering) and the version of the Control Plane contract it validates against.
 */
public final class ProductInfo {
    private static final String VERSION_FILE = "/trellis/version.properties";
    /** Where the bundled Control Plane contract is on the class path (one place for all who read it). */
    public static final String CONTRACT = "/trellis/contract/openapi3.json";

    private ProductInfo() {
    }

    /** The pom's version, e.g. 0.1.0-SNAPSHOT; "unknown" when the classes were not built by Maven. */
    public static String version() {
        try (InputStream in = ProductInfo.class.getResourceAsStream(VERSION_FILE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            // Unfiltered (an IDE copying resources itself) the placeholder is still there.
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code info.version} of the bundled Control Plane contract (openapi3.json). */
    public static String contractVersion() {
        try (InputStream in = ProductInfo.class.getResourceAsStream(CONTRACT)) {
            if (in == null) {
                return "unknown";
            }
            JsonNode v = Json.MAPPER.readTree(in).path("info").path("version");
            return v.isTextual() ? v.asText() : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The Java runtime, one line: version, VM and vendor. */
    public static String javaVersion() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")";
    }
}
