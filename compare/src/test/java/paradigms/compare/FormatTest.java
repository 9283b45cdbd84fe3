package paradigms.compare;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Durations are written at the scale a reader thinks in, from milliseconds to hours. */
class FormatTest {

    @Test
    void eachScaleHasItsUnit() {
        assertEquals("8.50 ms", Format.millis(8.5));
        assertEquals("850 ms", Format.millis(850));
        assertEquals("4.31 s", Format.millis(4_310));
        assertEquals("2 min 05 s", Format.millis(125_000));
        assertEquals("119 min 59 s", Format.millis(7_199_000));
        assertEquals("13 h 53 min", Format.millis(50_000_000)); // the baseline's million requests, 50 ms each
    }
}
