package paradigms.common.exercises;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.squares.SumOfSquares;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance test of exercise {@code biginteger-squares} (common/README.md, Exercises for you,
 * 1): {@link BigIntegerSquares#below} is exact, and — the measured shape, not a figure — slower
 * than {@code SumOfSquares.below}'s two {@code long}s on the same n.
 */
@Tag("exercise")
@Tag("biginteger-squares")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class BigIntegerSquaresTest {

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 1, 2, 10, 1_000, 5_000_000})
    void theSumIsExact(int n) {
        assertEquals(SumOfSquares.closedForm(n), BigIntegerSquares.below(n));
    }

    @Test
    void aNegativeNIsRefusedNamingIt() {
        assertEquals(BigInteger.ZERO, BigIntegerSquares.below(0)); // a valid call is accepted
        var thrown = assertThrows(IllegalArgumentException.class, () -> BigIntegerSquares.below(-1));
        assertTrue(thrown.getMessage() != null && thrown.getMessage().matches("(?s).*\\bn\\b.*"), "the message should name n: " + thrown.getMessage());
    }

    @Test
    void bigIntegerAdditionsAreSlowerThanTheTwoLongs() {
        int n = 5_000_000;
        long fastestLongs = Long.MAX_VALUE;
        long fastestBig = Long.MAX_VALUE;
        // Alternate and keep each one's fastest run: warm-up and a busy machine's pauses fall on both.
        for (int round = 0; round < 5; round++) {
            long started = System.nanoTime();
            SumOfSquares.below(n);
            fastestLongs = Math.min(fastestLongs, System.nanoTime() - started);
            started = System.nanoTime();
            BigIntegerSquares.below(n);
            fastestBig = Math.min(fastestBig, System.nanoTime() - started);
        }
        assertTrue(fastestBig > fastestLongs,
                "expected BigInteger additions to take longer than the two longs: " + fastestBig / 1_000 + " µs vs "
                        + fastestLongs / 1_000 + " µs (best of five each)");
    }
}
