package paradigms.asyncawait;

import paradigms.asyncawait.futures.AsyncHttp;
import paradigms.asyncawait.futures.Futures;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code squares} with {@code supplyAsync}: one future per n, computed on an executor with a
 * thread per core. Futures do not make CPU work parallel by themselves — the executor's
 * threads do. On a single-threaded executor this would be the sequential baseline with
 * extra steps (and asyncio, with its one thread, cannot do better than that).
 *
 * <p><b>Why an explicit executor:</b> {@code supplyAsync(supplier)} without one uses the
 * common {@code ForkJoinPool}, whose parallelism is cores − 1 (at least 1). On this course's
 * 2-core machine that is ONE thread: the twenty futures would run one after another, and
 * share that thread with everything else in the JVM that uses the pool — the HTTP client's
 * continuations among them (see {@link AsyncHttp}). An executor the call owns is sized on
 * purpose and closed when the call returns. ({@code ContinuationThreadsTest} pins both facts.)
 */
final class Squares implements SquaresExercise {

    @Override
    public List<SquareSum> compute(SquaresRequest request, Trace trace) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        try (ExecutorService cpu = Executors.newFixedThreadPool(cores, Thread.ofPlatform().name("squares-", 0).factory())) {
            List<CompletableFuture<SquareSum>> sums = request.ns().stream()
                    .map(n -> CompletableFuture.supplyAsync(() -> sum(n, trace), cpu))
                    .toList();
            return Futures.await(Futures.gather(sums), cpu::shutdownNow);
        }
    }

    /** Runs on one of the executor's threads; the span shows which, for the trace's parallelism check. */
    private static SquareSum sum(int n, Trace trace) {
        try (var running = trace.begin(SpanNames.sum(n))) {
            return new SquareSum(n, SumOfSquares.below(n));
        }
    }
}
