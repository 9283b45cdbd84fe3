package paradigms.callbacks;

import java.time.Duration;

/**
 * A callback run every {@code interval} on the loop, until {@link #cancel()}: a timer that
 * schedules its successor each time it fires ("fixed delay": the next run is an interval
 * after this one ended, so a loop that was stalled does not fire a burst to catch up).
 * Loop thread only.
 */
final class Repeating {

    private final EventLoop loop;
    private final Duration interval;
    private final Runnable action;
    private Timer next;
    private boolean cancelled;

    private Repeating(EventLoop loop, Duration interval, Runnable action) {
        this.loop = loop;
        this.interval = interval;
        this.action = action;
    }

    /** Runs {@code action} on the next tick, then every {@code interval}. */
    static Repeating every(EventLoop loop, Duration interval, Runnable action) {
        var repeating = new Repeating(loop, interval, action);
        repeating.next = loop.callLater(Duration.ZERO, repeating::fire);
        return repeating;
    }

    private void fire() {
        if (cancelled) {
            return;
        }
        action.run();
        next = loop.callLater(interval, this::fire);
    }

    /** No more runs; the loop no longer counts this timer as work. */
    void cancel() {
        cancelled = true;
        next.cancel();
    }
}
