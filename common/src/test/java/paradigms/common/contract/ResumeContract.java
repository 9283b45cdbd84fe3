package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.resume.ResumeRequest;
import paradigms.common.resume.ResumeResult;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.TaskState;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code resume} exercise's contract: every sleeper wakes exactly once and none early, each
 * noting one resume latency, none negative; every busy task computes its whole time; the call
 * returns only when all have ended; a recording trace tells each sleeper's life — running,
 * waiting for its timer, ready, running. How long the sleepers are ready before they run is not
 * checked here: that is each chapter's lesson ({@code ResumeLessonTest}) and the main job's figure.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
public interface ResumeContract extends ParadigmContract {

    /** Few and short: the sequential baseline sleeps them one after another. */
    int SLEEPERS = 20;

    Duration SLEEP = Duration.ofMillis(30);

    @Test
    default void everySleeperWakesOnceNoneEarlyAndNotesOneResumeLatency() throws Exception {
        var resumes = ResumeLatency.recording();
        long started = System.nanoTime();
        ResumeResult result = paradigm().resume().resume(ResumeRequest.quiet(SLEEPERS, SLEEP).measuringResumes(resumes), Trace.off());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(SLEEPERS, result.sleepersWoke(), "sleepers that woke");
        assertEquals(0, result.early(), "sleepers that ran again before their timer was due");
        assertEquals(SLEEPERS, resumes.count(), "resume latencies noted: one per sleeper");
        assertTrue(!resumes.summary().min().isNegative(), "a resume noted before the timer was due: " + resumes.summary());
        assertTrue(took.compareTo(SLEEP) >= 0, "returned after " + took.toMillis() + " ms, before one sleep of " + SLEEP.toMillis());
    }

    @Test
    default void busyTasksComputeTheirWholeTimeAndTheCallWaitsForThem() throws Exception {
        Duration busyFor = Duration.ofMillis(150);
        var resumes = ResumeLatency.recording();
        long started = System.nanoTime();
        ResumeResult result = paradigm().resume().resume(
                ResumeRequest.quiet(SLEEPERS, SLEEP).besideBusy(2, busyFor).handlingFor(Duration.ofMillis(1)).measuringResumes(resumes),
                Trace.off());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(2, result.busyDone(), "busy tasks that computed their whole time");
        assertEquals(SLEEPERS, result.sleepersWoke(), "sleepers that woke beside the busy tasks");
        assertEquals(0, result.early(), "sleepers that ran again before their timer was due");
        assertEquals(SLEEPERS, resumes.count(), "resume latencies noted: one per sleeper, none for a busy task");
        assertTrue(took.compareTo(busyFor) >= 0,
                "returned after " + took.toMillis() + " ms, before a busy task's " + busyFor.toMillis() + " ms of computing");
    }

    @Test
    default void theTraceTellsEachSleepersLifeRunningWaitingForItsTimerReadyRunning() throws Exception {
        Trace trace = Trace.recording();
        paradigm().resume().resume(ResumeRequest.quiet(3, SLEEP).besideBusy(1, Duration.ofMillis(10)), trace);
        List<TaskState> states = trace.taskStates();
        for (int sleeper = 0; sleeper < 3; sleeper++) {
            String task = SpanNames.sleeper(sleeper);
            assertEquals(List.of("running", "waiting for timer", "ready", "running"),
                    states.stream().filter(s -> s.task().equals(task)).map(TaskState::label).toList(), task + "'s life");
        }
        assertEquals(List.of("running"),
                states.stream().filter(s -> s.task().equals(SpanNames.busy(0))).map(TaskState::label).toList(), "a busy task only runs");
    }
}
