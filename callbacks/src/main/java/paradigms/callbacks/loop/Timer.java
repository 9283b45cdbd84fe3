package paradigms.callbacks.loop;

import paradigms.callbacks.loop.EventLoop;

import java.util.Comparator;

/**
 * A callback scheduled with {@link EventLoop#callLater} or {@link EventLoop#callAt}, and the
 * handle to cancel it.
 *
 * <p>States, all changed on the loop thread:
 * <pre>
 *   PENDING   --deadline reached-->  DUE        (moved from the timer heap to the ready queue)
 *   DUE       --loop runs it------>  RAN
 *   PENDING   --cancel()---------->  CANCELLED  (stays in the heap until popped or compacted)
 *   DUE       --cancel()---------->  CANCELLED  (its entry in the ready queue does nothing)
 *   RAN, CANCELLED: final; cancel() returns false
 * </pre>
 * Not thread-safe: call {@link #cancel()} on the loop thread. From another thread, send the
 * cancellation there with {@link EventLoop#callSoonThreadSafe}.
 */
public final class Timer {

    /**
     * Earliest deadline first; equal deadlines in the order they were scheduled. Without the
     * sequence number a heap gives no order to equal keys, and two timers set for the same
     * moment could fire in either order.
     */
    static final Comparator<Timer> ORDER = (a, b) -> {
        int byDeadline = Long.signum(a.deadlineNanos - b.deadlineNanos); // nanoTime values: compare differences
        return byDeadline != 0 ? byDeadline : Long.compare(a.sequence, b.sequence);
    };

    enum State { PENDING, DUE, RAN, CANCELLED }

    private final EventLoop loop;
    final long deadlineNanos;
    final long sequence;
    private Runnable callback;   // dropped once it ran or was cancelled, so that it can be collected
    private State state = State.PENDING;

    /** What the ready queue holds for this timer: runs the callback unless cancelled meanwhile. */
    final Runnable fire = this::fire;

    Timer(EventLoop loop, long deadlineNanos, long sequence, Runnable callback) {
        this.loop = loop;
        this.deadlineNanos = deadlineNanos;
        this.sequence = sequence;
        this.callback = callback;
    }

    /**
     * Cancels the callback if it has not run yet.
     *
     * @return true if this call cancelled it; false if it had already run or been cancelled
     */
    public boolean cancel() {
        if (state == State.RAN || state == State.CANCELLED) {
            return false;
        }
        boolean stillInHeap = state == State.PENDING;
        state = State.CANCELLED;
        callback = null;
        if (stillInHeap) {
            loop.timerCancelled();
        }
        return true;
    }

    /** True once cancelled. */
    public boolean isCancelled() {
        return state == State.CANCELLED;
    }

    /** When it is due, on the loop's clock ({@link EventLoop#nanoTime()}). */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    State state() {
        return state;
    }

    void markDue() {
        state = State.DUE;
    }

    private void fire() {
        if (state != State.DUE) {
            return; // cancelled after it was queued
        }
        Runnable toRun = callback;
        state = State.RAN;
        callback = null;
        toRun.run();
    }

    @Override
    public String toString() {
        return "Timer[" + state + ", due at " + deadlineNanos + " ns, #" + sequence + "]";
    }
}
