package paradigms.common.contract;

import java.time.Duration;

/**
 * The one place test delays and timing bounds come from (the JSR-166 TCK's {@code LONG_DELAY_MS}
 * idea). On a slow or busy machine, raise them all at once with
 * {@code -Dparadigms.test.slowness=3} (see common's README).
 *
 * <p>What scales: every wait for something that should happen ({@link #LONG}, Awaitility's
 * {@code atMost}, a latch's or a future's timeout), every upper bound on elapsed time
 * ({@link #scaled(Duration)}), every "at most so many times the ideal" ({@link #scaled(double)}),
 * and the inputs such a bound is measured against (a query's duration, a request's timeout).
 * What does not: lower bounds ("not before the deadline" stays exact: a timer never fires early),
 * and {@link #CONTRACT_SECONDS}, which an annotation needs as a constant.
 */
public final class TestTimeouts {

    /**
     * The {@code @Timeout} of every test class, in seconds: a hang fails, never blocks the build.
     * A guard, not a bound — far above what any test here takes even on a machine several times
     * slower; annotations take constants only, so it is the one figure the slowness does not scale.
     */
    public static final int CONTRACT_SECONDS = 120;

    /** Multiplies every delay and bound below. */
    public static final double SLOWNESS = slowness(System.getProperty("paradigms.test.slowness", "1"));

    /** How long to wait for something that should happen promptly. */
    public static final Duration LONG = scaled(Duration.ofSeconds(20));

    private TestTimeouts() {
    }

    /** A duration that a slower machine needs more of: {@code base} times the slowness. */
    public static Duration scaled(Duration base) {
        return Duration.ofNanos((long) (base.toNanos() * SLOWNESS));
    }

    /** A bound on a ratio, "at most {@code factor} times the ideal": the factor times the slowness. */
    public static double scaled(double factor) {
        return factor * SLOWNESS;
    }

    private static double slowness(String text) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("paradigms.test.slowness must be a number, was \"" + text + "\"", e);
        }
        if (!(value >= 1)) {
            throw new IllegalArgumentException("paradigms.test.slowness must be at least 1, was " + text);
        }
        return value;
    }
}
