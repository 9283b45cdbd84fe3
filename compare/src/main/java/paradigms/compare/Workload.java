package paradigms.compare;

import paradigms.common.Exercise;
import paradigms.common.Paradigm;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.Optional;

/**
 * One measured case: an exercise with fixed inputs, e.g. {@code download} with 24 URLs and at
 * most 8 in flight, or {@code waiters} with as many waiting tasks as the paradigm supports.
 *
 * <p>Each exercise has one workload class ({@code DownloadWorkload}, …) that holds everything
 * compare knows about it: its cases' sizes per mode (a static {@code plan(Mode, Duration)}),
 * how to run and check one, and which figures mean something for it. {@link Workloads} finds
 * that class from the exercise list in {@code common}.
 *
 * <p>Both JVMs build the same workloads from the same {@link Plan}: the parent to know the
 * ideal times and to serve the crawl's site, the child to run them. Nothing but the case id
 * crosses the process boundary.
 */
interface Workload {

    /** Stable id used in results.json and file names: {@code download}, {@code deadline-fail-fast}, … */
    String id();

    Exercise exercise();

    /** The inputs in a few words, e.g. "24 URLs, at most 8 in flight". */
    String description();

    Repeats repeats();

    /** Whether measured runs record a trace (not for 1,000,000 requests: the spans would be the memory figure). */
    boolean traced();

    /**
     * The most requests (or connections) the case allows at once, shown beside what the server
     * saw; null where no such bound is part of the inputs.
     */
    default Integer allowedInFlight() {
        return null;
    }

    /** Whether its runs talk to the web server (so its counters mean something). */
    default boolean usesServer() {
        return false;
    }

    /**
     * True for the million requests: a paradigm that does not claim to wait concurrently would
     * take N × latency, so it is skipped, with that reason.
     */
    default boolean needsConcurrentWaiting() {
        return false;
    }

    /**
     * Whether a speedup over the sequential baseline means something here. Not for
     * {@code waiters} (each paradigm runs its own N), {@code counter} (the baseline never
     * suspends between read and write) or {@code deadline} (every paradigm is bound by the
     * failure or the deadline: how promptly it returns is the figure).
     */
    default boolean comparesWithBaseline() {
        return true;
    }

    /**
     * Whether the case runs in a child JVM of its own, apart from the paradigm's other cases.
     * For {@code waiters}: a million waiting tasks may end the JVM (out of memory, out of
     * threads), and they leave a grown heap behind; neither may touch another case's figures.
     */
    default boolean ownJvm() {
        return false;
    }

    /**
     * Whether the parent, after each run, waits (a short while) until its web server has no
     * request in flight and no connection open, and reports how long that took: the
     * {@code deadline} cases' "nothing left behind".
     */
    default boolean awaitsQuietServer() {
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
     * One run, prepared: {@link #run} is measured; {@link #beforeRun} and {@link #check} are not.
     * Called on the child's main thread only, one run at a time: {@code beforeRun}, {@code run},
     * then {@code check} — so an implementation may keep what {@code beforeRun} saw in a field.
     *
     * @param <R> what the exercise returns
     */
    interface Prepared<R> {

        /** Before each run (warm-ups too), outside the measurement: e.g. a GC, or a snapshot of the threads. */
        default void beforeRun() {
        }

        R run(Trace trace) throws Exception;

        Outcome check(R result);

        /** The check, for cases that also need what the parent's server saw during the run. */
        default Outcome check(R result, Messages.ServerCounters server) {
            return check(result);
        }
    }
}
