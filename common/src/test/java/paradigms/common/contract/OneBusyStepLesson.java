package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.resume.ResumeExercise;
import paradigms.common.resume.ResumeRequest;
import paradigms.common.resume.ResumeResult;
import paradigms.common.trace.Trace;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event loops' resume lesson, shared by the chapters that run every task on one loop thread:
 * one step (a callback, a coroutine's step) that computes for 200 ms delays every other task's
 * resume by about that much. Fifty sleepers of 20 ms are asleep before the busy step starts (the
 * chapter's {@code Resume} queues them first); their timers fall due while it computes, and they
 * run again only after it has returned to the loop.
 *
 * <p>The bound is what the loop's order guarantees, however slow the machine: each sleeper fell
 * asleep before the busy step began, so its due time is at most {@code SLEEP} after that start; it
 * runs again after the busy step returned, at least {@code BUSY} after that start. Its latency is
 * therefore at least {@code BUSY - SLEEP}. Two runs show the bound is not met by itself — the runs
 * that make this lesson able to fail: the same sleepers with nothing busy beside them, and with the
 * same computation off the loop thread, the cure.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
public interface OneBusyStepLesson {

    int SLEEPERS = 50;
    Duration SLEEP = Duration.ofMillis(20);
    Duration BUSY = Duration.ofMillis(200);

    /** Far below {@code BUSY - SLEEP}, far above what a quiet loop takes to resume a due sleeper. */
    Duration QUIET_BOUND = TestTimeouts.scaled(Duration.ofMillis(100));

    /** The chapter's {@code Resume}: busy tasks compute on the loop thread. */
    ResumeExercise busyOnTheLoop();

    /** The cure, as the chapter writes it: the same busy tasks computed off the loop thread. */
    ResumeExercise busyOffTheLoop();

    @Test
    default void oneBusyStepMakesEverySleeperWaitAboutAsLongAsItComputes() throws Exception {
        ResumeLatency.Summary latency = run(busyOnTheLoop(), 1);
        Duration lowerBound = BUSY.minus(SLEEP);
        assertTrue(latency.min().compareTo(lowerBound) >= 0,
                "every sleeper was ready while the busy step ran, so none resumed sooner than "
                        + lowerBound.toMillis() + " ms after its timer was due: " + latency);
    }

    @Test
    default void withNothingBusyBesideThemTheSleepersResumeAlmostAtOnce() throws Exception {
        ResumeLatency.Summary latency = run(busyOnTheLoop(), 0);
        assertTrue(latency.min().compareTo(QUIET_BOUND) < 0,
                "with no busy step, a sleeper resumes soon after its timer is due: " + latency);
    }

    @Test
    default void theSameComputationOffTheLoopLeavesTheSleepersOnTime() throws Exception {
        ResumeLatency.Summary latency = run(busyOffTheLoop(), 1);
        assertTrue(latency.min().compareTo(QUIET_BOUND) < 0,
                "with the computation off the loop, a sleeper resumes soon after its timer is due: " + latency);
    }

    private static ResumeLatency.Summary run(ResumeExercise resume, int busyTasks) throws InterruptedException {
        var resumes = ResumeLatency.recording();
        ResumeResult result = resume.resume(
                ResumeRequest.quiet(SLEEPERS, SLEEP).besideBusy(busyTasks, BUSY).measuringResumes(resumes), Trace.off());
        assertEquals(new ResumeResult(SLEEPERS, 0, busyTasks), result, "sleepers woke, early, busy tasks done");
        assertEquals(SLEEPERS, resumes.count(), "one resume latency per sleeper");
        return resumes.summary();
    }
}
