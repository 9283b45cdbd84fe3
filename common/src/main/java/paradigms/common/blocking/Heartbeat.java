package paradigms.common.blocking;

import java.time.Duration;

/**
 * A task that should tick every interval while the queries run. If the paradigm stalls —
 * an event loop blocked inside a JDBC call — the ticks stop, and the largest gap shows for how long.
 *
 * <p>Thread safety: {@link #tick()} may be called from any thread; the methods are
 * {@code synchronized}, which costs nothing next to a tick every few milliseconds.
 * The paradigm decides how the ticks are scheduled (a timer on its loop, a thread, …):
 * that is the point of the exercise.
 */
public final class Heartbeat {

    private long lastNanos = System.nanoTime();
    private long largestGapNanos;
    private int ticks;
    private boolean stopped;

    public synchronized void tick() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        largestGapNanos = Math.max(largestGapNanos, now - lastNanos);
        lastNanos = now;
        ticks++;
    }

    /** Ends the measurement; the time since the last tick counts as a gap too. */
    public synchronized HeartbeatStats stop() {
        if (!stopped) {
            largestGapNanos = Math.max(largestGapNanos, System.nanoTime() - lastNanos);
            stopped = true;
        }
        return new HeartbeatStats(ticks, Duration.ofNanos(largestGapNanos));
    }
}
