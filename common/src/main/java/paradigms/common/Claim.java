package paradigms.common;

/**
 * What a paradigm claims about itself — the rows of the comparison table (processes, threads, async) that a
 * contract can check without a stopwatch.
 *
 * <p>The contract suites hold each paradigm to exactly what it declares:
 * <ul>
 *   <li>{@link #WAITS_CONCURRENTLY}: the local web server observes as many requests in
 *       flight at once as the exercise allows (the in-flight counter reaches C), and the
 *       database as many queries running at once as there are connections;</li>
 *   <li>{@link #USES_SEVERAL_CORES}: the trace of a CPU-bound exercise shows work running at
 *       the same moment on two different threads or processes, and the CPU time of the
 *       process and its children exceeds the wall time over some stretch of the run (taking
 *       turns on one core cannot).</li>
 * </ul>
 * A paradigm that does not make a claim has the corresponding contract test skipped,
 * visibly and with a reason.
 */
public enum Claim {
    WAITS_CONCURRENTLY,
    USES_SEVERAL_CORES
}
