package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Gather;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;

import java.math.BigInteger;
import java.util.List;

/**
 * {@code squares}: a coroutine per n, all on the loop thread — one core, so no speedup over
 * the sequential baseline (a little slower: the switching is overhead). Each sum is done in
 * slices and passes its turn between slices, so the loop stays responsive: co-operative
 * time-slicing, which works only as long as every coroutine plays along.
 */
final class Squares implements SquaresExercise {

    /** Numbers per slice: about 1 ms of work here, short enough for a timer to fire between slices. */
    static final int SLICE = 1_000_000;


    @Override
    public List<SquareSum> compute(SquaresRequest request, Trace trace) {
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop, trace);
            List<SumBelow> sums = request.ns().stream().map(SumBelow::new).toList();
            return scheduler.run(new Gather<>(scheduler, sums.size() + " sums", sums));
        }
    }

    /** The sum of i*i below n, a slice per resumption; the trace shows one span per slice. */
    static final class SumBelow extends Coroutine<SquareSum> {

        private final int n;
        private int summedBelow;
        private BigInteger sum = BigInteger.ZERO;

        SumBelow(int n) {
            this.n = n;
        }

        @Override
        protected Step<SquareSum> resume(Object sent) {
            int to = (int) Math.min(n, (long) summedBelow + SLICE);
            sum = sum.add(SumOfSquares.range(summedBelow, to));
            summedBelow = to;
            if (summedBelow == n) {
                return returning(new SquareSum(n, sum));
            }
            return pass(); // let the others have the thread
        }

        @Override
        public String state() {
            return "SUMMED_BELOW " + summedBelow;
        }

        @Override
        public String name() {
            return SpanNames.sum(n);
        }
    }
}
