package trellis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import trellis.spec.Json;
import trellis.spec.validation.SpecValidator;

/**
 * Specs per second through {@code SpecValidator.validateCreate} for the three documented
 * examples: parsing the bytes and validating, as {@code trellis validate} does per file.
 * Run with bench/run-validation.sh; writes the "validation" section of bench/RESULTS.md.
 */
public final class ValidationBench {
    public static void main(String[] args) throws Exception {
        Path templates = Path.of(args.length > 0 ? args[0] : "src/main/resources/trellis/templates");
        Path results = Path.of(args.length > 1 ? args[1] : "bench/RESULTS.md");
        List<Path> examples;
        try (Stream<Path> s = Files.list(templates)) {
            examples = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        StringBuilder md = new StringBuilder("## Validation\n\n")
                .append("`trellis.spec.validation.SpecValidator.validateCreate` on the bytes of each example ")
                .append("(parse + every create rule + the contract's schema), single thread, after 3 s of warm-up. ")
                .append(LocalDate.now()).append(", ").append(BenchResults.machine()).append(".\n\n")
                .append("| example | specs/s | µs per spec |\n|---|---:|---:|\n");
        for (Path p : examples) {
            byte[] bytes = Files.readAllBytes(p);
            run(bytes, 3_000);
            long[] r = run(bytes, 5_000);
            double perSec = r[0] * 1e9 / r[1];
            md.append(String.format("| %s | %,.0f | %.1f |%n", p.getFileName(), perSec, 1e6 / perSec));
            System.out.printf("%s: %,.0f specs/s%n", p.getFileName(), perSec);
        }
        BenchResults.writeSection(results, "validation", md.toString());
    }

    /** @return {count, nanos} of validations done within the budget */
    private static long[] run(byte[] bytes, long millis) throws Exception {
        long end = System.nanoTime() + millis * 1_000_000;
        long start = System.nanoTime();
        long n = 0;
        int sink = 0;
        while (System.nanoTime() < end) {
            JsonNode tree = Json.MAPPER.readTree(bytes);
            sink += SpecValidator.validateCreate(tree).size();
            n++;
        }
        if (sink != 0) {
            throw new IllegalStateException("an example is not valid: " + sink + " problems");
        }
        return new long[]{n, System.nanoTime() - start};
    }
}
