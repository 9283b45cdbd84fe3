package paradigms.multiprocessing.exercises;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exercise {@code threads-in-a-worker}: a thousand waits on two worker processes, all waiting at
 * once — the chapter's own {@code waiters} would need a thousand processes. The bound on the
 * wall time is the shape, with a wide margin: one wait at a time per worker would take ten
 * times what it allows, and the waits at once take a small fraction of it.
 */
@Tag("exercise")
@Tag("threads-in-a-worker")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ThreadedWaitersTest {

    @Test
    void aThousandWaitsOnTwoWorkerProcessesAllWaitAtOnce() throws Exception {
        // Long enough that both batches are handed over before either can end, even on a loaded machine.
        Duration wait = TestTimeouts.scaled(Duration.ofSeconds(1));
        var request = new WaitersRequest(1_000, wait);
        Trace trace = Trace.recording();
        long start = System.nanoTime();

        WaitersResult result = new ThreadedWaiters(2).await(request, trace);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(1_000, result.completed(), "every wait completed");
        assertEquals(0, result.early(), "no wait ended before its time");
        assertEquals(1_000, result.maxWaitingAtOnce(), "all waited at the same moment");
        Set<String> processes = trace.spans().stream()
                .filter(span -> !span.process().equals(Trace.thisProcess()))
                .map(Span::process)
                .collect(Collectors.toSet());
        assertEquals(2, processes.size(), "worker processes that ran the waits: " + trace.spans());
        Duration oneAtATimePerWorker = wait.multipliedBy(1_000 / 2);
        assertTrue(took.compareTo(oneAtATimePerWorker.dividedBy(10)) < 0,
                "took " + took.toMillis() + " ms: the waits inside a worker do not overlap");
    }

    /** N below the number of workers: no empty batch goes out (a worker given zero waits would fail the task). */
    @Test
    void fewerTasksThanWorkersStillCompleteEveryWait() throws Exception {
        WaitersResult result = new ThreadedWaiters(4).await(new WaitersRequest(3, Duration.ofMillis(50)), Trace.off());

        assertEquals(3, result.completed());
        assertEquals(0, result.early());
        assertEquals(3, result.maxWaitingAtOnce());
    }
}
