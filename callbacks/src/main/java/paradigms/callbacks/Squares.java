package paradigms.callbacks;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.util.Arrays;
import java.util.List;

/**
 * {@code squares} on the loop thread: one callback per n. The honest answer for CPU work on
 * an event loop — no speedup at all. There is one thread, and while a callback adds up five
 * million squares nothing else on the loop runs (no timer, no socket).
 *
 * <p>See {@link OffloadedSquares} for the variant that sends the arithmetic to worker
 * threads and gets the sums back with {@link EventLoop#callSoonThreadSafe}.
 */
final class Squares implements SquaresExercise {

    @Override
    public List<SquareSum> compute(SquaresRequest request, Trace trace) {
        SquareSum[] sums = new SquareSum[request.ns().size()];
        try (var loop = new EventLoop()) {
            for (int i = 0; i < sums.length; i++) {
                int index = i;
                int n = request.ns().get(i);
                loop.callSoon(() -> {
                    try (var span = trace.begin(SpanNames.sum(n))) {
                        sums[index] = new SquareSum(n, SumOfSquares.below(n));
                    }
                });
            }
            loop.run();
        }
        return Arrays.asList(sums);
    }
}
