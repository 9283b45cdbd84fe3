package paradigms.common.contract;

import java.time.Duration;

/**
 * The one place test delays come from (the JSR-166 TCK's {@code LONG_DELAY_MS} idea).
 * On a slow or busy machine, raise them all at once with {@code -Dparadigms.test.slowness=3}.
 */
public final class TestTimeouts {

    /** Class-level {@code @Timeout} of every contract suite, in seconds: a hang fails, never blocks the build. */
    public static final int CONTRACT_SECONDS = 120;

    /** Multiplies every delay below. */
    public static final double SLOWNESS = Double.parseDouble(System.getProperty("paradigms.test.slowness", "1"));

    /** How long to wait for something that should happen promptly. */
    public static final Duration LONG = scaled(Duration.ofSeconds(20));

    private TestTimeouts() {
    }

    public static Duration scaled(Duration base) {
        return Duration.ofNanos((long) (base.toNanos() * SLOWNESS));
    }
}
