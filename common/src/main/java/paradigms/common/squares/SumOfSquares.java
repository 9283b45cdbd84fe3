package paradigms.common.squares;

import java.math.BigInteger;

/**
 * The arithmetic of the squares exercise, shared by every paradigm.
 *
 * <p>The sums overflow {@code long} (for n = 5,000,000 the sum is about 4.2e19, above
 * 9.2e18), so they are accumulated as an unsigned 128-bit number in two {@code long}s:
 * {@code low} takes each square, and a carry goes to {@code high} whenever the unsigned
 * addition wraps. {@code BigInteger} is made only once, at the end — adding 5,000,000
 * {@code BigInteger}s would cost more than the work being measured.
 */
public final class SumOfSquares {

    private SumOfSquares() {
    }

    /** The sum of i*i for 0 &lt;= i &lt; n. */
    public static BigInteger below(int n) {
        return range(0, n);
    }

    /**
     * The sum of i*i for {@code from <= i < to}: the unit of work a paradigm can split a large
     * n into (chunks), since sums of ranges add up.
     */
    public static BigInteger range(int from, int to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("range must satisfy 0 <= from <= to, was [" + from + ", " + to + ")");
        }
        long low = 0;
        long high = 0;
        for (long i = from; i < to; i++) {
            long square = i * i;
            long sum = low + square;
            if (Long.compareUnsigned(sum, low) < 0) {
                high++;
            }
            low = sum;
        }
        return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }

    /** The closed form n(n-1)(2n-1)/6, to check the loop against. */
    public static BigInteger closedForm(int n) {
        BigInteger big = BigInteger.valueOf(n);
        return big.multiply(big.subtract(BigInteger.ONE))
                .multiply(big.shiftLeft(1).subtract(BigInteger.ONE))
                .divide(BigInteger.valueOf(6));
    }
}
