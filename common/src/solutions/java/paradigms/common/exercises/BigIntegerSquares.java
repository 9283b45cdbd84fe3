package paradigms.common.exercises;

import java.math.BigInteger;

/**
 * The sum of squares with {@link BigInteger} additions, to measure what {@code SumOfSquares}'s
 * two {@code long}s save (the reference solution of exercise {@code biginteger-squares},
 * common/README.md, Exercises for you, 1).
 *
 * <p>The contract:
 * <ul>
 *   <li>{@link #below(int) below(n)} returns the sum of {@code i * i} for {@code 0 <= i < n},
 *       exactly, adding each square to a {@code BigInteger} running total (one
 *       {@code BigInteger.add} per number: that is the point of the exercise).</li>
 *   <li>{@code n = 0} gives zero; a negative {@code n} is refused with an
 *       {@link IllegalArgumentException} naming {@code n}.</li>
 * </ul>
 *
 * <p>Why it is slower: every {@code add} allocates a new immutable {@code BigInteger} (an
 * object and its int array), so the loop's cost is the allocator's and the garbage
 * collector's, not the CPU's adder — where the two {@code long}s stay in registers.
 */
public final class BigIntegerSquares {

    private BigIntegerSquares() {
    }

    public static BigInteger below(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be zero or positive, was " + n);
        }
        BigInteger sum = BigInteger.ZERO;
        for (long i = 0; i < n; i++) {
            sum = sum.add(BigInteger.valueOf(i * i)); // i * i fits a long: i < 2^31
        }
        return sum;
    }
}
