package paradigms.callbacks.exercises;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.squares.SumOfSquares;

import java.math.BigInteger;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * CPU work cut into slices, so that the loop can run other callbacks between them (the
 * reference solution of exercise {@code squares-in-chunks}, callbacks/README.md, Exercises
 * for you, 2).
 *
 * <p>The contract:
 * <ul>
 *   <li>{@link #sumBelow} adds up {@code i * i} for {@code 0 <= i < n} on the loop thread, at
 *       most {@code chunk} numbers per callback: each chunk is one callback, and it schedules
 *       the next chunk with {@code loop.callSoon} — behind every callback already waiting.</li>
 *   <li>Nothing runs inside {@code sumBelow} itself: the first chunk runs on a later tick.</li>
 *   <li>After the last chunk, {@code whenDone} receives the exact sum, once, on the loop thread.
 *       For {@code n = 0} it receives zero (on a later tick too).</li>
 *   <li>Bad input is refused at once: a null argument ({@link NullPointerException} naming it),
 *       {@code n < 0} or {@code chunk < 1} ({@link IllegalArgumentException} naming {@code n} or
 *       {@code chunk}).</li>
 *   <li>Loop thread only (or before {@code run()}), like {@code callSoon}.</li>
 * </ul>
 *
 * <p>This is what a generator's {@code yield} between slices does for free (the generators
 * chapter's {@code Await.Pass}): here the "rest of the loop" must be carried by hand, in the
 * fields of {@link Slices} — where the next chunk starts and what was added so far.
 */
public final class ChunkedSquares {

    private ChunkedSquares() {
    }

    /** Sums the squares below {@code n} in chunks of {@code chunk}, then hands the sum to {@code whenDone}. */
    public static void sumBelow(EventLoop loop, int n, int chunk, Consumer<BigInteger> whenDone) {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(whenDone, "whenDone");
        if (n < 0) {
            throw new IllegalArgumentException("n must be zero or positive, was " + n);
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be at least 1, was " + chunk);
        }
        loop.callSoon(new Slices(loop, n, chunk, whenDone));
    }

    /**
     * The loop's state between two chunks: the stack frame of a {@code for} loop, ripped out
     * into fields because a callback must return before the next chunk may run. Loop thread only.
     */
    private static final class Slices implements Runnable {
        private final EventLoop loop;
        private final int n;
        private final int chunk;
        private final Consumer<BigInteger> whenDone;
        private int from;                        // the first number of the next chunk
        private BigInteger sum = BigInteger.ZERO; // of the chunks done so far

        Slices(EventLoop loop, int n, int chunk, Consumer<BigInteger> whenDone) {
            this.loop = loop;
            this.n = n;
            this.chunk = chunk;
            this.whenDone = whenDone;
        }

        /** One chunk, then either the next one behind everything already waiting, or the answer. */
        @Override
        public void run() {
            int to = (int) Math.min((long) from + chunk, n); // long: from + chunk may pass Integer.MAX_VALUE
            sum = sum.add(SumOfSquares.range(from, to));
            from = to;
            if (from < n) {
                loop.callSoon(this);
            } else {
                whenDone.accept(sum);
            }
        }
    }
}
