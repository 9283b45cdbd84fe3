package paradigms.asyncawait;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.resume.ResumeRequest;
import paradigms.common.resume.ResumeResult;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lesson: the common pool's queue is the ready queue of this chapter's continuations, and a
 * future's work is never pre-empted. As many busy tasks as the common pool has threads compute
 * there, started before the sleepers; every sleeper's timer is due long before they end, and its
 * wake — queued on the same pool — cannot run until a thread is free: each sleeper's resume
 * latency is at least most of the busy time, however fast the machine. The same busy tasks on
 * an executor of their own leave the pool's thread free, and the sleepers run again promptly.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ResumeLessonTest {

    private static final int SLEEPERS = 10;
    private static final Duration SLEEP = Duration.ofMillis(50);
    private static final Duration BUSY_FOR = Duration.ofMillis(600);

    /** Every thread of the common pool computing: nothing is left to run a wake. */
    private static final int BUSY_TASKS = ForkJoinPool.getCommonPoolParallelism();

    /**
     * What physics guarantees: the busy tasks hold every thread from before the sleepers fall asleep
     * until {@link #BUSY_FOR} later, and the timers are due {@link #SLEEP} after — so a sleeper waits
     * at least {@code BUSY_FOR − SLEEP}. Half the busy time leaves a wide margin for a slow start.
     */
    private static final Duration HELD_AT_LEAST = BUSY_FOR.dividedBy(2);

    @Test
    void busyTasksOnTheContinuationsPoolHoldEverySleepersResumeUntilTheyEnd() throws Exception {
        var resumes = ResumeLatency.recording();
        ResumeResult result = new Resume().resume(request(resumes), Trace.off());

        assertEquals(new ResumeResult(SLEEPERS, 0, BUSY_TASKS), result, "every task done, no sleeper early");
        Duration fastest = resumes.summary().min();
        assertTrue(fastest.compareTo(HELD_AT_LEAST) >= 0, "the promptest sleeper ran again " + fastest.toMillis()
                + " ms after its timer: less than " + HELD_AT_LEAST.toMillis() + " ms, so some wake did not wait for the "
                + BUSY_TASKS + " busy task(s) on the common pool: " + resumes.summary());
    }

    @Test
    void theSameBusyTasksOnAnExecutorOfTheirOwnLeaveTheSleepersPromptlyResumed() throws Exception {
        var resumes = ResumeLatency.recording();
        ResumeResult result;
        try (ExecutorService ownThreads = Executors.newFixedThreadPool(BUSY_TASKS)) {
            result = Resume.busyOn(ownThreads).resume(request(resumes), Trace.off());
        }

        assertEquals(new ResumeResult(SLEEPERS, 0, BUSY_TASKS), result, "every task done, no sleeper early");
        Duration slowest = resumes.summary().max();
        Duration promptly = TestTimeouts.scaled(HELD_AT_LEAST);
        assertTrue(slowest.compareTo(promptly) < 0, "a sleeper ran again " + slowest.toMillis() + " ms after its timer, though"
                + " the busy tasks were on threads of their own: " + resumes.summary());
    }

    private static ResumeRequest request(ResumeLatency resumes) {
        return ResumeRequest.quiet(SLEEPERS, SLEEP).besideBusy(BUSY_TASKS, BUSY_FOR).measuringResumes(resumes);
    }
}
