package paradigms.threading;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * TEACHING DEMO: what Python's GIL would do to this chapter's squares.
 *
 * <p>The same chunks on the same threads, once with one global lock around each chunk and once
 * without. The proof is the trace, not a stopwatch: with the lock no two chunks ever run at the
 * same moment; without it they do, on different threads.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class GlobalLockDemoTest {

    private static final SquaresRequest INPUTS = SquaresRequest.realPythonExample();

    @Test
    void underOneGlobalLockNoTwoChunksEverRunAtTheSameMoment() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two worker threads to be meaningful");
        Trace trace = Trace.recording();
        List<SquareSum> sums = Squares.underGlobalLock().compute(INPUTS, trace);

        assertExact(sums);
        Optional<List<Span>> overlap = trace.firstParallelPair();
        assertEquals(Optional.empty(), overlap, "two chunks ran at once despite the global lock");
        long threadsThatWorked = trace.spans().stream().map(Span::lane).distinct().count();
        assertTrue(threadsThatWorked >= 2, "the threads took turns with the lock, yet only "
                + threadsThatWorked + " ran chunks; spans: " + trace.spans());
    }

    @Test
    void withoutTheLockTheSameChunksRunAtTheSameMomentOnDifferentThreads() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "this machine has a single core");
        Trace trace = Trace.recording();
        List<SquareSum> sums = new Squares().compute(INPUTS, trace);

        assertExact(sums);
        assertTrue(trace.firstParallelPair().isPresent(), "no two chunks overlapped; spans: " + trace.spans());
    }

    private static void assertExact(List<SquareSum> sums) {
        assertEquals(INPUTS.ns().size(), sums.size());
        for (int i = 0; i < sums.size(); i++) {
            int n = INPUTS.ns().get(i);
            assertEquals(n, sums.get(i).n());
            assertEquals(SumOfSquares.closedForm(n), sums.get(i).sum(), "sum for n = " + n);
        }
    }
}
