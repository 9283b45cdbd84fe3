package paradigms.greenlets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.resume.ResumeRequest;
import paradigms.common.resume.ResumeResult;
import paradigms.common.trace.Trace;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Virtual threads are not time-sliced: a ready virtual thread waits in the scheduler's queue
 * until a carrier is free, and a carrier is freed only when the virtual thread on it parks or
 * ends. CPU-bound virtual threads on every carrier therefore hold an I/O-bound one — a sleeper
 * whose timer fired — for the rest of their computation, however long.
 *
 * <p>Platform threads (the threading chapter's lesson) are pre-empted by the kernel within
 * milliseconds, so there the same sleeper waits a time slice, not a whole computation.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ResumeLessonTest {

    private static final int SLEEPERS = 50;
    private static final Duration SLEEP = Duration.ofMillis(50);

    /**
     * The carriers, as the scheduler is configured: the system property when set (it is read once,
     * when the scheduler starts; this module's Surefire run does not set it), else one per core.
     */
    private static final int PARALLELISM = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
            Runtime.getRuntime().availableProcessors());

    /**
     * A busy virtual thread on every carrier, computing {@code busyFor}, started once the sleepers
     * are asleep: every sleeper's timer fires long before any carrier is free, so even the luckiest
     * sleeper waits for the rest of a busy task's computation. The lower bound is physics: no carrier
     * frees before {@code busyFor} after the busy tasks started, the sleepers were due {@code SLEEP}
     * after they fell asleep, just before. With one carrier left free, the same sleepers wait a
     * fraction of that: the variant that shows the bound can fail.
     */
    @Test
    void busyVirtualThreadsOnEveryCarrierHoldAWokenSleeperForTheirWholeComputation() throws Exception {
        Duration busyFor = TestTimeouts.scaled(Duration.ofMillis(500));

        ResumeLatency.Summary allCarriersBusy = sleepersBeside(PARALLELISM, busyFor);
        ResumeLatency.Summary oneCarrierFree = sleepersBeside(PARALLELISM - 1, busyFor);
        System.out.printf("resume latency on virtual threads, %d carriers, busy tasks computing %d ms: "
                        + "beside %d busy %s; beside %d busy %s%n",
                PARALLELISM, busyFor.toMillis(), PARALLELISM, allCarriersBusy, PARALLELISM - 1, oneCarrierFree);

        Duration margin = Duration.ofMillis(50); // the few milliseconds between the sleepers' falling asleep and the busy tasks' start
        Duration lowerBound = busyFor.minus(SLEEP).minus(margin);
        assertTrue(allCarriersBusy.min().compareTo(lowerBound) >= 0,
                "with a busy virtual thread on each of " + PARALLELISM + " carriers, the first sleeper ran again "
                        + allCarriersBusy.min().toMillis() + " ms after its timer, below " + lowerBound.toMillis()
                        + " ms: something pre-empted a busy virtual thread");
        assertTrue(oneCarrierFree.p99().compareTo(busyFor.dividedBy(2)) < 0,
                "with one carrier free, p99 " + oneCarrierFree.p99().toMillis() + " ms: the free carrier should run "
                        + "the woken sleepers long before the busy tasks end (" + busyFor.toMillis() + " ms)");
    }

    private static ResumeLatency.Summary sleepersBeside(int busyTasks, Duration busyFor) throws InterruptedException {
        var resumes = ResumeLatency.recording();
        ResumeResult result = new Resume().resume(ResumeRequest.quiet(SLEEPERS, SLEEP)
                .handlingFor(Duration.ofNanos(200_000))
                .besideBusy(busyTasks, busyFor)
                .measuringResumes(resumes), Trace.off());
        assertEquals(SLEEPERS, result.sleepersWoke(), "sleepers that woke");
        assertEquals(busyTasks, result.busyDone(), "busy tasks that computed their whole time");
        return resumes.summary();
    }
}
