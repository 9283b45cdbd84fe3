package paradigms.threading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cost of a platform thread, measured and printed — not asserted: a timing bound would
 * fail on a busy machine and prove nothing. What is asserted is that the measurement measured
 * what it says: all the threads were alive at once, each held resident memory (on Linux), and
 * none is left behind.
 * compare's {@code --bench thread-cost} measures with repeats and medians.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class PlatformThreadCostTest {

    private static final int THREADS = 500;

    @Test
    void measuresThreadsThatWereAllAliveAtOnceAndLeavesNoneBehind() throws Exception {
        ThreadCost.Figures figures = ThreadCost.measure(THREADS);
        ThreadCost.print(figures);

        assertEquals(THREADS, figures.aliveAtOnce(), "every measured thread was alive while the memory was read");
        assertTrue(figures.startAndFinish().isPositive(), "a thread costs some time: " + figures.startAndFinish());
        assertTrue(figures.stackReserveKb() > 0, "a platform thread reserves a stack");
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/status"))) {
            // Measured at 63–117 KiB here; a reading of zero would mean the measurement is broken.
            long perThread = figures.residentBytes().orElseThrow();
            assertTrue(perThread >= 8 * 1024, "each parked thread holds some resident memory (its stack's "
                    + "touched pages, its native structures): " + perThread + " bytes");
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().startsWith("parked-") || t.getName().startsWith("cost-")),
                "a measured thread outlived the measurement");
    }
}
