package paradigms.threading;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Exercise {@code sliced-global-lock}: with the global lock taken per slice of 100,000 squares,
 * the sums stay exact, no two slices ever run at the same moment, there is a span per slice, and
 * the threads hand the lock to each other many times — far more often than once per chunk.
 */
@Tag("exercise")
@Tag("sliced-global-lock")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class SlicedGlobalLockSquaresAcceptanceTest {

    private static final SquaresRequest INPUTS = SquaresRequest.realPythonExample();

    @Test
    void slicesAreExactSerialAndTheThreadsTakeTurnsPerSlice() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two worker threads to be meaningful");
        Trace trace = Trace.recording();
        List<SquareSum> sums = new SlicedGlobalLockSquares().compute(INPUTS, trace);

        assertEquals(INPUTS.ns().size(), sums.size());
        for (int i = 0; i < sums.size(); i++) {
            int n = INPUTS.ns().get(i);
            assertEquals(n, sums.get(i).n());
            assertEquals(SumOfSquares.closedForm(n), sums.get(i).sum(), "sum for n = " + n);
        }
        Optional<List<Span>> overlap = trace.firstParallelPair();
        assertEquals(Optional.empty(), overlap, "two slices ran at once despite the global lock");

        long slicesAtLeast = INPUTS.ns().stream().mapToLong(n -> n / SlicedGlobalLockSquares.SLICE).sum();
        List<Span> spans = trace.spans().stream().sorted(Comparator.comparingLong(Span::startMicros)).toList();
        assertTrue(spans.size() >= slicesAtLeast, "one span per slice: expected at least " + slicesAtLeast
                + ", the trace has " + spans.size());
        int handOvers = 0;
        for (int i = 1; i < spans.size(); i++) {
            if (!spans.get(i).lane().equals(spans.get(i - 1).lane())) {
                handOvers++;
            }
        }
        int chunks = INPUTS.ns().size() * Runtime.getRuntime().availableProcessors();
        assertTrue(handOvers > chunks, "the lock changed threads " + handOvers
                + " times: no more than a lock per chunk (" + chunks + " chunks) would give");
    }
}
