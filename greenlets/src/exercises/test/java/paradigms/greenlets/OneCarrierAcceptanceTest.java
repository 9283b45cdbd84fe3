package paradigms.greenlets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.exercises.NotDoneYet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Exercise {@code one-carrier}: with the default scheduler (one carrier per core) the squares'
 * virtual threads run at the same moment; in a JVM started with
 * {@code -Djdk.virtualThreadScheduler.parallelism=1} they never do — the claim "uses several
 * cores" is false there — and the unguarded counter loses no update when nothing suspends between
 * read and write, but loses some when {@code Thread.yield()} does.
 *
 * <p>The scheduler's parallelism is read once, when the JVM starts its first virtual thread, so
 * the one-carrier half runs in a child JVM of its own ({@code OneCarrierProbe}), on this test's
 * class path.
 */
@Tag("exercise")
@Tag("one-carrier")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class OneCarrierAcceptanceTest {

    @Test
    void withACarrierPerCoreTheSquaresRunAtTheSameMoment() throws Exception {
        boolean parallel = OneCarrier.squaresRanInParallel();
        long lost = OneCarrier.lostUpdates(Thread::yield);
        System.out.printf("one-carrier: %d carriers: squares in parallel %b; unguarded with yield lost %d of %d%n",
                Runtime.getRuntime().availableProcessors(), parallel, lost, OneCarrier.COUNTER.expectedTotal());
        if (Runtime.getRuntime().availableProcessors() >= 2) {
            assertTrue(parallel, "no two squares overlapped on a machine with several carriers");
        }
    }

    @Test
    void onOneCarrierOnlyASuspensionLetsAnotherTaskInAndNothingRunsInParallel() throws Exception {
        Map<String, String> found = runOnOneCarrier();
        System.out.println("one-carrier: in a JVM with one carrier: " + found);
        if (found.containsKey("not-done")) {
            throw new NotDoneYet(found.get("not-done"));
        }
        assertEquals("1", found.get("carriers"), "the child JVM's flag: " + found);
        assertEquals("0", found.get("lostWithoutSuspension"),
                "one carrier, no suspension between read and write, yet updates were lost: " + found);
        assertTrue(Long.parseLong(found.get("lostWithYield")) > 0,
                "one carrier and Thread.yield() between read and write, yet no update was lost: " + found);
        assertEquals("false", found.get("squaresRanInParallel"), "two squares overlapped on one carrier: " + found);
    }

    /** Starts {@code OneCarrierProbe} in a JVM with one carrier; returns its {@code key=value} lines. */
    private static Map<String, String> runOnOneCarrier() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java,
                "-Djdk.virtualThreadScheduler.parallelism=1",
                "-cp", System.getProperty("java.class.path"),
                OneCarrierProbe.class.getName());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            // The child prints little; reading to the end also waits for it to exit.
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!child.waitFor(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS) || child.exitValue() != 0) {
                fail("the one-carrier JVM failed (exit " + (child.isAlive() ? "none" : child.exitValue()) + "):\n" + output);
            }
            Map<String, String> found = new HashMap<>();
            for (String line : output.lines().toList()) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    found.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return found;
        } finally {
            child.destroyForcibly(); // a no-op once it has exited; never an orphan
            child.waitFor(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
