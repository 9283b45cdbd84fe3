package paradigms.compare;

import paradigms.common.Exercise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Claim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison table: every cell is a verdict with the figure it comes from, or a reason there is none. */
@Timeout(10)
class ComparisonTableTest {

    private static final Plan PLAN = Plan.of(Mode.QUICK, Duration.ofMillis(50));
    private static final ParadigmInfo SEQUENTIAL = new ParadigmInfo("sequential", List.of(), "the baseline");
    private static final ParadigmInfo THREADS = new ParadigmInfo("threads", List.of(Claim.WAITS_CONCURRENTLY, Claim.USES_SEVERAL_CORES), "platform threads");
    private static final ParadigmInfo BUSY = new ParadigmInfo("busy", List.of(Claim.WAITS_CONCURRENTLY, Claim.USES_SEVERAL_CORES), "busy");
    private static final ParadigmInfo BROKEN = new ParadigmInfo("broken", List.of(), "broken");
    /** sequential keeps nothing, threads keeps a pool, busy's failed to start, broken never reported. */
    private static final List<Startup> STARTUPS = List.of(
            new Startup("sequential", false, 0.01, "nothing to start", null),
            new Startup("threads", true, 850, "4 worker JVMs, all ready in 850 ms: 213 ms of wall time per worker", null),
            Startup.failed("busy", 12, "IllegalStateException: no java launcher"));

    /** A measured case with the figures the table reads; the rest are plausible fillers. */
    static CaseSummary measured(String paradigm, String caseId, double wall, Double speedup, Integer inFlight, Integer allowed,
                                Boolean parallel, Double heartbeatGap) {
        return new CaseSummary(paradigm, caseId, caseId.startsWith("download") ? "download" : caseId, "inputs", "ok", null, 1, 3,
                wall, wall / 2, 0.5, 12, 40.0, null, null, wall / 2, 2.0, speedup, inFlight, allowed, heartbeatGap, null, parallel,
                null, null, null, List.of());
    }

    /** A measured waiters case: N tasks of 100 ms, {@code atOnce} of them waiting at the same moment, 4 KB each. */
    static CaseSummary waiters(String paradigm, double wall, int tasks, int atOnce, int capacity, String limitedBy) {
        var figures = new CaseSummary.Waiters(tasks, 100, atOnce, 0, capacity, limitedBy, capacity < WaitersWorkload.MOST_QUICK,
                wall - 100, 4_096.0, null);
        return new CaseSummary(paradigm, "waiters", "waiters", "inputs", "ok", null, 1, 2, wall, wall / 2, 0.5, 12, 40.0,
                null, null, 100.0, wall / 100, null, null, null, null, null, null, figures, null, null, List.of());
    }

    /** A measured resume case: quiet p99, then loaded p50, p99 and max, in µs. */
    static CaseSummary resume(String paradigm, double quietP99, double loadedP50, double loadedP99, double loadedMax) {
        var figures = new ResumeWorkload.Figures(40, quietP99, quietP99 * 2, loadedP50, loadedP99, loadedMax);
        return new CaseSummary(paradigm, "resume", "resume", "inputs", "ok", null, 1, 3, 500.0, 250.0, 0.5, 12, 40.0,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, List.of(), null, figures);
    }

    static CaseSummary notMeasured(String paradigm, String caseId, String status, String reason) {
        return new CaseSummary(paradigm, caseId, caseId, "inputs", status, reason, 0, 0, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, List.of());
    }

    private static List<CaseSummary> summaries() {
        List<CaseSummary> all = new ArrayList<>();
        all.add(measured("sequential", "download", 1200, 1.0, 1, 8, false, null));
        all.add(measured("threads", "download", 160, 7.5, 8, 8, true, null));
        all.add(measured("busy", "download", 900, 1.3, 8, 8, true, null));
        all.add(notMeasured("broken", "download", "failed", "the child JVM exited with code 37"));
        all.add(measured("sequential", "squares", 60, 1.0, null, null, false, null));
        all.add(measured("threads", "squares", 33, 1.8, null, null, true, null));
        all.add(measured("busy", "squares", 55, 1.1, null, null, true, null));
        all.add(notMeasured("broken", "squares", "wrong", "sum 0 is wrong"));
        all.add(waiters("sequential", 1_000, 10, 1, 10, "tasks wait one after another"));
        all.add(waiters("threads", 1_300, 10_000, 10_000, 10_000, "one platform thread per task"));
        all.add(waiters("busy", 400, 500, 500, 500, "the heap of a busy test"));
        all.add(notMeasured("broken", "waiters", "failed", "OutOfMemoryError: Java heap space"));
        all.add(measured("sequential", "blocking", 1600, 1.0, null, 4, false, 205.0));
        all.add(measured("threads", "blocking", 420, 3.8, null, 4, true, 11.0));
        all.add(notMeasured("busy", "blocking", "skipped", "no database"));
        all.add(resume("threads", 150, 900, 3_200, 9_000));
        all.add(resume("busy", 120, 201_000, 401_500, 402_000));
        all.add(notMeasured("broken", "resume", "failed", "UnsupportedOperationException: not written yet"));
        return all;
    }

    @Test
    void theStartUpRowShowsWhatWasStartedAndHowLongApartFromTheCases() {
        ComparisonTable table = table();
        ComparisonTable.Cell threads = cell(table, "start-up", "threads");
        assertEquals("850 ms", threads.verdict());
        assertTrue(threads.figure().contains("4 worker JVMs"), threads.figure());
        assertEquals("nothing kept", cell(table, "start-up", "sequential").verdict());
        ComparisonTable.Cell busy = cell(table, "start-up", "busy");
        assertEquals("did not start", busy.verdict());
        assertTrue(busy.figure().contains("no java launcher") && busy.figure().contains("without kept resources"), busy.figure());
        assertTrue(cell(table, "start-up", "broken").reason().startsWith("not measured"));
    }

    private static ComparisonTable table() {
        return ComparisonTable.build(List.of(SEQUENTIAL, THREADS, BUSY, BROKEN), summaries(), STARTUPS,
                EnumSet.of(Exercise.DOWNLOAD, Exercise.SQUARES, Exercise.WAITERS, Exercise.BLOCKING, Exercise.RESUME), PLAN, 2);
    }

    private static ComparisonTable.Cell cell(ComparisonTable table, String question, String paradigm) {
        return table.rows().stream().filter(r -> r.question().equals(question)).findFirst().orElseThrow()
                .cells().stream().filter(c -> c.paradigm().equals(paradigm)).findFirst().orElseThrow();
    }

    @Test
    void everyCellHasAVerdictWithAFigureOrAReason() {
        ComparisonTable table = table();
        assertEquals(List.of("optimizes waiting", "uses all CPU cores", "scalability", "blocking library calls",
                        "resume latency under load (p99)", "GIL interference", "start-up"),
                table.rows().stream().map(ComparisonTable.Row::question).toList());
        for (ComparisonTable.Row row : table.rows()) {
            assertEquals(4, row.cells().size(), row.question() + ": one cell per paradigm");
            for (ComparisonTable.Cell cell : row.cells()) {
                String where = row.question() + " / " + cell.paradigm() + ": " + cell;
                if (cell.reason() == null) {
                    assertTrue(cell.verdict() != null && !cell.verdict().isBlank(), where);
                    assertTrue(cell.figure() != null && !cell.figure().isBlank(), where);
                    if (!row.question().equals("GIL interference") && !row.question().equals("start-up")) {
                        assertTrue(cell.figure().matches(".*\\d.*"), "a figure has a number: " + where);
                    }
                } else {
                    assertNull(cell.verdict(), where);
                    assertTrue(!cell.reason().isBlank(), where);
                }
            }
        }
    }

    @Test
    void waitingIsOptimizedWhenRequestsOverlapAndTheSpeedupIsReal() {
        ComparisonTable table = table();
        assertEquals("yes", cell(table, "optimizes waiting", "threads").verdict());
        assertEquals("7.50× vs sequential, 8 of 8 in flight", cell(table, "optimizes waiting", "threads").figure());
        assertEquals("no", cell(table, "optimizes waiting", "sequential").verdict());
        assertEquals("no", cell(table, "optimizes waiting", "busy").verdict(), "8 in flight but only 1.3×");
    }

    @Test
    void coresAreUsedWhenSpansOverlapAndTheSpeedupIsReal() {
        ComparisonTable table = table();
        assertEquals("yes", cell(table, "uses all CPU cores", "threads").verdict());
        assertEquals("partly", cell(table, "uses all CPU cores", "busy").verdict(), "spans overlap, 1.1× only");
        assertEquals("no", cell(table, "uses all CPU cores", "sequential").verdict());
        assertTrue(cell(table, "uses all CPU cores", "threads").figure().contains("on 2 cores, spans overlap"));
    }

    @Test
    void scalabilityComesFromWaitersAndNamesHowManyWaitedAtOnceWithTimeAndMemory() {
        ComparisonTable table = table();
        assertTrue(table.rows().get(2).measuredBy().startsWith("waiters: N = min(the paradigm's declared capacity, 10,000)"),
                table.rows().get(2).measuredBy());
        ComparisonTable.Cell threads = cell(table, "scalability", "threads");
        assertEquals("tens of thousands", threads.verdict());
        assertEquals("10,000 waiting at once: 1.20 s beyond the 100 ms wait, 40 MB peak heap (4.0 KB per task), 12 platform threads",
                threads.figure(), "the capacity equals the mode's most, so it did not stop it: no reason given");
    }

    @Test
    void aParadigmStoppedByItsCapacityHasItsReasonAsTheFigure() {
        ComparisonTable table = table();
        ComparisonTable.Cell busy = cell(table, "scalability", "busy");
        assertEquals("hundreds", busy.verdict());
        assertTrue(busy.figure().endsWith("; stops at 500 (declared by the paradigm, an estimate: the heap of a busy test)"), busy.figure());
        ComparisonTable.Cell sequential = cell(table, "scalability", "sequential");
        assertEquals("one at a time", sequential.verdict());
        assertTrue(sequential.figure().startsWith("10 tasks, 1 waiting at once: 1.00 s for 10 waits of 100 ms"), sequential.figure());
        assertTrue(sequential.figure().endsWith("; stops at 10 (declared by the paradigm, an estimate: tasks wait one after another)"), sequential.figure());
        assertEquals("failed: OutOfMemoryError: Java heap space", cell(table, "scalability", "broken").reason());
    }

    @Test
    void theMagnitudeGoesFromOneAtATimeToMillions() {
        assertEquals("one at a time", ComparisonTable.magnitudeOf(1));
        assertEquals("a few", ComparisonTable.magnitudeOf(9));
        assertEquals("tens", ComparisonTable.magnitudeOf(10));
        assertEquals("thousands", ComparisonTable.magnitudeOf(9_999));
        assertEquals("tens of thousands", ComparisonTable.magnitudeOf(10_000));
        assertEquals("hundreds of thousands", ComparisonTable.magnitudeOf(250_000));
        assertEquals("millions", ComparisonTable.magnitudeOf(1_000_000));
    }

    @Test
    void aStallIsAHeartbeatGapOfHalfAQueryOrMore() {
        ComparisonTable table = table();
        assertEquals("stalls", cell(table, "blocking library calls", "sequential").verdict());
        assertEquals("no stall", cell(table, "blocking library calls", "threads").verdict());
        assertTrue(cell(table, "blocking library calls", "threads").figure().contains("largest heartbeat gap 11 ms"));
    }

    @Test
    void resumeLatencyUnderLoadIsTheLoadedP99AndSaysWhetherSleepersWaitedForTheBusyTasks() {
        ComparisonTable table = table();
        ComparisonTable.Row row = table.rows().stream().filter(r -> r.question().equals("resume latency under load (p99)"))
                .findFirst().orElseThrow();
        assertTrue(row.measuredBy().startsWith("resume: 100 sleepers of 50 ms beside "), row.measuredBy());
        ComparisonTable.Cell threads = cell(table, "resume latency under load (p99)", "threads");
        assertEquals("prompt", threads.verdict());
        assertEquals("p99 3.20 ms (p50 900 µs, max 9.00 ms); alone p99 150 µs", threads.figure());
        ComparisonTable.Cell busy = cell(table, "resume latency under load (p99)", "busy");
        assertEquals("waits for the busy tasks", busy.verdict(), "a p99 of twice the 200 ms busy time");
        assertTrue(busy.text().startsWith("waits for the busy tasks — p99 402 ms"), busy.text());
        assertEquals("failed: UnsupportedOperationException: not written yet",
                cell(table, "resume latency under load (p99)", "broken").reason());
        assertEquals("not measured: no resume result", cell(table, "resume latency under load (p99)", "sequential").reason());
        ComparisonTable withoutResume = ComparisonTable.build(List.of(THREADS), summaries(), List.of(), EnumSet.of(Exercise.DOWNLOAD), PLAN, 2);
        assertEquals("n/a — not measured: --exercises left out resume", cell(withoutResume, "resume latency under load (p99)", "threads").text());
    }

    @Test
    void missingFiguresSayWhy() {
        ComparisonTable table = table();
        assertEquals("failed: the child JVM exited with code 37", cell(table, "optimizes waiting", "broken").reason());
        assertEquals("wrong result", cell(table, "uses all CPU cores", "broken").verdict());
        assertEquals("skipped: no database", cell(table, "blocking library calls", "busy").reason());
        assertEquals("not measured: no blocking result", cell(table, "blocking library calls", "broken").reason());
        ComparisonTable withoutSquares = ComparisonTable.build(List.of(SEQUENTIAL), summaries(), List.of(), EnumSet.of(Exercise.DOWNLOAD), PLAN, 2);
        assertEquals("not measured: --exercises left out squares", cell(withoutSquares, "uses all CPU cores", "sequential").reason());
        assertEquals("not measured: --exercises left out waiters", cell(withoutSquares, "scalability", "sequential").reason());
        assertNotNull(cell(withoutSquares, "optimizes waiting", "sequential").figure());
    }
}
