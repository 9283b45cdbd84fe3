package paradigms.common.waiters;

import java.time.Duration;
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
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger maxWaiting = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger early = new AtomicInteger();

    public WaitTally(Duration wait) {
        this.waitNanos = wait.toNanos();
    }

    /** A task starts waiting; returns its start time, to hand back to {@link #end}. */
    public long begin() {
        int now = waiting.incrementAndGet();
        maxWaiting.accumulateAndGet(now, Math::max);
        return System.nanoTime();
    }

    /** The task's wait is over. */
    public void end(long beganNanos) {
        if (System.nanoTime() - beganNanos < waitNanos) {
            early.incrementAndGet();
        }
        waiting.decrementAndGet();
        completed.incrementAndGet();
    }

    public WaitersResult result() {
        return new WaitersResult(completed.get(), early.get(), maxWaiting.get());
    }
}
