package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Claim;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code waiters} exercise's contract: the paradigm says how many waiting tasks it
 * supports and why; up to that many (at most 1,000 here — a million is the main job's
 * business), every task completes and none early; a paradigm that claims concurrent waiting
 * has them all waiting at once.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
public interface WaitersContract extends ParadigmContract {

    /** The most tasks a contract run starts: enough to show concurrency, cheap on any paradigm. */
    int CONTRACT_TASKS = 1_000;

    Duration WAIT = Duration.ofMillis(100);

    private int tasks() {
        return Math.min(paradigm().waiters().capacity().maxTasks(), CONTRACT_TASKS);
    }

    @Test
    default void declaresItsCapacityAndWhatLimitsIt() {
        Capacity capacity = paradigm().waiters().capacity();
        assertTrue(capacity.maxTasks() >= 1);
        assertTrue(capacity.limitedBy().length() > 10, "a reason in words: " + capacity.limitedBy());
    }

    @Test
    default void everyTaskCompletesAndNoneEarly() throws Exception {
        int tasks = tasks();
        long started = System.nanoTime();
        WaitersResult result = paradigm().waiters().await(new WaitersRequest(tasks, WAIT), Trace.off());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(tasks, result.completed(), "tasks completed");
        assertEquals(0, result.early(), "tasks that woke before their wait was over");
        // Not only the paradigm's own tally: the call itself cannot have been shorter than one wait.
        assertTrue(took.compareTo(WAIT) >= 0, "the call returned after " + took.toMillis() + " ms, before one wait of " + WAIT.toMillis());
    }

    @Test
    default void eachTaskNotesOneTimerResumeLatencyNoneNegative() throws Exception {
        int tasks = Math.min(tasks(), 100);
        var resumes = ResumeLatency.recording();
        paradigm().waiters().await(new WaitersRequest(tasks, WAIT).measuringResumes(resumes), Trace.off());
        assertEquals(tasks, resumes.count(), "timer resume latencies noted: one per task");
        assertTrue(!resumes.summary().min().isNegative(), "a task noted its resume before its wait was over: " + resumes.summary());
    }

    @Test
    default void allTasksWaitAtOnceWhenItClaimsConcurrentWaiting() throws Exception {
        assumeClaim(Claim.WAITS_CONCURRENTLY);
        int tasks = tasks();
        WaitersResult result = paradigm().waiters().await(new WaitersRequest(tasks, TestTimeouts.scaled(Duration.ofSeconds(1))), Trace.off());
        assertEquals(tasks, result.maxWaitingAtOnce(), "tasks waiting at the same moment");
    }

    @Test
    default void rejectsMoreTasksThanItSupportsWithAClearMessage() {
        Capacity capacity = paradigm().waiters().capacity();
        org.junit.jupiter.api.Assumptions.assumeTrue(capacity.maxTasks() < Integer.MAX_VALUE, "no limit to exceed");
        var error = assertThrows(IllegalArgumentException.class,
                () -> paradigm().waiters().await(new WaitersRequest(capacity.maxTasks() + 1, WAIT), Trace.off()));
        assertTrue(error.getMessage().startsWith("tasks must be at most " + capacity.maxTasks()), error.getMessage());
    }
}
