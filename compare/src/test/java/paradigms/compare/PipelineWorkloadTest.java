package paradigms.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.DelegatingParadigm;
import paradigms.common.Paradigm;
import paradigms.common.pipeline.BufferLevel;
import paradigms.common.pipeline.PipelineExercise;
import paradigms.common.pipeline.PipelineResult;
import paradigms.common.sequential.SequentialParadigm;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline case: stage 2 is the slow stage in every mode (so the buffer fills), its ideal
 * follows from the inputs, a right run gets its figures and a buffer that held more than B
 * pages is a wrong result, whatever its items say.
 */
@Timeout(120)
class PipelineWorkloadTest {

    private static final Duration LATENCY = Duration.ofMillis(20);

    @Test
    void stageTwoIsTheSlowStageInEveryModeAndTheIdealIsTheFirstPagePlusEveryPagesWork() {
        for (Mode mode : Mode.values()) {
            var w = (PipelineWorkload) PipelineWorkload.plan(mode, LATENCY).getFirst();
            Duration stageOnePerPage = LATENCY.dividedBy(w.maxInFlight());
            assertTrue(w.cost().compareTo(stageOnePerPage) > 0, mode + ": a page's work is longer than stage 1 needs per page");
            assertEquals(LATENCY.plus(w.cost().multipliedBy(w.count())), w.ideal().orElseThrow(), mode + ": the ideal");
        }
    }

    @Test
    void aRightRunHasItsFiguresAndItsBufferLevelOverTime() throws Exception {
        var w = new PipelineWorkload(8, 2, 2, LATENCY, Duration.ofMillis(2), new Repeats(0, 1, Duration.ZERO, Duration.ofSeconds(30)));
        try (var server = LocalWebServer.start()) {
            Outcome outcome = runOnce(w, new SequentialParadigm(), server);
            assertNull(outcome.problem());
            assertNotNull(outcome.pipeline());
            assertEquals(1, outcome.pipeline().highWater(), "the baseline holds one page at a time");
            assertTrue(outcome.pipeline().stage1PerSecond() > 0 && outcome.pipeline().stage2PerSecond() > 0, outcome.pipeline().toString());
            assertEquals(2 * 8, outcome.bufferLevel().size(), "one point per insertion and per removal");
        }
    }

    @Test
    void aBufferThatHeldMoreThanBPagesIsAWrongResult() throws Exception {
        var w = new PipelineWorkload(6, 2, 2, LATENCY, Duration.ZERO, new Repeats(0, 1, Duration.ZERO, Duration.ofSeconds(30)));
        // Every page into the buffer before the first comes out: an unbounded buffer, with right items.
        PipelineExercise everythingFirst = (request, level, trace) -> {
            var baseline = new SequentialParadigm().pipeline();
            PipelineResult result = baseline.run(request, new BufferLevel(), trace);
            request.urls().forEach(url -> level.inserted());
            request.urls().forEach(url -> level.removed());
            return result;
        };
        var unbounded = new DelegatingParadigm(new SequentialParadigm()) {
            @Override
            public PipelineExercise pipeline() {
                return everythingFirst;
            }
        };
        try (var server = LocalWebServer.start()) {
            Outcome outcome = runOnce(w, unbounded, server);
            assertNotNull(outcome.problem());
            assertTrue(outcome.problem().contains("the buffer held 6 pages at once, more than B = 2"), outcome.problem());
        }
    }

    private static Outcome runOnce(PipelineWorkload w, Paradigm paradigm, LocalWebServer server) throws Exception {
        @SuppressWarnings("unchecked")
        var prepared = (Workload.Prepared<PipelineResult>) w.prepare(paradigm, new Fixtures(server.port(), null));
        prepared.beforeRun();
        return prepared.check(prepared.run(Trace.off()));
    }
}
