package paradigms.compare.jmh;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JMH's annotation processor ran on compare's sources: its {@code META-INF/BenchmarkList} names
 * every benchmark, so {@code exec:java@jmh} has them to run. (Their timings are not tested.)
 */
class BenchmarkListTest {

    @Test
    void everyBenchmarkIsGeneratedAndListed() throws IOException {
        String list;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
            assertNotNull(in, "no META-INF/BenchmarkList: JMH's annotation processor did not run on compare");
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String benchmark : List.of(
                "LockCost_Alone_reentrantLock",
                "LockCost_Alone_synchronizedMethod", "LockCost_Alone_atomicLong", "LockCost_Alone_longAdder",
                "LockCost_Contended_reentrantLock", "LockCost_Contended_synchronizedMethod",
                "LockCost_Contended_atomicLong", "LockCost_Contended_longAdder",
                "Handoff_roundTrip", "LoopCost_tick", "LoopCost_callSoonThreadSafeRoundTrip", "CoroutineStep_send")) {
            assertTrue(list.contains(benchmark), benchmark + " is not in the BenchmarkList:\n" + list);
        }
    }
}
