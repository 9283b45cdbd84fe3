package paradigms.callbacks;

import paradigms.callbacks.Counter.Increment;
import paradigms.callbacks.loop.Permits;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lesson: one thread, no data race — and still lost updates. An increment cut into two
 * callbacks (read, then "call me back", then write) leaves a gap in which every other task's
 * queued callbacks run; on the loop's FIFO ready queue the loss is not "sometimes" but exact:
 * each round of K tasks all read the same value, so K × M increments leave the counter at M.
 * Keeping the read and the write in one callback, or holding a one-permit {@link Permits}
 * across the gap, makes it exact again.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS) // the project's one timeout constant: a hang fails, never blocks the build
class LostUpdateLessonTest {

    @Test
    void readSuspendWriteLosesExactlyKMinusOneTimesMUpdatesOnOneThread() {
        CounterResult result = new Counter(Increment.SPLIT).count(new CounterRequest(50, 100), Trace.off());

        assertEquals(5_000, result.expected());
        assertEquals(100, result.total(), "every round of 50 tasks read the same value: the counter grows by one a round");
        assertEquals(49 * 100, result.lostUpdates());
    }

    /** The interleaving itself, forced by the FIFO ready queue: both reads come before both writes. */
    @Test
    void bothTasksReadBeforeEitherWrites() {
        Trace trace = Trace.recording();
        CounterResult result = new Counter(Increment.SPLIT).count(new CounterRequest(2, 2), trace);

        assertEquals(List.of(
                "task 0 read", "task 1 read", "task 0 write", "task 1 write",   // both wrote 0 + 1
                "task 0 read", "task 1 read", "task 0 write", "task 1 write"),  // both wrote 1 + 1
                tasks(trace));
        assertEquals(2, result.total(), "4 increments, 2 lost");
    }

    @Test
    void aSingleTaskLosesNothingEvenWithTheGap() {
        CounterResult result = new Counter(Increment.SPLIT).count(new CounterRequest(1, 1_000), Trace.off());
        assertEquals(1_000, result.total(), "nobody else runs in the gap");
    }

    @Test
    void readAndWriteInOneCallbackLoseNothingWithoutAnyLock() {
        CounterResult result = new Counter(Increment.IN_ONE_CALLBACK).count(new CounterRequest(50, 100), Trace.off());
        assertEquals(5_000, result.total());
    }

    /** The permit is held from each read to its write: the tasks take turns, each reading the previous write. */
    @Test
    void aOnePermitLockHeldAcrossTheGapLosesNothing() {
        Trace trace = Trace.recording();
        CounterResult many = new Counter(Increment.SPLIT_UNDER_PERMIT).count(new CounterRequest(50, 100), Trace.off());
        CounterResult two = new Counter(Increment.SPLIT_UNDER_PERMIT).count(new CounterRequest(2, 2), trace);

        assertEquals(5_000, many.total());
        assertEquals(List.of(
                "task 0 read", "task 0 write", "task 1 read", "task 1 write",
                "task 0 read", "task 0 write", "task 1 read", "task 1 write"),
                tasks(trace));
        assertEquals(4, two.total());
    }

    private static List<String> tasks(Trace trace) {
        return trace.spans().stream().map(Span::task).toList();
    }
}
