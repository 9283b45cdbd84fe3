package paradigms.greenlets;

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
 * The {@code counter} exercise's lost update on virtual threads, in the exercise's own shape
 * (K tasks, M read – suspend – write increments each, one {@code SharedCounter}) and with an
 * exact count.
 *
 * <p>The unguarded version's suspension is a barrier of K parties: every task reads, then parks
 * at the barrier (unmounted, like any blocking call) until all K have read, then writes. So in
 * each round all K tasks read the same value v and all write v + 1: K increments, one counted.
 * After M rounds the counter holds M, and exactly (K − 1) × M updates are lost, on every run.
 * (Why exactly: a task's read in round r comes after its own write of round r − 1 and before
 * anyone's write of round r, which waits for the barrier; every write it can see wrote r − 1.
 * The barrier's lock is also what makes those writes visible across carriers.)
 *
 * <p>K is a thousand here, one virtual thread each, all parked between their read and their
 * write at once on two carriers — the threading chapter stops at its pool of 64 threads.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class CounterLostUpdateTest {

    private static final int TASKS = 1_000;
    private static final int INCREMENTS = 10;

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

    /**
     * The exercise's own increment: under the lock, a task yields its carrier between read and
     * write — a real suspension on a virtual thread — and still no other task gets between them.
     */
    @Test
    void underTheLockNoTwoTasksAreEverBetweenReadAndWriteAndNothingIsLost() throws Exception {
        var between = new Between();
        Counter guarded = Counter.withLock(() -> {
            between.enter();
            Thread.yield(); // unmounts this virtual thread: others run meanwhile, but none may take the lock
            between.leave();
        });

        CounterResult result = guarded.count(new CounterRequest(100, 200), Trace.off());

        assertEquals(1, between.most.get(), "tasks between their read and their write at the same moment");
        assertEquals(0, result.lostUpdates());
        assertEquals(100 * 200L, result.total());
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
