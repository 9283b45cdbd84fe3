package paradigms.callbacks.exercises;

import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Timer;

import java.time.Duration;
import java.util.Objects;

/**
 * A callback run at a <em>fixed rate</em> on the event loop, and the handle that cancels it
 * (the reference solution of exercise {@code fixed-rate}, callbacks/README.md, Exercises for you, 1).
 *
 * <p>The contract:
 * <ul>
 *   <li><b>Schedule.</b> Let {@code start} be {@code loop.nanoTime()} when {@link #every} is
 *       called. Beat {@code k} (k = 0, 1, 2, …) is due at {@code start + k × interval}: the
 *       schedule is fixed when the repetition starts and does not drift, however long a beat
 *       takes (unlike {@code Repeating}'s fixed delay).</li>
 *   <li><b>First beat.</b> Due at {@code start}: it runs on a later tick of the loop, never
 *       inside {@code every} itself.</li>
 *   <li><b>Late beats.</b> Timers fire late, never early. A beat whose timer fires late runs
 *       late, once. When a beat returns, the next beat is the first one of the schedule that
 *       is not in the past (a beat due exactly now is not in the past); the ones in the past are
 *       skipped, not run in a burst, and {@link #skipped()} counts them.</li>
 *   <li><b>A beat that throws</b> (any {@code Throwable}) ends the repetition: no beat runs
 *       after it, no timer is left behind, the exception goes once to
 *       {@link EventLoop#report} and {@link #failure()} returns it.</li>
 *   <li><b>Cancel.</b> {@link #cancel()} stops the repetition: no beat runs after the call,
 *       even one already due, and no timer is left, so the loop's {@code run()} can return.
 *       It works before the first beat and from inside a beat (the running beat finishes; no
 *       other runs).</li>
 *   <li><b>Threads.</b> Loop thread only (or the thread setting the loop up before
 *       {@code run()}), like the loop's own {@code callLater}. Every field below is the loop
 *       thread's, so none needs a lock.</li>
 * </ul>
 *
 * <p>States:
 * <pre>
 *   WAITING  --its timer fires----------------------->  BEATING   (timer = null)
 *   BEATING  --the beat returned, not cancelled------>  WAITING   (the next timer is set)
 *   BEATING  --the beat threw------------------------>  STOPPED   (reported, kept in failure)
 *   BEATING  --cancel() from inside the beat-------->  BEATING, then STOPPED when it returns
 *   WAITING  --cancel()------------------------------>  STOPPED   (the timer is cancelled)
 *   STOPPED: final; cancel() returns false
 * </pre>
 */
public final class FixedRate {

    private final EventLoop loop;
    private final long intervalNanos;
    private final Runnable beat;
    /**
     * When the next beat is due, on the loop's clock. Advanced by whole intervals from
     * {@code start}, never recomputed from "now": that is what keeps the rate fixed.
     */
    private long nextDueNanos;
    private Timer timer;        // the timer of the next beat; null while a beat runs and once stopped
    private boolean stopped;
    private long skipped;
    private Throwable failure;

    private FixedRate(EventLoop loop, long intervalNanos, Runnable beat, long startNanos) {
        this.loop = loop;
        this.intervalNanos = intervalNanos;
        this.beat = beat;
        this.nextDueNanos = startNanos;
    }

    /**
     * Runs {@code beat} on {@code loop} at the fixed rate of one beat per {@code interval}.
     *
     * @throws NullPointerException     if an argument is null (the message names it)
     * @throws IllegalArgumentException if {@code interval} is zero or negative (the message says "interval")
     */
    public static FixedRate every(EventLoop loop, Duration interval, Runnable beat) {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(beat, "beat");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        long intervalNanos;
        try {
            intervalNanos = interval.toNanos();
        } catch (ArithmeticException tooLong) {
            throw new IllegalArgumentException("interval is too long to count in nanoseconds: " + interval, tooLong);
        }
        var repetition = new FixedRate(loop, intervalNanos, beat, loop.nanoTime());
        // callAt, not a direct call: the first beat runs on a later tick, like every other one.
        repetition.timer = loop.callAt(repetition.nextDueNanos, repetition::runBeat);
        return repetition;
    }

    /** The timer's callback, on the loop thread. */
    private void runBeat() {
        timer = null; // it fired: a cancel() from inside the beat has no timer to cancel, only the flag
        try {
            beat.run();
        } catch (Throwable e) {
            // Like ScheduledExecutorService: a broken beat would fail again every interval and bury
            // the first failure among the others. Stop, and say so once.
            stopped = true;
            failure = e;
            loop.report("a beat repeated at a fixed rate of one per " + Duration.ofNanos(intervalNanos)
                    + " threw; it will not run again", e);
            return;
        }
        if (stopped) {
            return; // cancelled from inside the beat: set no timer, so the loop can end
        }
        scheduleNextBeat();
    }

    /**
     * The next beat is the first one of the schedule that is not in the past now that the beat
     * returned; those in the past are skipped. Measured after the beat, not before: a beat that
     * itself overran its interval must not be followed by a beat that is already late.
     */
    private void scheduleNextBeat() {
        nextDueNanos += intervalNanos;
        long late = loop.nanoTime() - nextDueNanos; // nanoTime values: compare differences
        if (late > 0) {
            long missed = Math.ceilDiv(late, intervalNanos);
            skipped += missed;
            nextDueNanos += missed * intervalNanos;
        }
        timer = loop.callAt(nextDueNanos, this::runBeat);
    }

    /**
     * Stops the repetition: no beat runs after this call.
     *
     * @return true if this call stopped it; false if it had already stopped (cancelled, or a beat threw)
     */
    public boolean cancel() {
        if (stopped) {
            return false;
        }
        stopped = true;
        if (timer != null) {
            // Cancels it whether it still waits in the heap or is already due in the ready queue;
            // either way the loop no longer counts it as work.
            timer.cancel();
            timer = null;
        }
        return true;
    }

    /** How many beats were skipped so far because they were already in the past when their turn came. */
    public long skipped() {
        return skipped;
    }

    /** The exception of the beat that ended the repetition, or null if none threw. */
    public Throwable failure() {
        return failure;
    }
}
