package paradigms.multiprocessing.exercises;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.exercises.RangeSquares.Range;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exercise {@code range-squares}: the split is exact and even, and one n really spreads over the workers. */
@Tag("exercise")
@Tag("range-squares")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class RangeSquaresTest {

    @Test
    void theRangesCoverZeroToNInOrderWithSizesThatDifferByAtMostOne() {
        assertEquals(List.of(new Range(0, 4), new Range(4, 7), new Range(7, 10)), RangeSquares.ranges(10, 3));
        assertEquals(List.of(new Range(0, 5), new Range(5, 10)), RangeSquares.ranges(10, 2));
        assertEquals(List.of(new Range(0, 7)), RangeSquares.ranges(7, 1));
    }

    @Test
    void noEmptyRangeWhenThereAreMorePartsThanNumbers() {
        assertEquals(List.of(new Range(0, 1), new Range(1, 2)), RangeSquares.ranges(2, 4));
        assertEquals(List.of(), RangeSquares.ranges(0, 2));
    }

    @Test
    void badInputNamesTheField() {
        var negative = assertThrows(IllegalArgumentException.class, () -> RangeSquares.ranges(-1, 2));
        assertTrue(negative.getMessage().contains("n "), negative.getMessage());
        var noParts = assertThrows(IllegalArgumentException.class, () -> RangeSquares.ranges(5, 0));
        assertTrue(noParts.getMessage().contains("parts"), noParts.getMessage());
    }

    @Test
    void everySumIsExactAndInInputOrderSmallNsIncluded() throws Exception {
        List<Integer> ns = List.of(5_000_001, 0, 1, 3, 5_000_000);
        List<SquareSum> sums = new RangeSquares(2).compute(new SquaresRequest(ns), Trace.off());

        assertEquals(ns.size(), sums.size());
        for (int i = 0; i < ns.size(); i++) {
            assertEquals(ns.get(i), sums.get(i).n(), "result " + i + " is for the n at the same position");
            assertEquals(SumOfSquares.closedForm(ns.get(i)), sums.get(i).sum(), "the sum for n = " + ns.get(i));
        }
    }

    /**
     * The point of ranges: a single n is worked on by both workers, each a process of its own.
     * n is large enough (each half a fraction of a second of work) that one worker cannot finish
     * its half and take the other before the second worker has taken it, even on a loaded machine.
     */
    @Test
    void oneLargeNIsSummedByTwoWorkerProcesses() throws Exception {
        int n = 1_000_000_000;
        Trace trace = Trace.recording();
        List<SquareSum> sums = new RangeSquares(2).compute(new SquaresRequest(List.of(n)), trace);

        assertEquals(SumOfSquares.closedForm(n), sums.getFirst().sum());
        Set<String> processes = trace.spans().stream()
                .filter(span -> !span.process().equals(Trace.thisProcess()))
                .map(Span::process)
                .collect(Collectors.toSet());
        assertEquals(2, processes.size(), "worker processes that reported a part of the one n: " + trace.spans());
    }
}
