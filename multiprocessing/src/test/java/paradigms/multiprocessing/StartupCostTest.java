package paradigms.multiprocessing;

import paradigms.common.contract.TestTimeouts;
import paradigms.multiprocessing.pool.PoolWorker;
import paradigms.multiprocessing.pool.ProcessPool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a worker costs before it does anything, measured and printed on every test run. The
 * figures are reported, not asserted: on a shared two-core machine they vary several-fold
 * (compare measures them with repeats and medians). What is asserted is that the
 * measurement means what it says.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class StartupCostTest {

    @Test
    void startupCostPerWorkerIsMeasuredAndEachWorkersShareFitsInThePools() {
        List<Long> poolOfOne = new ArrayList<>();
        List<Long> poolOfTwo = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            try (var pool = Workers.pool().size(1).start()) {
                poolOfOne.add(checkedStartup(pool));
            }
            try (var pool = Workers.pool().size(2).start()) {
                poolOfTwo.add(checkedStartup(pool));
            }
        }
        System.out.printf("start-up, ms (3 runs, sorted): pool of 1 %s, pool of 2 %s; compare gives medians%n",
                sorted(poolOfOne), sorted(poolOfTwo));
    }

    /** Each worker's time to "ready" is positive and within the pool's: the pool waits for all of them, in parallel. */
    private static long checkedStartup(ProcessPool pool) {
        Duration total = pool.startupTime();
        for (PoolWorker worker : pool.workers()) {
            Duration own = worker.child().readyAfter();
            assertTrue(!own.isNegative() && !own.isZero(), worker + " measured " + own);
            assertTrue(own.compareTo(total) <= 0, worker + " took " + own + ", more than the whole pool's " + total);
        }
        return total.toMillis();
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
