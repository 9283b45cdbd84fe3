package paradigms.common.measure;

import paradigms.common.http.SentAt;

import java.time.Duration;
import java.util.Arrays;

/**
 * Resume latencies: for each answer, the time from "the server finished sending it" to "the
 * task that waited for it runs again" — measured the same way in every chapter.
 *
 * <p>Where to call {@link #record}: on the first line of the task's own code that sees the
 * answer — in a callback, the step after a yield, the line after a blocking call returns — with
 * the answer's {@link SentAt} stamp. Everything between the two moments is the paradigm's cost
 * of resuming: the kernel's socket buffer, the client reading and parsing, and the wait in the
 * ready queue (an event loop's, the pool's, the OS scheduler's) until the task's turn comes.
 * The two moments are read from one clock, {@link System#nanoTime()}, which on Linux the
 * server's process and every JVM of the machine share (see {@link SentAt}).
 *
 * <p><b>Thread safety:</b> any thread may record at any time; reading ({@link #summary()})
 * while others record gives a consistent snapshot. {@link #off()} records nothing, for callers
 * that do not measure.
 */
public final class ResumeLatency {

    /** Shared: it keeps nothing, so one instance serves every caller that does not measure. */
    private static final ResumeLatency OFF = new ResumeLatency(false);

    private final boolean enabled;

    // Guarded by `this`. A plain array under a lock, not a lock-free structure: one record per
    // answer (at most a million a run) costs an uncontended lock of tens of nanoseconds, small
    // beside the answer itself, and the percentiles need every value anyway.
    private long[] nanos = new long[64];
    private int count;

    private ResumeLatency(boolean enabled) {
        this.enabled = enabled;
    }

    /** A recorder that keeps every latency recorded. */
    public static ResumeLatency recording() {
        return new ResumeLatency(true);
    }

    /** The recorder that keeps nothing. */
    public static ResumeLatency off() {
        return OFF;
    }

    /**
     * Records one resume, now: the latency is {@code System.nanoTime() - sentAtNanos}. Kept as it
     * is even if negative — a negative latency is a bug to be seen (a stamp from another clock,
     * or recorded before the answer came), not one to be hidden by rounding up to zero.
     *
     * @param sentAtNanos the answer's stamp ({@link paradigms.common.http.HttpResponse#sentAtNanos()})
     */
    public void record(long sentAtNanos) {
        if (!enabled) {
            return;
        }
        long latency = System.nanoTime() - sentAtNanos;
        synchronized (this) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = latency;
        }
    }

    /** How many resumes were recorded so far. */
    public synchronized int count() {
        return count;
    }

    /** The latencies recorded so far, summarised; all zero when none was. */
    public Summary summary() {
        long[] sorted;
        synchronized (this) {
            sorted = Arrays.copyOf(nanos, count);
        }
        Arrays.sort(sorted); // outside the lock: recorders never wait for a sort
        if (sorted.length == 0) {
            return new Summary(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        return new Summary(sorted.length, Duration.ofNanos(sorted[0]), percentile(sorted, 50), percentile(sorted, 99),
                Duration.ofNanos(sorted[sorted.length - 1]));
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} % of the values at or below it. */
    private static Duration percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return Duration.ofNanos(sorted[Math.max(0, rank - 1)]);
    }

    @Override
    public String toString() {
        return enabled ? "ResumeLatency" + summary() : "ResumeLatency.off";
    }

    /**
     * @param count how many resumes
     * @param min   the shortest (negative only if something recorded wrongly)
     * @param p50   the median, nearest rank
     * @param p99   the 99th percentile, nearest rank
     * @param max   the longest
     */
    public record Summary(int count, Duration min, Duration p50, Duration p99, Duration max) {
    }
}
