package paradigms.common.exercises;

import java.math.BigInteger;

/**
 * Exercise {@code biginteger-squares} (common/README.md, Exercises for you, 1): the sum of
 * squares with {@link BigInteger} additions, to measure what {@code SumOfSquares}'s two
 * {@code long}s save.
 *
 * <p>The contract (the acceptance test {@code BigIntegerSquaresTest} checks it):
 * <ul>
 *   <li>{@link #below(int) below(n)} returns the sum of {@code i * i} for {@code 0 <= i < n},
 *       exactly, adding each square to a {@code BigInteger} running total (one
 *       {@code BigInteger.add} per number: that is the point of the exercise).</li>
 *   <li>{@code n = 0} gives zero; a negative {@code n} is refused with an
 *       {@link IllegalArgumentException} naming {@code n}.</li>
 * </ul>
 */
public final class BigIntegerSquares {

    private BigIntegerSquares() {
    }

    public static BigInteger below(int n) {
        throw new NotDoneYet("exercise biginteger-squares is not done yet: implement BigIntegerSquares.below in"
                + " common/src/exercises/java/paradigms/common/exercises/BigIntegerSquares.java"
                + " — see common/README.md, Exercises for you, 1");
    }
}
