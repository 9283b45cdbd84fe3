package paradigms.multiprocessing;

import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.Values;
import paradigms.multiprocessing.pool.Wire;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code squares} on worker processes — the chapter's point: each worker is a JVM of its own
 * on a core of its own, so the sums run in parallel, and nothing is shared but the pipes.
 *
 * <p>On the wire: {@code task ID squares N…} → {@code done ID … SUM…}, one sum per n, as
 * decimal text. The pool has one worker per core, and each worker gets one chunk of the n's
 * ({@link ProcessPool#evenChunkSize}): the exercise's 20 n's on two workers make 2 jobs of 10.
 * Every n costs the same, so there is nothing to balance; a round trip through the pipes costs
 * about 0.2 ms, but on a busy machine each job also costs a wake-up of a worker that waits for
 * its time slice. The pool's general default, four chunks per worker, measured slower here
 * (when this was chosen; compare's squares case measures the pool as it is: results/README.md).
 *
 * <p>What it costs: a fresh pool must start its JVMs, and their JIT compilers start cold —
 * the first few sums in a new worker run several times slower than later ones. For the
 * exercise's 20 sums (tens of ms of work) that costs more than the second core gains; compare
 * measures both apart: the warm case, and start-up as its own row (results/README.md).
 */
final class Squares implements SquaresExercise {

    static final String KIND = "squares";


    /** One exercise call: a pool of its own, closed before returning. */
    @Override
    public List<SquareSum> compute(SquaresRequest request, Trace trace) throws InterruptedException {
        int workers = Math.min(Runtime.getRuntime().availableProcessors(), request.ns().size());
        try (var pool = Workers.start(workers)) {
            return compute(pool, request, trace);
        }
    }

    /** On a running pool: what the benchmark times without the pool's start-up. */
    static List<SquareSum> compute(ProcessPool pool, SquaresRequest request, Trace trace) throws InterruptedException {
        int chunkSize = ProcessPool.evenChunkSize(request.ns().size(), pool.size());
        return pool.mapChunked(request.ns(), chunkSize, SquaresJob::new, trace);
    }

    /** The parent's half: ask for the sums of a chunk of n's, read them back. */
    record SquaresJob(List<Integer> ns) implements Job<List<SquareSum>> {

        SquaresJob {
            ns = List.copyOf(ns);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> arguments() {
            return ns.stream().map(String::valueOf).toList();
        }

        @Override
        public List<SquareSum> decode(List<String> values) throws Wire.BadFrameException {
            Values sums = Values.of(values).expectSize(ns.size(), "a squares reply for " + ns.size() + " n's");
            List<SquareSum> result = new ArrayList<>(ns.size());
            for (int i = 0; i < ns.size(); i++) {
                BigInteger sum = sums.bigInteger(i, "sum");
                if (sum.signum() < 0) {
                    throw new Wire.BadFrameException("sum " + i + " is negative: " + sum);
                }
                result.add(new SquareSum(ns.get(i), sum));
            }
            return result;
        }

        @Override
        public String label() {
            return SpanNames.sums(ns.getFirst(), ns.getLast());
        }
    }

    /** The worker's half: the same arithmetic as every other chapter. */
    static List<String> work(List<String> arguments) throws Wire.BadFrameException {
        Values ns = Values.of(arguments);
        List<String> sums = new ArrayList<>(ns.size());
        for (int i = 0; i < ns.size(); i++) {
            int n = ns.integer(i, "n");
            if (n < 0) {
                throw new Wire.BadFrameException("n " + i + " is negative: " + n);
            }
            sums.add(SumOfSquares.below(n).toString());
        }
        return sums;
    }
}
