package paradigms.common.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The level of the buffer between stages 1 and 2, as the buffer itself reports it: the witness
 * a test reads instead of trusting the code under test's own account of its high-water mark.
 *
 * <p><b>The one rule for a buffer that reports here:</b> call {@link #inserted()} and
 * {@link #removed()} in the same step as the insertion or removal itself — inside the buffer's
 * lock, or in the same run of the event loop, or on the same thread before anything else can
 * touch the buffer. Then the level here always equals what the buffer holds. A buffer that frees
 * a place first and reports it later (a {@code BlockingQueue}'s {@code take()}, then a count) lets
 * a producer fill that place in between: the level reads B + 1, and the contract fails it. That
 * is the point: such a buffer really did let B + 1 pages exist outside stage 2.
 *
 * <p><b>What it records:</b> the level now, the highest it reached (the high-water mark), the
 * lowest (a removal reported before its insertion makes it negative), how many insertions and
 * removals, and every change with its time since the recorder was made — the picture of the
 * level over time that the main job draws. After {@link #MAX_SAMPLES} changes it stops keeping
 * samples (and says so), but never stops counting.
 *
 * <p>Thread safety: every method may be called from any thread; all state is guarded by
 * {@code this}. Each call is one short critical section, so calling it under the buffer's own
 * lock cannot deadlock: it takes no other lock.
 */
public final class BufferLevel {

    /** Changes kept for the picture; a million-page run keeps its first million and no more. */
    public static final int MAX_SAMPLES = 1_000_000;

    /**
     * One change of the level.
     *
     * @param nanos nanoseconds since the recorder was made
     * @param level the level after the change
     */
    public record Sample(long nanos, int level) {
    }

    private final long madeAt = System.nanoTime();
    private int level;                                   // guarded by this
    private int highWater;                               // guarded by this
    private int lowWater;                                // guarded by this
    private long insertions;                             // guarded by this
    private long removals;                               // guarded by this
    private final List<Sample> samples = new ArrayList<>(); // guarded by this

    /** The buffer has just taken in one item: call in the same step as the insertion. */
    public synchronized void inserted() {
        insertions++;
        level++;
        highWater = Math.max(highWater, level);
        sample();
    }

    /** The buffer has just handed one item out: call in the same step as the removal. */
    public synchronized void removed() {
        removals++;
        level--;
        lowWater = Math.min(lowWater, level);
        sample();
    }

    private void sample() {
        if (samples.size() < MAX_SAMPLES) {
            samples.add(new Sample(System.nanoTime() - madeAt, level));
        }
    }

    /** Items in the buffer now. */
    public synchronized int level() {
        return level;
    }

    /** The most items the buffer ever held at once. */
    public synchronized int highWater() {
        return highWater;
    }

    /** The lowest level seen: below zero only if a removal was reported before its insertion. */
    public synchronized int lowWater() {
        return lowWater;
    }

    public synchronized long insertions() {
        return insertions;
    }

    public synchronized long removals() {
        return removals;
    }

    /** Every change so far, in order (the first {@link #MAX_SAMPLES}). */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Whether changes were left out of {@link #samples()}. */
    public synchronized boolean samplesCut() {
        return insertions + removals > samples.size();
    }

    @Override
    public synchronized String toString() {
        return "level " + level + " (high-water " + highWater + ", " + insertions + " in, " + removals + " out)";
    }
}
