package paradigms.asyncawait;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code counter} exercise's lost update where futures really lose it: at the await,
 * <em>on one thread</em>. No lock is needed to make a data race impossible on a single-threaded
 * executor — and updates are lost all the same, because a chain's read and its write are two
 * steps, and at the hop between them every other chain gets its turn.
 *
 * <p>Why the count is exact, on every run: all K chains are started in one step on the
 * executor's only thread, so all K read 0 and queue their hops, in order. Each hop then writes
 * "0 + 1", reads the new value at once (its next increment's read, in the same step) and
 * queues its next hop behind the others. Round after round, all K read r − 1 and all write r:
 * K increments counted once. After M rounds the counter holds M, and exactly (K − 1) × M
 * updates are lost. The executor's FIFO queue is the forced interleaving: nothing else can
 * run in between.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class CounterLostUpdateTest {

    private static final int TASKS = 4;
    private static final int INCREMENTS = 25;

    @Test
    void oneThreadWithAnAwaitBetweenReadAndWriteLosesExactlyKMinusOneUpdatesPerRound() throws Exception {
        Counter unguarded = Counter.unguarded(1, Counter.HOP);

        CounterResult result = unguarded.count(new CounterRequest(TASKS, INCREMENTS), Trace.off());

        assertEquals(TASKS * INCREMENTS, result.expected());
        assertEquals(INCREMENTS, result.total(), "each round of K increments counted once");
        assertEquals((TASKS - 1) * INCREMENTS, result.lostUpdates());
    }

    @Test
    void oneThreadPutsAllChainsBetweenTheirReadAndTheirWriteAtOnce() throws Exception {
        var between = new Between();
        Counter unguarded = Counter.unguarded(1, between.around(Counter.HOP));

        unguarded.count(new CounterRequest(TASKS, 3), Trace.off());

        assertEquals(TASKS, between.most.get(), "chains suspended between their read and their write at the same moment");
    }

    /** It is the await that loses updates, not the threads: with no suspension the same unguarded code is exact. */
    @Test
    void oneThreadWithNoAwaitBetweenReadAndWriteLosesNothing() throws Exception {
        Counter.Suspension none = executor -> CompletableFuture.completedFuture(null); // the write runs right after the read

        CounterResult result = Counter.unguarded(1, none).count(new CounterRequest(TASKS, INCREMENTS), Trace.off());

        assertEquals(0, result.lostUpdates());
    }

    /** The exercise: one permit held across the await, on two threads — never two chains inside, nothing lost. */
    @Test
    void withOnePermitNoTwoChainsAreEverBetweenReadAndWriteAndNothingIsLost() throws Exception {
        var between = new Between();
        Counter guarded = Counter.withOnePermit(between.around(Counter.HOP));

        CounterResult result = guarded.count(new CounterRequest(TASKS, 2_000), Trace.off());

        assertEquals(1, between.most.get(), "chains suspended between their read and their write at the same moment");
        assertEquals(0, result.lostUpdates());
        assertEquals(TASKS * 2_000L, result.total());
    }

    /**
     * Counts the chains that have read and are suspended, not yet written: it enters when the
     * suspension starts (right after the read) and leaves when the hop runs (right before the
     * write, which follows in the same step).
     */
    private static final class Between {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        Counter.Suspension around(Counter.Suspension suspension) {
            return executor -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                return suspension.suspend(executor).thenRun(now::decrementAndGet);
            };
        }
    }
}
