package paradigms.common.squares;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SumOfSquaresTest {

    @Test
    void loopAgreesWithTheClosedFormAcrossTheLongOverflow() {
        for (int n : new int[] {0, 1, 2, 3, 10, 1_000, 3_000_000, 5_000_000, 5_000_019}) {
            assertEquals(SumOfSquares.closedForm(n), SumOfSquares.below(n), "n = " + n);
        }
        // 5,000,000: the first of Real Python's inputs already overflows a signed long.
        assertEquals(new BigInteger("41666654166667500000"), SumOfSquares.below(5_000_000));
    }

    @Test
    void rangesAddUpToTheWhole() {
        BigInteger pieces = SumOfSquares.range(0, 1_234_567).add(SumOfSquares.range(1_234_567, 5_000_000));
        assertEquals(SumOfSquares.below(5_000_000), pieces);
    }

    @Test
    void theLargestIntStillWorks() {
        assertEquals(SumOfSquares.closedForm(Integer.MAX_VALUE).subtract(SumOfSquares.closedForm(Integer.MAX_VALUE - 10)),
                SumOfSquares.range(Integer.MAX_VALUE - 10, Integer.MAX_VALUE));
    }

    @Test
    void rejectsABackwardRange() {
        var error = assertThrows(IllegalArgumentException.class, () -> SumOfSquares.range(5, 4));
        assertEquals("range must satisfy 0 <= from <= to, was [5, 4)", error.getMessage());
    }
}
