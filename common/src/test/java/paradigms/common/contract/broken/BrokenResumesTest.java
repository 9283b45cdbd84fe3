package paradigms.common.contract.broken;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;
import paradigms.common.DelegatingParadigm;
import paradigms.common.Paradigm;
import paradigms.common.contract.ResumeContract;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.resume.ResumeExercise;
import paradigms.common.resume.ResumeResult;
import paradigms.common.resume.ResumeTally;
import paradigms.common.sequential.SequentialParadigm;
import paradigms.common.trace.TaskLife;

import java.time.Duration;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link ResumeContract} against resume exercises that look right and are not. Each runs every
 * task on a virtual thread of its own, all at once; one step is wrong in each.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class BrokenResumesTest {

    /** How one sleeper sleeps and wakes; the broken ones differ here only. */
    private interface Sleeping {
        void sleepAndWake(ResumeTally tally, TaskLife sleeper) throws InterruptedException;
    }

    /** The right way, to show the checks do not simply always fail. */
    static final Sleeping UNTIL_DUE = (tally, sleeper) -> {
        long due = tally.fallAsleep(sleeper);
        sleepUntil(due);
        tally.wake(sleeper, due);
    };

    /** Wakes on a timer of half the time (say, a due time computed from the wrong start). */
    static final Sleeping HALF_THE_TIME = (tally, sleeper) -> {
        long due = tally.fallAsleep(sleeper);
        sleepUntil(due - ResumeContract.SLEEP.toNanos() / 2);
        tally.wake(sleeper, due);
    };

    /** Notes the resume twice (say, once in a callback and once more where it is counted). */
    static final Sleeping WAKES_TWICE = (tally, sleeper) -> {
        long due = tally.fallAsleep(sleeper);
        sleepUntil(due);
        tally.wake(sleeper, due);
        tally.wake(sleeper, due);
    };

    private static void sleepUntil(long dueNanos) throws InterruptedException {
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
            Thread.sleep(Duration.ofNanos(left)); // the sleeper's own wait, as a thread-per-task chapter sleeps: nothing to wait for but time
        }
    }

    private static ResumeExercise allAtOnce(Sleeping sleeping, boolean busyTasksCompute) {
        return (request, trace) -> {
            var tally = new ResumeTally(request, trace);
            try (var tasks = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int busy = 0; busy < request.busyTasks() && busyTasksCompute; busy++) {
                    int index = busy;
                    tasks.submit(() -> tally.busy(index));
                }
                for (int index = 0; index < request.sleepers(); index++) {
                    TaskLife sleeper = tally.sleeper(index);
                    tasks.submit(() -> {
                        sleeping.sleepAndWake(tally, sleeper);
                        return null;
                    });
                }
            }
            ResumeResult result = tally.result();
            // The broken one never started its busy tasks, and says they all computed.
            return busyTasksCompute ? result : new ResumeResult(result.sleepersWoke(), result.early(), request.busyTasks());
        };
    }

    private static ResumeContract binding(ResumeExercise resume) {
        Paradigm impostor = new DelegatingParadigm(new SequentialParadigm()) {
            @Override
            public String name() {
                return "impostor";
            }

            @Override
            public ResumeExercise resume() {
                return resume;
            }
        };
        return () -> impostor;
    }

    @Test
    void sleepersThatWakeBeforeTheirTimerIsDueFail() {
        ResumeContract contract = binding(allAtOnce(HALF_THE_TIME, true));
        assertThrows(AssertionFailedError.class, contract::everySleeperWakesOnceNoneEarlyAndNotesOneResumeLatency);
    }

    @Test
    void sleepersThatWakeTwiceFail() {
        ResumeContract contract = binding(allAtOnce(WAKES_TWICE, true));
        assertThrows(AssertionFailedError.class, contract::everySleeperWakesOnceNoneEarlyAndNotesOneResumeLatency);
    }

    @Test
    void busyTasksThatDoNotComputeFail() {
        ResumeContract contract = binding(allAtOnce(UNTIL_DUE, false));
        assertThrows(AssertionFailedError.class, contract::busyTasksComputeTheirWholeTimeAndTheCallWaitsForThem);
    }

    @Test
    void theRightWayPassesEveryCheck() throws Exception {
        ResumeContract contract = binding(allAtOnce(UNTIL_DUE, true));
        contract.everySleeperWakesOnceNoneEarlyAndNotesOneResumeLatency();
        contract.busyTasksComputeTheirWholeTimeAndTheCallWaitsForThem();
        contract.theTraceTellsEachSleepersLifeRunningWaitingForItsTimerReadyRunning();
    }
}
