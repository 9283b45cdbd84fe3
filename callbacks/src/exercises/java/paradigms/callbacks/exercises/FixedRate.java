package paradigms.callbacks.exercises;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.exercises.NotDoneYet;

import java.time.Duration;

/**
 * Exercise {@code fixed-rate} (callbacks/README.md, Exercises for you, 1): a callback run at a
 * <em>fixed rate</em> on the event loop, and the handle that cancels it.
 *
 * <p>The contract, in full (the acceptance test {@code FixedRateTest} checks each line):
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
 *       {@code run()}), like the loop's own {@code callLater}.</li>
 * </ul>
 */
public final class FixedRate {

    private FixedRate() {
    }

    /**
     * Runs {@code beat} on {@code loop} at the fixed rate of one beat per {@code interval}.
     *
     * @throws NullPointerException     if an argument is null (the message names it)
     * @throws IllegalArgumentException if {@code interval} is zero or negative (the message says "interval")
     */
    public static FixedRate every(EventLoop loop, Duration interval, Runnable beat) {
        throw new NotDoneYet("exercise fixed-rate is not done yet: implement FixedRate.every (then cancel, skipped"
                + " and failure) in callbacks/src/exercises/java/paradigms/callbacks/exercises/FixedRate.java"
                + " — see callbacks/README.md, Exercises for you, 1");
    }

    /**
     * Stops the repetition: no beat runs after this call.
     *
     * @return true if this call stopped it; false if it had already stopped (cancelled, or a beat threw)
     */
    public boolean cancel() {
        throw new NotDoneYet("exercise fixed-rate: implement FixedRate.cancel — see callbacks/README.md, Exercises for you, 1");
    }

    /** How many beats were skipped so far because they were already in the past when their turn came. */
    public long skipped() {
        throw new NotDoneYet("exercise fixed-rate: implement FixedRate.skipped — see callbacks/README.md, Exercises for you, 1");
    }

    /** The exception of the beat that ended the repetition, or null if none threw. */
    public Throwable failure() {
        throw new NotDoneYet("exercise fixed-rate: implement FixedRate.failure — see callbacks/README.md, Exercises for you, 1");
    }
}
