package paradigms.callbacks.exercises;

import paradigms.common.exercises.NotDoneYet;

import java.time.Duration;

/**
 * Exercise {@code timing-wheel} (callbacks/README.md, Exercises for you, 4): a hashed timing
 * wheel, the structure for very many timers of about the same delay — O(1) to add one, where
 * the loop's binary heap costs O(log n) to take one out.
 *
 * <p>The contract (the acceptance test {@code TimingWheelTest} checks it):
 * <ul>
 *   <li>The wheel has {@code slots} slots of {@code tick} each, starting at {@code startNanos};
 *       a timer due at {@code d} goes into the slot of its tick, {@code floorDiv(d - start, tick)
 *       mod slots}, in a plain list. A timer due more than one turn ahead shares its slot with
 *       nearer ones and must wait its round.</li>
 *   <li>{@link #advanceTo advanceTo(now)} runs every timer due at or before {@code now} — never
 *       one due later — in deadline order, equal deadlines in the order they were scheduled,
 *       and returns how many ran. Each timer runs once.</li>
 *   <li>A timer scheduled by a callback while {@code advanceTo} runs (even one already due)
 *       runs at the next {@code advanceTo} at the earliest, like the loop's batches.</li>
 *   <li>A callback that throws does not stop the others of its batch; after the batch,
 *       {@code advanceTo} throws the first exception (later ones suppressed in it).</li>
 *   <li>Bad input is refused with a message naming it: {@code tick} not positive,
 *       {@code slots} below 1, a null {@code callback}, a {@code now} earlier than the
 *       previous one ({@link IllegalArgumentException} / {@link NullPointerException}).</li>
 *   <li>One thread only (the loop's), like the timer heap it stands in for.</li>
 * </ul>
 */
public final class TimingWheel {

    /** A wheel of {@code slots} slots of {@code tick} each, whose tick 0 starts at {@code startNanos}. */
    public TimingWheel(Duration tick, int slots, long startNanos) {
        throw notDone("the constructor");
    }

    /** Adds a timer: {@code callback} runs at the first {@link #advanceTo} whose now is at or after {@code deadlineNanos}. */
    public void schedule(long deadlineNanos, Runnable callback) {
        throw notDone("schedule");
    }

    /** Runs the timers due at or before {@code nowNanos}; returns how many ran. */
    public int advanceTo(long nowNanos) {
        throw notDone("advanceTo");
    }

    /** Timers scheduled and not yet run. */
    public int size() {
        throw notDone("size");
    }

    private static NotDoneYet notDone(String what) {
        return new NotDoneYet("exercise timing-wheel is not done yet: implement " + what + " of TimingWheel in"
                + " callbacks/src/exercises/java/paradigms/callbacks/exercises/TimingWheel.java"
                + " — see callbacks/README.md, Exercises for you, 4");
    }
}
