package paradigms.common.waiters;

import paradigms.common.measure.ResumeLatency;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts waiting tasks as they begin and end, so every paradigm reports the same figures.
 *
 * <p>Thread safety: any thread may call {@link #begin()} and {@link #end(long)}; the counts are
 * atomics, cheap enough for a million tasks. A paradigm that waits in another process calls
 * {@code begin} when it hands a task over and {@code end} when the answer comes back.
 */
public final class WaitTally {

    private final long waitNanos;
    private final ResumeLatency resumes;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger maxWaiting = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger early = new AtomicInteger();

    /** A measurement's hook (see {@link #probeWhenWaiting}); null but while {@code compare} weighs a run. */
    private static volatile Probe probe;

    private record Probe(int atWaiting, Runnable action, AtomicBoolean fired) {
    }

    /** A tally for {@code request}: its tasks' timer resume latencies go where the request says. */
    public WaitTally(WaitersRequest request) {
        this(request.waitFor(), request.resumeLatency());
    }

    /** A tally that measures no resume latency. */
    public WaitTally(Duration wait) {
        this(wait, ResumeLatency.off());
    }

    private WaitTally(Duration wait, ResumeLatency resumes) {
        this.waitNanos = wait.toNanos();
        this.resumes = resumes;
    }

    /** A task starts waiting; returns its start time, to hand back to {@link #end}. */
    public long begin() {
        int now = waiting.incrementAndGet();
        maxWaiting.accumulateAndGet(now, Math::max);
        return System.nanoTime();
    }

    /**
     * For measurement only: runs {@code action} once, on the thread of the first {@link #end}
     * while {@code atWaiting} tasks wait — the last moment all N wait at once, when every one of
     * them is fully set up (a paradigm may still be arming timers when the N-th task begins), and
     * when {@code compare} forces a GC and reads the heap they keep alive. The ending task is
     * still counted as waiting while the action runs. Process-wide, because each paradigm makes
     * its own tally; one probe at a time, until {@link #clearProbe()}.
     */
    public static void probeWhenWaiting(int atWaiting, Runnable action) {
        probe = new Probe(atWaiting, action, new AtomicBoolean());
    }

    public static void clearProbe() {
        probe = null;
    }

    /**
     * The task's wait is over: call it first thing when the task runs again. Records its timer's
     * resume latency — now, less the moment its wait was over ({@code beganNanos} + the wait).
     */
    public void end(long beganNanos) {
        if (System.nanoTime() - beganNanos < waitNanos) {
            early.incrementAndGet();
        }
        resumes.record(beganNanos + waitNanos);
        Probe armed = probe;
        if (armed != null && waiting.get() == armed.atWaiting() && armed.fired().compareAndSet(false, true)) {
            armed.action().run(); // the last moment all of them wait, each fully set up: weigh them
        }
        waiting.decrementAndGet();
        completed.incrementAndGet();
    }

    public WaitersResult result() {
        return new WaitersResult(completed.get(), early.get(), maxWaiting.get());
    }
}
