package paradigms.callbacks;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Lesson: an event loop is one thread. CPU work on it runs one piece after another on one
 * lane of the trace; sent to worker threads, the pieces overlap — but then threads do the
 * work and the loop only collects the answers.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS) // the project's one timeout constant: a hang fails, never blocks the build
class SquaresOnTheLoopLessonTest {

    private static final SquaresRequest INPUTS = SquaresRequest.realPythonExample();

    @Test
    void onTheLoopThreadTheSumsRunOneAfterAnotherOnOneLane() throws Exception {
        Trace trace = Trace.recording();
        List<SquareSum> sums = new Squares().compute(INPUTS, trace);
        assertExact(sums);
        assertEquals(1, trace.spans().stream().map(Span::lane).distinct().count(), "one lane: the loop thread");
        assertTrue(trace.firstParallelPair().isEmpty(), "nothing overlapped");
    }

    @Test
    void offloadedToWorkersTheSumsOverlapOnDifferentThreads() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "this machine has a single core");
        Trace trace = Trace.recording();
        List<SquareSum> sums = new OffloadedSquares().compute(INPUTS, trace);
        assertExact(sums);
        assertTrue(trace.firstParallelPair().isPresent(), "spans: " + trace.spans());
        assertTrue(trace.spans().stream().map(Span::thread).collect(Collectors.toSet()).stream()
                .allMatch(thread -> thread.startsWith("squares-worker-")), "all the arithmetic ran on workers");
    }

    private static void assertExact(List<SquareSum> sums) {
        assertEquals(INPUTS.ns().size(), sums.size());
        for (int i = 0; i < sums.size(); i++) {
            int n = INPUTS.ns().get(i);
            assertEquals(n, sums.get(i).n());
            assertEquals(SumOfSquares.closedForm(n), sums.get(i).sum(), "n = " + n);
        }
    }
}
