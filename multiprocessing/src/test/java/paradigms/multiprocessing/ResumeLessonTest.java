package paradigms.multiprocessing;

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
 * Lesson: the parent's reading of the workers' replies is the ready queue. Twenty sleepers, each
 * in a worker process of its own, fall asleep together, so their replies come together; the
 * parent handles them one at a time, each for {@link #HANDLING} of computing. A reply that comes
 * while the parent handles another waits until the parent gets to it: the k-th handled runs
 * again no earlier than k − 1 handlings after the first could — so the last waits at least
 * (n − 1) × handling, however fast the machine, whatever the workers do. With nothing to handle,
 * the same replies are taken as they come, and no sleeper waits anywhere near that long.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ResumeLessonTest {

    private static final int SLEEPERS = 20;
    private static final Duration SLEEP = Duration.ofMillis(300);
    private static final Duration HANDLING = Duration.ofMillis(20);

    /**
     * What the queue guarantees: the k-th reply handled runs again no earlier than k − 1 handlings
     * after the first was due, less the spread of the sleepers' due times (their jobs are handed over
     * by 20 threads, a little apart). So the last waits at least 19 handlings, and the median — the
     * 10th — at least 9. Half of each leaves room for the spread.
     */
    private static final Duration LAST_WAITS_AT_LEAST = HANDLING.multipliedBy(SLEEPERS - 1).dividedBy(2);

    private static final Duration MEDIAN_WAITS_AT_LEAST = HANDLING.multipliedBy(SLEEPERS / 2 - 1).dividedBy(2);

    @Test
    void repliesThatComeWhileTheParentHandlesOthersWaitForItEachForMostOfTheHandlingsBeforeIt() throws Exception {
        var resumes = ResumeLatency.recording();
        ResumeResult result = new Resume().resume(ResumeRequest.quiet(SLEEPERS, SLEEP).handlingFor(HANDLING)
                .measuringResumes(resumes), Trace.off());

        assertEquals(new ResumeResult(SLEEPERS, 0, 0), result, "every sleeper woke once, none early");
        var summary = resumes.summary();
        assertTrue(summary.max().compareTo(LAST_WAITS_AT_LEAST) >= 0, "the last sleeper handled ran again "
                + summary.max().toMillis() + " ms after its timer: less than " + LAST_WAITS_AT_LEAST.toMillis()
                + " ms, so its reply did not wait for the " + (SLEEPERS - 1) + " handlings of " + HANDLING.toMillis()
                + " ms before it: " + summary);
        assertTrue(summary.p50().compareTo(MEDIAN_WAITS_AT_LEAST) >= 0, "half the sleepers ran again within "
                + summary.p50().toMillis() + " ms of their timers: less than " + MEDIAN_WAITS_AT_LEAST.toMillis()
                + " ms, though the median one's reply waited behind " + (SLEEPERS / 2 - 1) + " handlings: " + summary);
    }

    /**
     * The contrast, and the proof that the lesson's bounds can fail: the same replies with nothing
     * to handle. The median is bounded, not the slowest: on a shared machine one of twenty worker
     * processes may be descheduled when its timer fires, and its reply late for reasons of its own.
     */
    @Test
    void withNothingToHandleTheSameRepliesAreTakenAsTheyComeAndMostRunAgainPromptly() throws Exception {
        var resumes = ResumeLatency.recording();
        ResumeResult result = new Resume().resume(ResumeRequest.quiet(SLEEPERS, SLEEP).measuringResumes(resumes), Trace.off());

        assertEquals(new ResumeResult(SLEEPERS, 0, 0), result, "every sleeper woke once, none early");
        var summary = resumes.summary();
        Duration bound = TestTimeouts.scaled(MEDIAN_WAITS_AT_LEAST);
        assertTrue(summary.p50().compareTo(bound) < 0, "with nothing to handle, half the sleepers still waited "
                + summary.p50().toMillis() + " ms or more after their timers: the wait is not the handling's: " + summary);
    }
}
