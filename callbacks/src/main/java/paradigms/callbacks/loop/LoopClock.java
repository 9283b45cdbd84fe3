package paradigms.callbacks.loop;

import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.VirtualClock;

/**
 * The clock an {@link EventLoop} schedules its timers by.
 *
 * <p>Why pluggable: a test of "timers fire in deadline order" or "a 1-hour timer runs after a
 * 1-second one" should not take an hour, nor depend on how busy the machine is. With a
 * {@link VirtualClock} the loop never waits for real time: when it has nothing to do until
 * the next timer, the clock jumps to that timer's deadline.
 *
 * <p>Called only on the loop's thread (or by the thread setting the loop up before
 * {@link EventLoop#run()}).
 */
@FunctionalInterface
public interface LoopClock {

    /** Now, in nanoseconds from an arbitrary origin; only differences mean something. */
    long nanoTime();

    /**
     * Asked by the loop when nothing is ready to run and the next timer is due at
     * {@code deadlineNanos}. A clock that can skip time moves to the deadline and returns
     * true: the loop then only polls its channels instead of waiting. The real clock cannot,
     * returns false, and the loop waits in {@code Selector.select}.
     */
    default boolean skipTo(long deadlineNanos) {
        return false;
    }

    /** The real clock, {@link System#nanoTime()}. */
    static LoopClock system() {
        return System::nanoTime;
    }
}
