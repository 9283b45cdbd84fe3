package paradigms.callbacks.loop;

import paradigms.callbacks.loop.LoopClock;

import java.time.Duration;

/**
 * A clock for tests: time stands still while callbacks run, and jumps to the next timer's
 * deadline whenever the loop would otherwise wait. A schedule of hours runs in
 * microseconds, and the order of events no longer depends on how loaded the machine is.
 *
 * <p>Written by the loop thread (through {@link #skipTo}) or by a test before it runs the
 * loop; {@code volatile} so that another thread may read it, e.g. to report progress.
 *
 * <p>With real channels registered, virtual time and I/O do not mix: the loop does not wait
 * for a socket while a timer is pending, it jumps. Use it for timer logic, not network code.
 */
public final class VirtualClock implements LoopClock {

    private volatile long now;

    /** Starts at 0 ns. */
    public VirtualClock() {
        this(0);
    }

    public VirtualClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Never goes backwards: a deadline already passed leaves the clock where it is. */
    @Override
    public boolean skipTo(long deadlineNanos) {
        if (deadlineNanos - now > 0) {
            now = deadlineNanos;
        }
        return true;
    }

    /** Moves the clock forward by hand, e.g. to pretend a callback took this long. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock does not go backwards: " + duration);
        }
        now += duration.toNanos();
    }
}
