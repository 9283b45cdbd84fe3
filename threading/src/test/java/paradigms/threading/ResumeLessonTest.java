package paradigms.threading;

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
 * The ready queue of platform threads is the kernel's run queue. A sleeper whose timer fired is
 * runnable, and waits there until the kernel gives it a core: behind every other runnable
 * thread, but never behind a computing one for long, because the kernel pre-empts.
 *
 * <p>Both lessons assert bounds, not timings: a ratio between two runs of the same test (the
 * queue of ten thousand runnable threads against that of a hundred), and an upper bound
 * generous by a factor of hundreds.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ResumeLessonTest {

    /** Each woken sleeper's work on what it waited for: small, so that only their number makes a queue. */
    private static final Duration HANDLING = Duration.ofNanos(300_000);

    /**
     * Short on purpose. A hundred sleepers all fall asleep well before it is over; ten thousand
     * take longer than that to come out of the start gate (each woken thread must get a core to
     * set its timer), so the first are due while the last still wait to run: runnable threads
     * either way, which is the lesson. Making and ending ten thousand platform threads takes most
     * of this test's several seconds, not the sleeping.
     */
    private static final Duration SLEEP = Duration.ofMillis(300);

    private static final int MANY = 10_000;
    private static final int FEW = 100;

    /**
     * Ten thousand sleepers due at once, each with a little work, make ten thousand runnable
     * threads: the 99th percentile waits behind nearly all the others' work, about N × handling /
     * cores. A hundred sleepers doing the same wait queue about a hundred times less.
     */
    @Test
    void tenThousandRunnableThreadsQueueForTheCoresAHundredDoNot() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        ResumeLatency.Summary few = sleepers(FEW);
        long started = System.nanoTime();
        ResumeLatency.Summary many = sleepers(MANY);
        Duration manyTook = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("resume latency on platform threads, %d cores: %d sleepers %s; %d sleepers %s (the call took %d ms)%n",
                cores, FEW, few, MANY, many, manyTook.toMillis());

        // Not an absolute bound: a handling computes for a wall-clock time, so a thread pre-empted in
        // the middle of it does less work than asked, and N × handling / cores is no floor (on a
        // quiet 2-core machine the 99th percentile came out below it). What the
        // kernel cannot hide is the ratio: the same wait, a hundred times the runnable threads.
        assertTrue(many.p99().compareTo(few.p99().multipliedBy(4)) >= 0,
                "p99 with " + MANY + " sleepers (" + many.p99().toMillis() + " ms) should be far above the p99 with "
                        + FEW + " (" + few.p99().toMillis() + " ms): the queue grows with the number runnable");
    }

    /**
     * Busy threads, twice as many as cores, computing a whole second beside fifty sleepers: the
     * kernel pre-empts a computing thread when its time slice is used up, so a woken sleeper waits
     * milliseconds, never the busy task's whole computation. (On virtual threads it would: see the
     * greenlets chapter's lesson.)
     */
    @Test
    void busyThreadsArePreemptedSoAWokenSleeperDoesNotWaitForThemToEnd() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Duration busyFor = TestTimeouts.scaled(Duration.ofSeconds(1));
        var resumes = ResumeLatency.recording();
        var request = ResumeRequest.quiet(50, Duration.ofMillis(100))
                .handlingFor(Duration.ofNanos(200_000))
                .besideBusy(cores * 2, busyFor)
                .measuringResumes(resumes);

        ResumeResult result = new Resume().resume(request, Trace.off());
        ResumeLatency.Summary latency = resumes.summary();
        System.out.printf("resume latency beside %d busy platform threads computing %d ms: %s%n",
                cores * 2, busyFor.toMillis(), latency);

        assertEquals(cores * 2, result.busyDone(), "busy threads that computed their whole time");
        assertEquals(50, result.sleepersWoke(), "sleepers that woke");
        assertTrue(latency.p99().compareTo(busyFor.dividedBy(2)) < 0,
                "p99 " + latency.p99().toMillis() + " ms beside threads computing " + busyFor.toMillis()
                        + " ms: the sleepers waited for the busy threads to end, as if nothing pre-empted them");
    }

    private static ResumeLatency.Summary sleepers(int sleepers) throws InterruptedException {
        var resumes = ResumeLatency.recording();
        ResumeResult result = new Resume().resume(
                ResumeRequest.quiet(sleepers, SLEEP).handlingFor(HANDLING).measuringResumes(resumes), Trace.off());
        assertEquals(sleepers, result.sleepersWoke(), "sleepers that woke");
        assertEquals(0, result.early(), "sleepers that woke before their timer was due");
        return resumes.summary();
    }
}
