package paradigms.common.counter;

import java.util.HashMap;
import java.util.Map;

/**
 * The counter every task increments, and the witness of how they did it.
 *
 * <p><b>What it protects, and what it does not.</b> Each single {@link #read} or {@link #write}
 * is one whole step: the counter takes its own monitor for it, so that no step is torn and its
 * record below is exact. What it does NOT do is make a read and the write that follows it one
 * step: between them a task may suspend, another task may read the same value, and then one
 * of the two increments is lost. Whatever keeps the pair together — a lock, a permit, a
 * lease, a loop that runs nothing between the two — is the paradigm's job, which is the
 * point of the exercise.
 *
 * <p><b>What it records</b>, per task and per read → write pair, so that a test can see for
 * itself what happened instead of trusting the report of the code under test:
 * <ul>
 *   <li>whether another task read or wrote the counter between this task's read and its
 *       write (an <em>interleaved</em> pair);</li>
 *   <li>whether the write was based on a <em>stale</em> read — another task had written
 *       since — which is how an update gets lost;</li>
 *   <li>writes that follow no read of the same task, or that do not write the value read plus one.</li>
 * </ul>
 * See {@link CounterLog}. A task is named by a number the caller chooses (its index); one
 * task may have one read open at a time.
 *
 * <p>Thread safety: every method may be called from any thread (threads, a loop, a parent
 * process answering its workers' messages); all state is guarded by {@code this}.
 */
public final class SharedCounter {

    private long value;                                          // guarded by this
    private long steps;                                          // guarded by this: reads and writes so far, numbered 1, 2, …
    private long lastWriteStep;                                  // guarded by this
    private final Map<Integer, OpenRead> openReads = new HashMap<>(); // guarded by this: each task's read awaiting its write
    private long increments;                                     // guarded by this: the counts of CounterLog
    private long interleaved;
    private long staleWrites;
    private long writesWithoutRead;
    private long writesNotOnePastRead;

    /** A read that its task has not yet written back: what it read, and at which step. */
    private record OpenRead(long value, long step) {
    }

    /** Task {@code task} reads the counter: the first half of an increment. */
    public synchronized long read(int task) {
        openReads.put(task, new OpenRead(value, ++steps));
        return value;
    }

    /** Task {@code task} writes the counter: the second half of the increment it read for. */
    public synchronized void write(int task, long newValue) {
        long step = ++steps;
        OpenRead read = openReads.remove(task);
        if (read == null) {
            writesWithoutRead++;
        } else {
            increments++;
            if (step - read.step() > 1) {
                interleaved++;   // some step came between this task's read and this write: another task's
            }
            if (lastWriteStep > read.step()) {
                staleWrites++;   // another task wrote since this read: this write overwrites its increment
            }
            if (newValue != read.value() + 1) {
                writesNotOnePastRead++;
            }
        }
        value = newValue;
        lastWriteStep = step;
    }

    /** What the counter holds now; for the caller once every task has ended (it opens no increment). */
    public synchronized long value() {
        return value;
    }

    /** What the counter saw so far. */
    public synchronized CounterLog log() {
        return new CounterLog(value, increments, interleaved, staleWrites, writesWithoutRead, writesNotOnePastRead);
    }
}
