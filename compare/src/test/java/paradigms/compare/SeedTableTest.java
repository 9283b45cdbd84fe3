package paradigms.compare;

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

/** The seed's table: every cell is a verdict with the figure it comes from, or a reason there is none. */
@Timeout(10)
class SeedTableTest {

    private static final Plan PLAN = Plan.of(Mode.QUICK, Duration.ofMillis(50));
    private static final ParadigmInfo SEQUENTIAL = new ParadigmInfo("sequential", List.of(), "the baseline");
    private static final ParadigmInfo THREADS = new ParadigmInfo("threads", List.of(Claim.WAITS_CONCURRENTLY, Claim.USES_SEVERAL_CORES), "platform threads");
    private static final ParadigmInfo BUSY = new ParadigmInfo("busy", List.of(Claim.WAITS_CONCURRENTLY, Claim.USES_SEVERAL_CORES), "busy");
    private static final ParadigmInfo BROKEN = new ParadigmInfo("broken", List.of(), "broken");

    /** A measured case with the figures the table reads; the rest are plausible fillers. */
    static CaseSummary measured(String paradigm, String caseId, double wall, Double speedup, Integer inFlight, Integer allowed,
                                Boolean parallel, Double heartbeatGap) {
        return new CaseSummary(paradigm, caseId, caseId.startsWith("download") ? "download" : caseId, "inputs", "ok", null, 1, 3,
                wall, wall / 2, 0.5, 12, 40.0, null, null, wall / 2, 2.0, speedup, inFlight, allowed, heartbeatGap, null, parallel,
                List.of());
    }

    static CaseSummary notMeasured(String paradigm, String caseId, String status, String reason) {
        return new CaseSummary(paradigm, caseId, caseId, "inputs", status, reason, 0, 0, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, List.of());
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
        all.add(notMeasured("sequential", "download-scale", "skipped", "does not claim WAITS_CONCURRENTLY"));
        all.add(measured("threads", "download-scale", 3100, null, 1000, 1000, null, null));
        all.add(measured("busy", "download-scale", 3500, null, 240, 1000, null, null));
        all.add(notMeasured("broken", "download-scale", "skipped", "does not claim WAITS_CONCURRENTLY"));
        all.add(measured("sequential", "blocking", 1600, 1.0, null, 4, false, 205.0));
        all.add(measured("threads", "blocking", 420, 3.8, null, 4, true, 11.0));
        all.add(notMeasured("busy", "blocking", "skipped", "no database"));
        return all;
    }

    private static SeedTable table() {
        return SeedTable.build(List.of(SEQUENTIAL, THREADS, BUSY, BROKEN), summaries(),
                EnumSet.of(Exercise.DOWNLOAD, Exercise.SQUARES, Exercise.BLOCKING), PLAN, 2);
    }

    private static SeedTable.Cell cell(SeedTable table, String question, String paradigm) {
        return table.rows().stream().filter(r -> r.question().equals(question)).findFirst().orElseThrow()
                .cells().stream().filter(c -> c.paradigm().equals(paradigm)).findFirst().orElseThrow();
    }

    @Test
    void everyCellHasAVerdictWithAFigureOrAReason() {
        SeedTable table = table();
        assertEquals(List.of("optimizes waiting", "uses all CPU cores", "scalability", "blocking library calls", "GIL interference"),
                table.rows().stream().map(SeedTable.Row::question).toList());
        for (SeedTable.Row row : table.rows()) {
            assertEquals(4, row.cells().size(), row.question() + ": one cell per paradigm");
            for (SeedTable.Cell cell : row.cells()) {
                String where = row.question() + " / " + cell.paradigm() + ": " + cell;
                if (cell.reason() == null) {
                    assertTrue(cell.verdict() != null && !cell.verdict().isBlank(), where);
                    assertTrue(cell.figure() != null && !cell.figure().isBlank(), where);
                    if (!row.question().equals("GIL interference")) {
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
        SeedTable table = table();
        assertEquals("yes", cell(table, "optimizes waiting", "threads").verdict());
        assertEquals("7.50× vs sequential, 8 of 8 in flight", cell(table, "optimizes waiting", "threads").figure());
        assertEquals("no", cell(table, "optimizes waiting", "sequential").verdict());
        assertEquals("no", cell(table, "optimizes waiting", "busy").verdict(), "8 in flight but only 1.3×");
    }

    @Test
    void coresAreUsedWhenSpansOverlapAndTheSpeedupIsReal() {
        SeedTable table = table();
        assertEquals("yes", cell(table, "uses all CPU cores", "threads").verdict());
        assertEquals("partly", cell(table, "uses all CPU cores", "busy").verdict(), "spans overlap, 1.1× only");
        assertEquals("no", cell(table, "uses all CPU cores", "sequential").verdict());
        assertTrue(cell(table, "uses all CPU cores", "threads").figure().contains("on 2 cores, spans overlap"));
    }

    @Test
    void scalabilityNamesTheMagnitudeReachedAndExplainsTheParadigmsThatWaitOneAtATime() {
        SeedTable table = table();
        assertEquals("thousands", cell(table, "scalability", "threads").verdict());
        assertEquals("hundreds", cell(table, "scalability", "busy").verdict());
        SeedTable.Cell sequential = cell(table, "scalability", "sequential");
        assertEquals("one at a time", sequential.verdict());
        assertTrue(sequential.figure().startsWith("1 in flight in download"), sequential.figure());
    }

    @Test
    void aStallIsAHeartbeatGapOfHalfAQueryOrMore() {
        SeedTable table = table();
        assertEquals("stalls", cell(table, "blocking library calls", "sequential").verdict());
        assertEquals("no stall", cell(table, "blocking library calls", "threads").verdict());
        assertTrue(cell(table, "blocking library calls", "threads").figure().contains("largest heartbeat gap 11 ms"));
    }

    @Test
    void missingFiguresSayWhy() {
        SeedTable table = table();
        assertEquals("failed: the child JVM exited with code 37", cell(table, "optimizes waiting", "broken").reason());
        assertEquals("wrong result", cell(table, "uses all CPU cores", "broken").verdict());
        assertEquals("skipped: no database", cell(table, "blocking library calls", "busy").reason());
        assertEquals("not measured: no blocking result", cell(table, "blocking library calls", "broken").reason());
        SeedTable withoutSquares = SeedTable.build(List.of(SEQUENTIAL), summaries(), EnumSet.of(Exercise.DOWNLOAD), PLAN, 2);
        assertEquals("not measured: --exercises left out squares", cell(withoutSquares, "uses all CPU cores", "sequential").reason());
        assertNotNull(cell(withoutSquares, "optimizes waiting", "sequential").figure());
    }
}
