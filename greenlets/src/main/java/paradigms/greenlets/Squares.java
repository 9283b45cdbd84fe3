package paradigms.greenlets;

import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.greenlets.virtual.Tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@code squares} exercise: one virtual thread per n.
 *
 * <p>This is CPU work, which virtual threads do not make faster: a virtual thread that never
 * waits never unmounts, so it keeps its carrier until it is done. The parallelism is the
 * number of carriers, which is the number of cores — the same as a fixed pool of platform
 * threads would give, with no pool to size. (Because a virtual thread is not time-sliced,
 * two of these spans that overlap in the trace really did run on two carriers at once.)
 */
final class Squares implements SquaresExercise {

    @Override
    public List<SquareSum> compute(SquaresRequest request, Trace trace) throws InterruptedException {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SquareSum>> sums = new ArrayList<>();
            for (int n : request.ns()) {
                sums.add(threads.submit(() -> {
                    try (var running = trace.begin(SpanNames.sum(n))) {
                        return new SquareSum(n, SumOfSquares.below(n));
                    }
                }));
            }
            return Tasks.joinAll(threads, sums); // in input order
        }
    }
}
