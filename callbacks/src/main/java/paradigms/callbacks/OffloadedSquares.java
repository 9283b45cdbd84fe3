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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code squares} with the arithmetic sent to a pool of worker threads, one per core; each
 * sum comes back to the loop through {@link EventLoop#runInExecutor} (which hands it over with
 * {@link EventLoop#callSoonThreadSafe}). The sums are computed in parallel — but by threads,
 * not by the event loop: the loop only waits for them, which is what it is good at.
 *
 * <p>Not the chapter's {@code squares} (the paradigm claims one core); a lesson test compares
 * the two traces.
 */
final class OffloadedSquares implements SquaresExercise {

    @Override
    public List<SquareSum> compute(SquaresRequest request, Trace trace) throws InterruptedException {
        SquareSum[] sums = new SquareSum[request.ns().size()];
        Throwable[] firstError = new Throwable[1];
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().name("squares-worker-", 0).factory());
        try (var loop = new EventLoop()) {
            for (int i = 0; i < sums.length; i++) {
                int index = i;
                int n = request.ns().get(i);
                loop.runInExecutor(workers, () -> {
                    try (var span = trace.begin(SpanNames.sum(n))) { // on a worker thread
                        return new SquareSum(n, SumOfSquares.below(n));
                    }
                }, (sum, error) -> { // back on the loop thread
                    sums[index] = sum;
                    if (error != null && firstError[0] == null) {
                        firstError[0] = error;
                    }
                });
            }
            loop.run();
        } finally {
            workers.shutdownNow();
            workers.close();
        }
        if (firstError[0] != null) {
            throw new IllegalStateException("a worker failed", firstError[0]);
        }
        return Arrays.asList(sums);
    }
}
