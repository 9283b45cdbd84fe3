package paradigms.threading;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exercise {@code racing-increments}: the atomic counter is exact; the volatile one never counts
 * more than was added (how much it loses is the learner's to observe: it is printed); bad input
 * is refused naming the field.
 */
@Tag("exercise")
@Tag("racing-increments")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class RacingIncrementsAcceptanceTest {

    private static final int THREADS = 4;
    private static final int INCREMENTS = 1_000_000;

    @Test
    void theAtomicCounterIsExact() throws Exception {
        assertEquals((long) THREADS * INCREMENTS, RacingIncrements.atomic(THREADS, INCREMENTS));
        assertEquals(0, RacingIncrements.atomic(3, 0));
    }

    @Test
    void theVolatileCounterNeverCountsMoreThanWasAddedAndIsExactAlone() throws Exception {
        long total = RacingIncrements.unguarded(THREADS, INCREMENTS);
        System.out.printf("racing-increments: volatile count++ kept %,d of %,d (%,d lost)%n",
                total, (long) THREADS * INCREMENTS, (long) THREADS * INCREMENTS - total);
        assertTrue(total > 0 && total <= (long) THREADS * INCREMENTS, "a count outside (0, T × M]: " + total);
        assertEquals(INCREMENTS, RacingIncrements.unguarded(1, INCREMENTS), "one thread alone loses nothing");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        var noThreads = assertThrows(IllegalArgumentException.class, () -> RacingIncrements.atomic(0, 10));
        assertTrue(noThreads.getMessage().contains("threads"), noThreads.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> RacingIncrements.unguarded(2, -1));
        assertTrue(negative.getMessage().contains("increments"), negative.getMessage());
    }
}
