package paradigms.threading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lock-cost benchmark measures exact counters only: every variant, on two threads that
 * compete all the time, ends with exactly the increments it was given (the harness throws
 * otherwise). Its nanoseconds are printed by its main and the README, not asserted here.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class LockCostTest {

    @Test
    void everyVariantCountsExactlyUnderContention() throws Exception {
        Map<String, Double> nanos = LockCost.measure(2, 50_000);
        assertEquals(List.of("ReentrantLock", "synchronized", "AtomicLong", "LongAdder"), List.copyOf(nanos.keySet()));
        nanos.forEach((variant, perIncrement) -> assertTrue(perIncrement > 0, variant + ": " + perIncrement));
    }
}
