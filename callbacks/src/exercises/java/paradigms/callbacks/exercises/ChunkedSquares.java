package paradigms.callbacks.exercises;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.exercises.NotDoneYet;

import java.math.BigInteger;
import java.util.function.Consumer;

/**
 * Exercise {@code squares-in-chunks} (callbacks/README.md, Exercises for you, 2): CPU work cut
 * into slices, so that the loop can run other callbacks between them.
 *
 * <p>The contract (the acceptance test {@code ChunkedSquaresTest} checks it):
 * <ul>
 *   <li>{@link #sumBelow} adds up {@code i * i} for {@code 0 <= i < n} on the loop thread, at
 *       most {@code chunk} numbers per callback: each chunk is one callback, and it schedules
 *       the next chunk with {@code loop.callSoon} — behind every callback already waiting.
 *       ({@code SumOfSquares.range(from, to)} adds up one chunk.)</li>
 *   <li>Nothing runs inside {@code sumBelow} itself: the first chunk runs on a later tick.</li>
 *   <li>After the last chunk, {@code whenDone} receives the exact sum, once, on the loop thread.
 *       For {@code n = 0} it receives zero (on a later tick too).</li>
 *   <li>Bad input is refused at once: a null argument ({@link NullPointerException} naming it),
 *       {@code n < 0} or {@code chunk < 1} ({@link IllegalArgumentException} naming {@code n} or
 *       {@code chunk}).</li>
 *   <li>Loop thread only (or before {@code run()}), like {@code callSoon}.</li>
 * </ul>
 */
public final class ChunkedSquares {

    private ChunkedSquares() {
    }

    /** Sums the squares below {@code n} in chunks of {@code chunk}, then hands the sum to {@code whenDone}. */
    public static void sumBelow(EventLoop loop, int n, int chunk, Consumer<BigInteger> whenDone) {
        throw new NotDoneYet("exercise squares-in-chunks is not done yet: implement ChunkedSquares.sumBelow in"
                + " callbacks/src/exercises/java/paradigms/callbacks/exercises/ChunkedSquares.java"
                + " — see callbacks/README.md, Exercises for you, 2");
    }
}
