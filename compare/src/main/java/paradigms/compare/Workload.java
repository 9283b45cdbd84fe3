package paradigms.compare;

import paradigms.common.Paradigm;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.Optional;

/**
 * One measured case: an exercise with fixed inputs, e.g. {@code download} with 24 URLs and at
 * most 8 in flight, or {@code download-scale} with 1,000 URLs all in flight at once.
 *
 * <p>Both JVMs build the same workloads from the same {@link Plan}: the parent to know the
 * ideal times and to serve the crawl's site, the child to run them. Nothing but the case id
 * crosses the process boundary.
 */
sealed interface Workload permits DownloadWorkload, SquaresWorkload, ExhibitionWorkload, CrawlWorkload, BlockingWorkload {

    /** Stable id used in results.json and file names: {@code download}, {@code download-scale}, … */
    String id();

    Exercise exercise();

    /** The inputs in a few words, e.g. "24 URLs, at most 8 in flight". */
    String description();

    Repeats repeats();

    /** Whether measured runs record a trace (not for 1,000,000 requests: the spans would be the memory figure). */
    boolean traced();

    /** Whether its runs talk to the web server (so its counters mean something). */
    default boolean usesServer() {
        return false;
    }

    /**
     * True for the capacity probes (thousands of requests at once): a paradigm that does not
     * claim to wait concurrently would take N × latency, so it is skipped, with that reason.
     */
    default boolean needsConcurrentWaiting() {
        return false;
    }

    /**
     * The wall time of a perfect run, or empty when it is not a property of the inputs alone
     * (squares: the baseline's time divided by the cores).
     */
    Optional<Duration> ideal();

    /** What {@link Outcome#units()} counts, for the per-second figure ("requests"), or null. */
    default String unitName() {
        return null;
    }

    /** Builds the inputs (not measured); the returned run is what is measured. */
    Prepared<?> prepare(Paradigm paradigm, Fixtures fixtures) throws Exception;

    /**
     * One run, prepared: {@link #run} is measured, {@link #check} is not.
     *
     * @param <R> what the exercise returns
     */
    interface Prepared<R> {
        R run(Trace trace) throws Exception;

        Outcome check(R result);
    }
}
