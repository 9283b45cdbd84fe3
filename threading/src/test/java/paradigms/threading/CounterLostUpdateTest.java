package paradigms.threading;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code counter} exercise's lost update, in the exercise's own shape (K tasks, M
 * read – suspend – write increments each, one {@code SharedCounter}) and with an exact count.
 *
 * <p>The unguarded version's suspension is a barrier of K parties: every task reads, then waits
 * until all K have read, then writes. So in each round all K tasks read the same value v and
 * all write v + 1: K increments, one counted. After M rounds the counter holds M, and exactly
 * (K − 1) × M updates are lost — on every run, not "sometimes". (Why exactly: a task's read in
 * round r comes after its own write of round r − 1, and before anyone's write of round r, which
 * waits for the barrier; every write it can see wrote the same value, r − 1.)
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class CounterLostUpdateTest {

    private static final int TASKS = 4;
    private static final int INCREMENTS = 25;

    @Test
    void withoutTheLockAllTasksReadingBeforeAnyWritesLoseExactlyKMinusOneUpdatesPerRound() throws Exception {
        var allHaveRead = new CyclicBarrier(TASKS);
        Counter unguarded = Counter.withoutLock(() -> awaitAll(allHaveRead));

        CounterResult result = unguarded.count(new CounterRequest(TASKS, INCREMENTS), Trace.off());

        assertEquals(TASKS * INCREMENTS, result.expected());
        assertEquals(INCREMENTS, result.total(), "each round of K increments counted once");
        assertEquals((TASKS - 1) * INCREMENTS, result.lostUpdates());
    }

    @Test
    void withoutTheLockTheForcedInterleavingPutsAllTasksBetweenReadAndWriteAtOnce() throws Exception {
        var between = new Between();
        var allHaveRead = new CyclicBarrier(TASKS);
        Counter unguarded = Counter.withoutLock(() -> {
            between.enter();
            awaitAll(allHaveRead);
            between.leave();
        });

        unguarded.count(new CounterRequest(TASKS, 3), Trace.off());

        assertEquals(TASKS, between.most.get(), "tasks between their read and their write at the same moment");
    }

    @Test
    void underTheLockNoTwoTasksAreEverBetweenReadAndWriteAndNothingIsLost() throws Exception {
        var between = new Between();
        // Yield while "inside", as the exercise does: another thread gets every chance to run.
        Counter guarded = Counter.withLock(() -> {
            between.enter();
            Thread.yield();
            between.leave();
        });

        CounterResult result = guarded.count(new CounterRequest(TASKS, 2_000), Trace.off());

        assertEquals(1, between.most.get(), "tasks between their read and their write at the same moment");
        assertEquals(0, result.lostUpdates());
        assertEquals(TASKS * 2_000L, result.total());
    }

    /** Counts the tasks currently between their read and their write, and the most there ever were. */
    private static final class Between {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        void enter() {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        void leave() {
            now.decrementAndGet();
        }
    }

    /** Waits until every task has read; a broken or timed-out barrier fails the task, and so the test. */
    private static void awaitAll(CyclicBarrier barrier) throws InterruptedException {
        try {
            barrier.await(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new AssertionError("the tasks never all read before writing", e);
        }
    }
}
