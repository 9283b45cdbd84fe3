package paradigms.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --bench}: its names are in {@code --help}, and an unknown one ends with one line and exit code 2. */
@Timeout(30)
class BenchCommandLineTest {

    @Test
    void helpListsEveryBenchmark() {
        var out = new ByteArrayOutputStream();
        int code = Compare.execute(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String help = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code);
        for (String name : paradigms.compare.bench.Benchmarks.names()) {
            assertTrue(help.contains(name), name + " is not in --help:\n" + help);
        }
    }

    @Test
    void anUnknownBenchmarkEndsWithOneLineAndExitCodeTwo() {
        var err = new ByteArrayOutputStream();
        int code = Compare.execute(new String[] {"--bench", "htp", "--out", "target/bench-test-output"},
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("unknown benchmark \"htp\"") && message.contains("http"), message);
    }
}
