package paradigms.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.DelegatingParadigm;
import paradigms.common.resume.ResumeExercise;
import paradigms.common.resume.ResumeResult;
import paradigms.common.sequential.SequentialParadigm;
import paradigms.common.trace.TaskState;
import paradigms.common.trace.Trace;
import paradigms.compare.fake.StandInParadigm;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resume case: one run makes a quiet and a loaded call, checks both against the contract,
 * and reports each call's p50 / p99 / max; the picture's lives come from a traced call of their own.
 */
@Timeout(30)
class ResumeWorkloadTest {

    /** Small enough for a test: 4 sleepers of 20 ms, one busy task of 30 ms, a picture of 2 sleepers. */
    private static final ResumeWorkload SMALL = new ResumeWorkload(4, Duration.ofMillis(20), Duration.ofNanos(100_000), 1,
            Duration.ofMillis(30), new Repeats(0, 1, Duration.ZERO, Duration.ofSeconds(30)), 2);

    private static Outcome oneRun(ResumeWorkload workload, paradigms.common.Paradigm paradigm) throws Exception {
        @SuppressWarnings("unchecked")
        var prepared = (Workload.Prepared<ResumeWorkload.Both>) workload.prepare(paradigm, null);
        prepared.beforeRun();
        return prepared.check(prepared.run(Trace.off()));
    }

    @Test
    void aRightRunReportsEachCallsPercentilesInOrder() throws Exception {
        Outcome outcome = oneRun(SMALL, new StandInParadigm());

        assertNull(outcome.problem());
        ResumeWorkload.Figures f = outcome.resumeCase();
        assertNotNull(f);
        assertTrue(0 <= f.quietP50Micros() && f.quietP50Micros() <= f.quietP99Micros() && f.quietP99Micros() <= f.quietMaxMicros(), f.toString());
        assertTrue(0 <= f.loadedP50Micros() && f.loadedP50Micros() <= f.loadedP99Micros() && f.loadedP99Micros() <= f.loadedMaxMicros(),
                f.toString());
    }

    @Test
    void thePicturesLivesComeFromTheSmallTracedCallWithEveryTaskAndAllThreeStates() throws Exception {
        Outcome outcome = oneRun(SMALL, new StandInParadigm());

        Set<String> tasks = outcome.tracedApart().taskStates().stream().map(TaskState::task).collect(Collectors.toSet());
        assertEquals(Set.of("sleeper 0", "sleeper 1", "busy 0"), tasks, "2 sleepers of the picture, 1 busy task, not the measured 4");
        Set<TaskState.State> sleeperStates = outcome.tracedApart().taskStates().stream().filter(s -> s.task().equals("sleeper 0"))
                .map(TaskState::state).collect(Collectors.toSet());
        assertEquals(Set.of(TaskState.State.RUNNING, TaskState.State.WAITING, TaskState.State.READY), sleeperStates);
        // The same call's spans too, for the trace's threads: the picture's tasks, not the measured runs'.
        Set<String> spans = outcome.tracedApart().spans().stream().map(paradigms.common.trace.Span::task).collect(Collectors.toSet());
        assertEquals(Set.of("sleeper 0", "sleeper 1", "busy 0"), spans, "the small call's spans");
    }

    @Test
    void sleepersThatWakeEarlyOrRecordNothingMakeTheRunWrong() throws Exception {
        var early = new DelegatingParadigm(new SequentialParadigm()) {
            @Override
            public ResumeExercise resume() {
                return (request, trace) -> new ResumeResult(request.sleepers(), 1, request.busyTasks());
            }
        };
        String problem = oneRun(SMALL, early).problem();

        assertNotNull(problem);
        assertTrue(problem.contains("quiet: 1 sleepers woke before their timer was due"), problem);
        assertTrue(problem.contains("loaded: 0 resume latencies recorded for 4 sleepers"), problem);
    }

    @Test
    void everyPlanMeasuresAHundredSleepersOfFiftyMillisecondsBesideOneBusyTaskPerCore() {
        for (Mode mode : Mode.values()) {
            var resume = (ResumeWorkload) Workloads.of(paradigms.common.Exercise.RESUME, mode, Duration.ofMillis(50)).getFirst();
            assertEquals(List.of(100, 50L, 100_000L, Runtime.getRuntime().availableProcessors(), 200L),
                    List.of(resume.sleepers(), resume.sleep().toMillis(), resume.handling().toNanos(), resume.busyTasks(),
                            resume.busyFor().toMillis()), mode.cliName());
            assertEquals("resume", resume.id());
        }
    }

    @Test
    void badInputsAreRefusedNamingTheField() {
        var repeats = new Repeats(0, 1, Duration.ZERO, Duration.ofSeconds(1));
        var noSleepers = assertThrows(IllegalArgumentException.class,
                () -> new ResumeWorkload(0, Duration.ofMillis(1), Duration.ZERO, 1, Duration.ofMillis(1), repeats, 0));
        assertTrue(noSleepers.getMessage().contains("sleepers"), noSleepers.getMessage());
        var noBusy = assertThrows(IllegalArgumentException.class,
                () -> new ResumeWorkload(1, Duration.ofMillis(1), Duration.ZERO, 0, Duration.ofMillis(1), repeats, 0));
        assertTrue(noBusy.getMessage().contains("busyTasks"), noBusy.getMessage());
        var bigPicture = assertThrows(IllegalArgumentException.class,
                () -> new ResumeWorkload(2, Duration.ofMillis(1), Duration.ZERO, 1, Duration.ofMillis(1), repeats, 3));
        assertTrue(bigPicture.getMessage().contains("pictureSleepers"), bigPicture.getMessage());
    }

    @Test
    void theQuickWaitersCaseRecordsOneTimerResumePerTaskAndTheMillionNone() throws Exception {
        var quick = new WaitersWorkload(20, Duration.ofMillis(20), new Repeats(0, 1, Duration.ZERO, Duration.ofSeconds(10)), 5);
        @SuppressWarnings("unchecked")
        var prepared = (Workload.Prepared<paradigms.common.waiters.WaitersResult>) quick.prepare(new StandInParadigm(), null);
        prepared.beforeRun();
        Outcome outcome = prepared.check(prepared.run(Trace.off()));

        assertNotNull(outcome.resume(), "the quick waiters case measures resumes");
        assertEquals(20, outcome.resume().resumes());
        assertTrue(outcome.resume().resumeP50Micros() >= 0 && outcome.resume().resumeP99Micros() <= outcome.resume().resumeMaxMicros());
        var million = (WaitersWorkload) Workloads.of(paradigms.common.Exercise.WAITERS, Mode.REFERENCE, Duration.ofMillis(50)).getFirst();
        assertTrue(!million.measuresResumes() && quick.measuresResumes(), "the million's heap figure stays clean");
    }
}
