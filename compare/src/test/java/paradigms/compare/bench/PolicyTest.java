package paradigms.compare.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The harness's one policy: warm-ups are run and thrown away, the figure is the median of the measured runs. */
class PolicyTest {

    @Test
    void warmUpsRunButOnlyTheMeasuredRunsAreReturnedInOrder() throws Exception {
        var calls = new AtomicInteger();
        List<Integer> measured = new Policy(2, 3).run(calls::incrementAndGet);
        assertEquals(5, calls.get(), "two warm-ups and three measured runs");
        assertEquals(List.of(3, 4, 5), measured, "the warm-ups' values are not among the measured ones");
    }

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertEquals(7.0, Policy.median(List.of(100, 7, 1)), "an outlier does not move it");
        assertEquals(2.5, Policy.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(42.0, Policy.median(List.of(42L)));
    }

    @Test
    void aPolicyWithoutMeasuredRunsOrAMedianOfNothingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Policy(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Policy(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> Policy.median(List.of()));
    }
}
