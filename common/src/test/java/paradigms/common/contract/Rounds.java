package paradigms.common.contract;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A suspension for the unguarded counters of the lessons and of {@link CounterContract}: each
 * task, between its read and its write, waits here until all {@code tasks} tasks have read. So
 * in every round all of them read the same value and all write it plus one — the lost update,
 * forced instead of hoped for. For tasks that each run on a thread or a process of their own
 * (a barrier blocks its caller); a loop's tasks interleave at their suspension by themselves.
 */
public final class Rounds {

    private final CyclicBarrier allHaveRead;

    public Rounds(int tasks) {
        this.allHaveRead = new CyclicBarrier(tasks);
    }

    /** Waits for the round's other tasks; a broken or timed-out round fails the task, and so the run. */
    public void await() throws InterruptedException {
        try {
            allHaveRead.await(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new AssertionError("the tasks never all read before writing", e);
        }
    }
}
