package paradigms.compare;

import java.util.Locale;

/** How long and how thoroughly to measure. */
enum Mode {
    /** The default: fewer repeats, smaller inputs; every paradigm in a few minutes on 2 cores. */
    QUICK,
    /** More repeats, larger inputs, and the course's headlines: 1,000,000 requests (1,000 in flight), up to 1,000,000 waiting tasks. */
    FULL,
    /**
     * {@code --reference}: the quick plan's cases and the course's two headlines, each run once —
     * 1,000,000 requests with at most 1,000 in flight, and 1,000,000 waiting tasks — sized so that
     * the whole reference (the benchmarks and JMH too) fits in about a quarter of an hour on 2 cores.
     */
    REFERENCE;

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
