package paradigms.threading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every way of keeping the counter exact counts exactly on two threads that increment it all
 * the time. (What each costs is measured by JMH in compare, not here.)
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ExactCountersTest {

    @Test
    void everyVariantCountsExactlyUnderContention() throws Exception {
        Map<String, Long> totals = ExactCounters.count(2, 200_000);
        assertEquals(List.of("ReentrantLock", "synchronized", "AtomicLong", "LongAdder"), List.copyOf(totals.keySet()));
        totals.forEach((variant, total) -> assertEquals(400_000L, total, variant + " lost or invented updates"));
    }
}
