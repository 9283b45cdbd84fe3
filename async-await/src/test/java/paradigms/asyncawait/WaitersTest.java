package paradigms.asyncawait;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a waiting task costs here: no thread. Ten thousand tasks — the threading chapter's
 * whole capacity, one platform thread each — wait on the one timer thread the call starts,
 * and that thread runs every wake-up.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class WaitersTest {

    @Test
    void tenThousandWaitingTasksStartOneThreadAndWakeUpOnIt() throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        long startedBefore = threads.getTotalStartedThreadCount();
        Trace trace = Trace.recording();

        WaitersResult result = new Waiters().await(new WaitersRequest(10_000, TestTimeouts.scaled(Duration.ofMillis(200))), trace);

        long started = threads.getTotalStartedThreadCount() - startedBefore;
        assertEquals(10_000, result.maxWaitingAtOnce());
        assertEquals(0, result.early());
        // One is the timer; the margin is for threads the JVM or the test tools start meanwhile.
        assertTrue(started <= 3, "threads started for 10,000 waiting tasks: " + started);
        Set<String> wokeOn = trace.spans().stream().map(Span::thread).collect(Collectors.toSet());
        assertEquals(Set.of("waiters-timer"), wokeOn, "the threads that ran the wake-ups");
        assertEquals(10_000, trace.spans().size());
    }

    /**
     * The two passes: arming 100,000 timers takes far longer than a 1 ms wait, yet all 100,000
     * tasks wait at the same moment, because every one exists, waiting, before the first timer
     * is armed.
     */
    @Test
    void allTasksWaitAtOnceEvenWhenArmingThemTakesLongerThanTheWait() throws Exception {
        WaitersResult result = new Waiters().await(new WaitersRequest(100_000, Duration.ofMillis(1)), Trace.off());

        assertEquals(100_000, result.completed());
        assertEquals(0, result.early());
        assertEquals(100_000, result.maxWaitingAtOnce());
    }

    /** The heap is what runs out, so the capacity follows it — up to the one timer thread's limit. */
    @Test
    void theCapacityFollowsTheHeapUpToWhatOneTimerThreadCanServe() {
        long gib = 1L << 30;
        assertEquals(gib / Waiters.PEAK_BYTES_PER_TASK, Waiters.capacityFor(gib).maxTasks());
        assertEquals(Waiters.MAX_TASKS, Waiters.capacityFor(64 * gib).maxTasks());
        assertTrue(Waiters.capacityFor(gib).limitedBy().contains("1024 MiB"), Waiters.capacityFor(gib).limitedBy());
    }
}
