package paradigms.callbacks;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code waiters} beyond the contract: the capacity follows the heap up to the one thread's limit, and 100,000 timers need no thread. */
@Timeout(TestTimeouts.CONTRACT_SECONDS) // the project's one timeout constant: a hang fails, never blocks the build
class WaitersTest {

    @Test
    void theCapacityFollowsTheHeapUpToTheOneLoopThreadsLimit() {
        long mebibyte = 1L << 20;
        Capacity small = Waiters.capacityFor(64 * mebibyte);
        assertEquals(64 * mebibyte / Waiters.PEAK_BYTES_PER_TASK, small.maxTasks(), "a small heap: the heap decides");
        assertTrue(small.limitedBy().contains("64 MiB"), small.limitedBy());
        assertEquals(Waiters.MAX_TASKS, Waiters.capacityFor(1_024 * mebibyte).maxTasks(), "the tests' 1 GiB: just past the cap");
        assertEquals(Waiters.MAX_TASKS, Waiters.capacityFor(8_192 * mebibyte).maxTasks(), "more heap buys nothing past the cap");
    }

    /** Every wake runs on the thread that called await(): it ran the loop, and the loop is the only thread. */
    @Test
    void aHundredThousandTasksWaitAtOnceOnTheCallersThreadAlone() {
        Trace trace = Trace.recording();
        WaitersResult result = new Waiters().await(new WaitersRequest(100_000, Duration.ofMillis(100)), trace);

        assertEquals(100_000, result.completed());
        assertEquals(0, result.early());
        assertEquals(100_000, result.maxWaitingAtOnce());
        Set<String> lanes = trace.spans().stream().map(Span::thread).collect(Collectors.toSet());
        assertEquals(Set.of(Trace.currentThreadName()), lanes, "the threads that woke a task");
    }
}
