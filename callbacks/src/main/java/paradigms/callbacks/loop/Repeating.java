package paradigms.callbacks.loop;

import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Timer;

import java.time.Duration;

/**
 * A callback run every {@code interval} on the loop, until {@link #cancel()}: a timer that
 * schedules its successor each time it fires ("fixed delay": the next run is an interval
 * after this one ended, so a loop that was stalled does not fire a burst to catch up).
 * Loop thread only.
 *
 * <p><b>An action that throws ends the repetition, loudly.</b> As with
 * {@link java.util.concurrent.ScheduledExecutorService#scheduleWithFixedDelay}, a run that
 * throws suppresses the runs after it: running a broken action again every interval would
 * repeat the same failure, and hide the first one among the others. The exception goes to
 * the loop's error handler ({@link EventLoop#setErrorHandler}) with a context saying that
 * the repetition stopped, and {@link #failure()} keeps it for the owner to check.
 */
public final class Repeating {

    private final EventLoop loop;
    private final Duration interval;
    private final Runnable action;
    private Timer next;
    private boolean cancelled;
    private Throwable failure; // the exception that stopped the repetition, or null

    private Repeating(EventLoop loop, Duration interval, Runnable action) {
        this.loop = loop;
        this.interval = interval;
        this.action = action;
    }

    /** Runs {@code action} on the next tick, then every {@code interval}, until it is cancelled or throws. */
    public static Repeating every(EventLoop loop, Duration interval, Runnable action) {
        var repeating = new Repeating(loop, interval, action);
        repeating.next = loop.callLater(Duration.ZERO, repeating::fire);
        return repeating;
    }

    private void fire() {
        if (cancelled) {
            return;
        }
        try {
            action.run();
        } catch (Throwable e) {
            // Not rescheduled: the loop has no more work from this repetition.
            failure = e;
            loop.report("a callback repeated every " + interval.toMillis() + " ms threw; it will not run again", e);
            return;
        }
        next = loop.callLater(interval, this::fire);
    }

    /** No more runs; the loop no longer counts this timer as work. Harmless after the repetition stopped. */
    public void cancel() {
        cancelled = true;
        next.cancel();
    }

    /** The exception that stopped the repetition, or null while it runs (or if it was cancelled). */
    Throwable failure() {
        return failure;
    }
}
