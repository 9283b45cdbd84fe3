package paradigms.multiprocessing.exercises;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exercise {@code counted-twice}: the pool's retry is at-least-once — a task whose worker dies
 * halfway is run again from the start, and the parent counts the first half twice.
 */
@Tag("exercise")
@Tag("counted-twice")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class CountedTwiceTest {

    @Test
    void aWorkerThatDiesHalfwayHasItsFirstHalfCountedTwice() throws Exception {
        CountedTwice.Outcome outcome = CountedTwice.run(10);

        assertEquals(1, outcome.crashes(), "one worker died, and the pool saw it");
        assertEquals(15, outcome.counted(), "5 increments before the death, then all 10 again on the replacement");
    }

    @Test
    void aWorkerThatDiesBeforeItsFirstIncrementCountsNothingTwice() throws Exception {
        CountedTwice.Outcome outcome = CountedTwice.run(1);

        assertEquals(1, outcome.crashes());
        assertEquals(1, outcome.counted(), "⌊1/2⌋ = 0 increments before the death");
    }

    @Test
    void badInputNamesTheField() {
        var error = assertThrows(IllegalArgumentException.class, () -> CountedTwice.run(0));
        assertTrue(error.getMessage().contains("increments"), error.getMessage());
    }
}
