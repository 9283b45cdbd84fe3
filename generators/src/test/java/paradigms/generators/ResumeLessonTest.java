package paradigms.generators;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.resume.ResumeRequest;
import paradigms.common.resume.ResumeResult;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lesson: one coroutine step that computes for 200 ms delays every other task's resume by about
 * that much — {@code WhatBreaksTest}'s stalled heartbeat, made general. Fifty sleepers of 20 ms
 * are asleep before the busy task's one step starts ({@link Resume} gathers them first); their
 * timers fall due while it computes, and they run again only after it has returned to the loop.
 *
 * <p>The bound is what the loop's order guarantees, however slow the machine: each sleeper fell
 * asleep before the busy step began, so its due time is at most {@code SLEEP} after that start;
 * it runs again after the busy step returned, at least {@code BUSY} after that start. Its latency
 * is therefore at least {@code BUSY - SLEEP}. Two runs show the bound is not met by itself — the
 * runs that make this test able to fail: the same sleepers with nothing busy beside them, and with
 * the same computation offloaded to a worker thread ({@link Resume#busyOffTheLoop()}), the cure.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ResumeLessonTest {

    private static final int SLEEPERS = 50;
    private static final Duration SLEEP = Duration.ofMillis(20);
    private static final Duration BUSY = Duration.ofMillis(200);

    /** Far below {@code BUSY - SLEEP}, far above what a quiet loop takes to resume a due sleeper. */
    private static final Duration QUIET_BOUND = TestTimeouts.scaled(Duration.ofMillis(100));

    @Test
    void oneBusyStepMakesEverySleeperWaitAboutAsLongAsItComputes() {
        ResumeLatency.Summary latency = run(1);
        Duration lowerBound = BUSY.minus(SLEEP);
        assertTrue(latency.min().compareTo(lowerBound) >= 0,
                "every sleeper was ready while the busy step ran, so none resumed sooner than "
                        + lowerBound.toMillis() + " ms after its timer was due: " + latency);
    }

    @Test
    void withNothingBusyBesideThemTheSleepersResumeAlmostAtOnce() {
        ResumeLatency.Summary latency = run(0);
        assertTrue(latency.min().compareTo(QUIET_BOUND) < 0,
                "with no busy step, a sleeper resumes soon after its timer is due: " + latency);
    }

    @Test
    void theSameComputationOnAWorkerThreadLeavesTheSleepersOnTime() {
        ResumeLatency.Summary latency = run(Resume.busyOffTheLoop(), 1);
        assertTrue(latency.min().compareTo(QUIET_BOUND) < 0,
                "with the computation off the loop, a sleeper resumes soon after its timer is due: " + latency);
    }

    private static ResumeLatency.Summary run(int busyTasks) {
        return run(new Resume(), busyTasks);
    }

    private static ResumeLatency.Summary run(Resume resume, int busyTasks) {
        var resumes = ResumeLatency.recording();
        ResumeResult result = resume.resume(
                ResumeRequest.quiet(SLEEPERS, SLEEP).besideBusy(busyTasks, BUSY).measuringResumes(resumes), Trace.off());
        assertEquals(new ResumeResult(SLEEPERS, 0, busyTasks), result, "sleepers woke, early, busy tasks done");
        assertEquals(SLEEPERS, resumes.count(), "one resume latency per sleeper");
        return resumes.summary();
    }
}
