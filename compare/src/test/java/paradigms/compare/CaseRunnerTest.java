package paradigms.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Claim;
import paradigms.common.DelegatingParadigm;
import paradigms.common.Paradigm;
import paradigms.common.server.LocalWebServer;
import paradigms.common.sequential.SequentialParadigm;
import paradigms.common.squares.SquaresExercise;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The child's side of a case, run in this JVM with the parent's answers written down in advance. */
@Timeout(30)
class CaseRunnerTest {

    private static final String GO_AND_COUNTERS = "go\n{\"maxInFlight\":0,\"requests\":0}\n";

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    private CaseRunner runner(Paradigm paradigm, int runs) {
        var answers = new BufferedReader(new StringReader(GO_AND_COUNTERS.repeat(runs)));
        var link = new ParentLink(new PrintStream(sent, true, StandardCharsets.UTF_8), answers);
        return new CaseRunner(paradigm, new Fixtures(1, null), link);
    }

    @Test
    void aParadigmThatThrowsBecomesAFailedCaseWithTheReason() {
        CaseResult result = runner(new ThrowingSquares(), 1).run(new SquaresWorkload(new Repeats(1, 3, Duration.ofSeconds(1), Duration.ofSeconds(10))));
        assertEquals(CaseResult.Status.FAILED, result.status());
        assertEquals("IllegalStateException: out of squares", result.reason());
        assertTrue(result.runs().isEmpty());
    }

    @Test
    void warmUpsAreNotMeasuredAndEveryMeasuredRunIsKept() {
        var repeats = new Repeats(1, 3, Duration.ofSeconds(30), Duration.ofSeconds(10));
        CaseResult result = runner(new SequentialParadigm(), 4).run(new SquaresWorkload(repeats));
        assertEquals(CaseResult.Status.OK, result.status(), result.reason());
        assertEquals(1, result.warmups());
        assertEquals(3, result.runs().size());
        assertEquals(20, result.spans().size(), "the median run's trace: one span per n");
        assertFalse(result.parallelSpans(), "the baseline never runs two sums at once");
        List<String> events = sent.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(8, events.size(), "a run/ran handshake for each of the 4 runs: " + events);
        assertTrue(events.getFirst().contains("\"kind\":\"warm-up\""), events.getFirst());
        assertTrue(events.get(2).contains("\"kind\":\"measured\""), events.get(2));
    }

    @Test
    void theDownloadCaseNotesOneResumeLatencyPerUrlInEveryRunAndTheMillionNone() throws Exception {
        var repeats = new Repeats(1, 2, Duration.ofSeconds(30), Duration.ofSeconds(10));
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(5)).start()) {
            var fixtures = new Fixtures(server.port(), null);
            var answers = new BufferedReader(new StringReader(GO_AND_COUNTERS.repeat(6)));
            var link = new ParentLink(new PrintStream(sent, true, StandardCharsets.UTF_8), answers);
            var runner = new CaseRunner(new SequentialParadigm(), fixtures, link);

            CaseResult traced = runner.run(new DownloadWorkload("download", 6, 3, 100, Duration.ofMillis(5), repeats, true, false));
            assertEquals(CaseResult.Status.OK, traced.status(), traced.reason());
            for (RunFigures run : traced.runs()) {
                DownloadWorkload.Resume resume = run.resume();
                assertEquals(6, resume.resumes(), "one resume per URL: " + resume);
                assertTrue(0 <= resume.resumeP50Micros() && resume.resumeP50Micros() <= resume.resumeP99Micros()
                        && resume.resumeP99Micros() <= resume.resumeMaxMicros(), "0 ≤ p50 ≤ p99 ≤ max: " + resume);
                assertTrue(resume.resumeMaxMicros() <= run.wallMillis() * 1_000, "within the run's wall time: " + resume);
            }

            CaseResult untraced = runner.run(new DownloadWorkload("download-untraced", 6, 3, 100, Duration.ofMillis(5), repeats, false, false));
            assertEquals(CaseResult.Status.OK, untraced.status(), untraced.reason());
            assertTrue(untraced.runs().stream().allMatch(run -> run.resume() == null),
                    "an untraced case (the million) keeps no latencies in its heap");
        }
    }

    @Test
    void theMedianRunIsTheLowerMiddleOneByWallTime() {
        assertEquals(2, CaseRunner.medianByWall(List.of(figures(30), figures(10), figures(20))));
        assertEquals(3, CaseRunner.medianByWall(List.of(figures(40), figures(10), figures(30), figures(20))));
        assertEquals(0, CaseRunner.medianByWall(List.of(figures(5))));
    }

    @Test
    void measuredRunsStopAtTheBudgetButThereIsAlwaysOne() {
        var repeats = new Repeats(0, 5, Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertTrue(repeats.another(0, Duration.ofHours(1)), "the first run always happens");
        assertTrue(repeats.another(2, Duration.ofMillis(1_999)));
        assertFalse(repeats.another(2, Duration.ofSeconds(2)), "the budget is spent");
        assertFalse(repeats.another(5, Duration.ZERO), "all repeats done");
    }

    @Test
    void waitersRunsTheSmallerOfTheCapacityAndTheModesMostAndKeepsTheHeapBeforeEachRun() {
        // The baseline declares 10; asking for at most 5 runs 5, asking for 50 runs its 10.
        var few = new WaitersWorkload(5, Duration.ofMillis(10), new Repeats(1, 2, Duration.ofSeconds(30), Duration.ofSeconds(10)));
        CaseResult result = runner(new SequentialParadigm(), 3).run(few);
        assertEquals(CaseResult.Status.OK, result.status(), result.reason());
        assertEquals(2, result.runs().size());
        for (RunFigures run : result.runs()) {
            WaitersWorkload.Figures f = run.waiters();
            assertEquals(5, f.tasks());
            assertEquals(5, f.completed());
            assertEquals(0, f.early());
            assertEquals(1, f.maxWaitingAtOnce(), "the baseline waits one task at a time");
            assertEquals(10, f.capacity());
            assertTrue(f.heapBeforeBytes() > 0 && f.heapBeforeBytes() <= run.peakHeapBytes(), "measured before this run: " + run);
            assertTrue(run.wallMillis() >= 50, "5 waits of 10 ms, one after another: " + run);
        }
        CaseSummary.Waiters summary = Summaries.waiters(few, result.median());
        assertFalse(summary.stopsAtCapacity(), "5 is the mode's most here, not the capacity");

        var many = new WaitersWorkload(50, Duration.ofMillis(1), new Repeats(0, 1, Duration.ZERO, Duration.ofSeconds(10)));
        CaseResult capped = runner(new SequentialParadigm(), 1).run(many);
        assertEquals(10, capped.median().waiters().tasks());
        assertTrue(Summaries.waiters(many, capped.median()).stopsAtCapacity(), "the capacity set N: its reason is the figure");
    }

    private static RunFigures figures(double wall) {
        return new RunFigures(wall, wall, 1, 1, 0, null, null, null, null);
    }

    /** Every exercise but squares is the baseline's; squares throws. */
    private static final class ThrowingSquares extends DelegatingParadigm {
        ThrowingSquares() {
            super(new SequentialParadigm());
        }

        @Override
        public String name() {
            return "throwing";
        }

        @Override
        public Set<Claim> claims() {
            return Set.of();
        }

        @Override
        public SquaresExercise squares() {
            return (request, trace) -> {
                throw new IllegalStateException("out of squares");
            };
        }
    }
}
