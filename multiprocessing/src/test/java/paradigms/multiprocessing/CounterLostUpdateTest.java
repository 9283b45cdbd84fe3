package paradigms.multiprocessing;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code counter} exercise's lost update across processes, with an exact count. The counter
 * lives in the parent; each of K worker processes reads it, suspends and writes read + 1, every
 * step a message.
 *
 * <p>The forced interleaving: the suspension is a call to the parent ({@code pause}), and the
 * parent holds each task there until all K have read — a barrier of K parties on the pool's
 * threads, one per worker. So in each round all K tasks read the same value v and all write
 * v + 1: K increments, one counted. After M rounds the counter holds M, and exactly (K − 1) × M
 * updates are lost, on every run. (Why exactly: a task's read in round r is answered after its
 * own write of round r − 1 was, and before anyone's write of round r, which waits for the
 * barrier; every write it can see wrote the same value, r − 1.)
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class CounterLostUpdateTest {

    private static final int TASKS = 3;      // three worker processes, one task each
    private static final int INCREMENTS = 20;

    @Test
    void withoutTheLeaseAllTasksReadingBeforeAnyWritesLoseExactlyKMinusOneUpdatesPerRound() throws Exception {
        var between = new Between();
        var allHaveRead = new CyclicBarrier(TASKS);
        var unguarded = Counter.unguarded(TASKS, () -> {
            between.enter();
            allHaveRead.await(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS); // a broken or timed-out barrier fails the call
            between.leave();
        });

        CounterResult result = unguarded.count(new CounterRequest(TASKS, INCREMENTS), Trace.off());

        assertEquals(TASKS, between.most.get(), "tasks between their read and their write at the same moment");
        assertEquals(TASKS * INCREMENTS, result.expected());
        assertEquals(INCREMENTS, result.total(), "each round of K increments counted once");
        assertEquals((TASKS - 1) * INCREMENTS, result.lostUpdates());
    }

    @Test
    void underTheLeaseNoTwoTasksAreEverBetweenReadAndWriteAndNothingIsLost() throws Exception {
        var between = new Between();
        // Every task runs on its own process at the same time, and pauses in the parent between
        // read and write: the other tasks' calls reach the parent meanwhile, and wait for the lease.
        var leased = Counter.leased(TASKS, () -> {
            between.enter();
            Thread.yield();
            between.leave();
        });

        CounterResult result = leased.count(new CounterRequest(TASKS, 200), Trace.off());

        assertEquals(1, between.most.get(), "tasks between their read and their write at the same moment");
        assertEquals(0, result.lostUpdates());
        assertEquals(TASKS * 200L, result.total());
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
}
