package paradigms.compare.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmarks' figures and the main job's share one {@code results.json}: each writer keeps
 * the other's part.
 */
class BenchmarksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBenchmarksFiguresGoUnderItsNameAndTheMainJobsPartStays(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "{\"headline\": {\"x\": 1}, \"benchmarks\": {\"server\": {\"figures\": 1}}}");

        ObjectNode entry = JSON.createObjectNode().put("figures", 2);
        Benchmarks.write(file, "http", entry);

        JsonNode written = JSON.readTree(file.toFile());
        assertEquals(1, written.at("/headline/x").asInt(), "the main job's part is kept");
        assertEquals(1, written.at("/benchmarks/server/figures").asInt(), "another benchmark's figures are kept");
        assertEquals(2, written.at("/benchmarks/http/figures").asInt());
    }

    @Test
    void theMainJobKeepsTheBenchmarksFiguresWhenItRewritesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.json");
        Benchmarks.write(file, "thread-cost", JSON.createObjectNode().put("figures", 3));

        ObjectNode newResults = JSON.createObjectNode().put("notes", "a new run");
        Benchmarks.keepFrom(file, newResults);

        assertEquals(3, newResults.at("/benchmarks/thread-cost/figures").asInt());
        assertEquals("a new run", newResults.get("notes").asText());
    }

    @Test
    void aMissingOrBrokenResultsFileLeavesNothingToKeep(@TempDir Path dir) throws Exception {
        ObjectNode results = JSON.createObjectNode();
        Benchmarks.keepFrom(dir.resolve("absent.json"), results);
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"benchmarks\": {");
        Benchmarks.keepFrom(broken, results);
        assertFalse(results.has(Benchmarks.KEY));
    }

    @Test
    void anUnknownBenchmarkIsRefusedBeforeAnythingRuns(@TempDir Path dir) {
        var out = new ByteArrayOutputStream();
        var error = assertThrows(IllegalArgumentException.class, () -> Benchmarks.run(List.of("thread-cost", "nonsense"), false,
                List.of(), dir, List.of(), new PrintStream(out, true)));
        assertTrue(error.getMessage().contains("\"nonsense\""), error.getMessage());
        assertEquals(0, out.size(), "nothing ran");
        assertFalse(Files.exists(dir.resolve("results.json")));
    }
}
