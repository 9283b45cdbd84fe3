package paradigms.callbacks.exercises;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A hashed timing wheel (Varghese and Lauck's "scheme 6"), the structure for very many timers
 * of about the same delay: O(1) to add one, where the loop's binary heap costs O(log n) to take
 * one out (the reference solution of exercise {@code timing-wheel}, callbacks/README.md,
 * Exercises for you, 4).
 *
 * <p>The contract:
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
 *   <li>One thread only (the loop's), like the timer heap it stands in for: no field is guarded.</li>
 * </ul>
 *
 * <p>Implementation notes. {@code nextTick} is the first tick whose slot may still hold a due
 * timer: {@code advanceTo} visits the slots from there to now's tick and then leaves
 * {@code nextTick} at now's tick, whose later timers are not due yet. A jump of more than one
 * turn visits every slot once, not once per tick passed. The timers found due are sorted
 * before they run: within one slot they are in no order (different rounds, different moments
 * of the tick), and a batch is small next to the wheel.
 */
public final class TimingWheel {

    /** Earliest deadline first; equal deadlines in scheduling order (as the loop's {@code Timer.ORDER}). */
    private static final Comparator<Entry> ORDER = (a, b) -> {
        int byDeadline = Long.signum(a.deadlineNanos - b.deadlineNanos); // nanoTime values: compare differences
        return byDeadline != 0 ? byDeadline : Long.compare(a.sequence, b.sequence);
    };

    private record Entry(long deadlineNanos, long sequence, Runnable callback) {
    }

    private final long tickNanos;
    private final long startNanos;
    private final List<List<Entry>> wheel;
    private long nextTick;          // see the implementation notes
    private long lastNowNanos;
    private long sequence;
    private int size;

    /** A wheel of {@code slots} slots of {@code tick} each, whose tick 0 starts at {@code startNanos}. */
    public TimingWheel(Duration tick, int slots, long startNanos) {
        Objects.requireNonNull(tick, "tick");
        if (tick.isZero() || tick.isNegative()) {
            throw new IllegalArgumentException("tick must be positive, was " + tick);
        }
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, was " + slots);
        }
        this.tickNanos = tick.toNanos();
        this.startNanos = startNanos;
        this.lastNowNanos = startNanos;
        this.wheel = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            wheel.add(new ArrayList<>());
        }
    }

    /** Adds a timer: {@code callback} runs at the first {@link #advanceTo} whose now is at or after {@code deadlineNanos}. */
    public void schedule(long deadlineNanos, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        // A deadline already passed goes into the slot advanceTo visits first.
        long tick = Math.max(tickOf(deadlineNanos), nextTick);
        slot(tick).add(new Entry(deadlineNanos, sequence++, callback));
        size++;
    }

    /** Runs the timers due at or before {@code nowNanos}; returns how many ran. */
    public int advanceTo(long nowNanos) {
        if (nowNanos - lastNowNanos < 0) {
            throw new IllegalArgumentException("now must not go backwards: " + nowNanos + " < " + lastNowNanos);
        }
        lastNowNanos = nowNanos;
        long nowTick = tickOf(nowNanos);
        long lastTickToVisit = Math.min(nowTick, nextTick + wheel.size() - 1); // one turn visits every slot
        List<Entry> due = new ArrayList<>();
        for (long tick = nextTick; tick <= lastTickToVisit; tick++) {
            slot(tick).removeIf(entry -> {
                boolean isDue = entry.deadlineNanos - nowNanos <= 0;
                if (isDue) {
                    due.add(entry);
                }
                return isDue;
            });
        }
        nextTick = Math.max(nextTick, nowTick);
        size -= due.size();
        due.sort(ORDER);
        runAll(due); // after the bookkeeping: what the callbacks schedule goes at or after nextTick
        return due.size();
    }

    /** Timers scheduled and not yet run. */
    public int size() {
        return size;
    }

    private static void runAll(List<Entry> due) {
        RuntimeException first = null;
        for (Entry entry : due) {
            try {
                entry.callback.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private long tickOf(long nanos) {
        return Math.floorDiv(nanos - startNanos, tickNanos);
    }

    private List<Entry> slot(long tick) {
        return wheel.get((int) Math.floorMod(tick, (long) wheel.size()));
    }
}
