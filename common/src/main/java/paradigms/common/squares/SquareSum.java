package paradigms.common.squares;

import java.math.BigInteger;

/** The sum of i*i for 0 &lt;= i &lt; n, exact. */
public record SquareSum(int n, BigInteger sum) {
}
