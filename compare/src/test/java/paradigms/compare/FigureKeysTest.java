package paradigms.compare;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Claim;
import paradigms.common.Exercise;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keys are systematic: what was measured has one, what was not has none, and no key is made twice. */
@Timeout(10)
class FigureKeysTest {

    private static final Plan PLAN = Plan.of(Mode.QUICK, Duration.ofMillis(50));
    private static final ParadigmInfo SEQUENTIAL = new ParadigmInfo("sequential", List.of(), "the baseline");
    private static final ParadigmInfo THREADS = new ParadigmInfo("threads", List.of(Claim.WAITS_CONCURRENTLY, Claim.USES_SEVERAL_CORES),
            "platform threads");

    private static Results results() {
        List<CaseSummary> summaries = List.of(
                ComparisonTableTest.measured("sequential", "download", 1200, 1.0, 1, 8, false, null),
                ComparisonTableTest.measured("threads", "download", 160, 7.5, 8, 8, true, null),
                ComparisonTableTest.waiters("threads", 1_300, 10_000, 10_000, 10_000, "one platform thread per task"),
                ComparisonTableTest.notMeasured("sequential", "waiters", "skipped", "not chosen"));
        var chosen = EnumSet.of(Exercise.DOWNLOAD, Exercise.WAITERS);
        List<Startup> startups = List.of(new Startup("sequential", false, 0.01, "nothing", null),
                new Startup("threads", true, 850, "a pool", null));
        var paradigms = List.of(SEQUENTIAL, THREADS);
        return new Results(new Results.Machine(2, "os", "java", "-Xmx1g", 0, 0, "t", 1),
                new Results.Settings(List.of("--quick"), "quick", 50, List.of("download", "waiters"), List.of("sequential", "threads")),
                paradigms, PLAN.forExercises(chosen).stream().map(Results.CaseInfo::of).toList(), summaries, startups,
                ComparisonTable.build(paradigms, summaries, startups, chosen, PLAN, 2), Headline.of(summaries, PLAN), List.of());
    }

    @Test
    void everyMeasuredFieldOfEveryCellHasAKeyWithItsProducer() {
        var keys = new FigureKeys();
        keys.mainJob(results());
        var wall = keys.figures().get("case.download.threads.wall");
        assertEquals("160 ms", wall.text());
        assertEquals(160.0, wall.value());
        assertTrue(wall.measuredBy().contains("compare case download") && wall.measuredBy().contains("threads"), wall.measuredBy());
        assertEquals("7.50×", keys.figures().get("case.download.threads.speedup").text());
        assertEquals("8", keys.figures().get("case.download.threads.serverMaxInFlight").text());
        assertEquals("10,000", keys.figures().get("case.waiters.threads.atOnce").text());
        assertEquals("4.0 KB", keys.figures().get("case.waiters.threads.heapPerTask").text());
        assertEquals("850 ms", keys.figures().get("startup.threads").text());
        assertEquals("nothing kept", keys.figures().get("startup.sequential").text());
        assertTrue(keys.tables().containsKey("table.comparison"));
        assertTrue(keys.tables().get("table.case.download").text().contains("| threads | ok | 160 ms |"));
        assertTrue(keys.figures().get("comparison.optimizes-waiting.threads").text().startsWith("yes — 7.50×"));
    }

    @Test
    void theDownloadCasesResumeLatenciesHaveKeysNamedFromTheirFields() {
        CaseSummary s = ComparisonTableTest.measured("threads", "download", 160, 7.5, 8, 8, true, null);
        CaseSummary withResume = new CaseSummary(s.paradigm(), s.caseId(), s.exercise(), s.inputs(), s.status(), s.reason(),
                s.warmups(), s.runs(), s.wallMillis(), s.cpuMillis(), s.coresUsed(), s.peakThreads(), s.peakHeapMegabytes(),
                s.perSecond(), s.perSecondUnit(), s.idealMillis(), s.ratioToIdeal(), s.speedupOverBaseline(), s.serverMaxInFlight(),
                s.maxInFlightAllowed(), s.heartbeatGapMillis(), s.exhibitionHours(), s.parallelSpans(), s.waiters(), s.counter(),
                s.deadline(), s.pipeline(), s.allRuns(), new DownloadWorkload.Resume(24, 85, 1_250, 3_400));
        var keys = new FigureKeys();
        Results r = results();
        keys.mainJob(new Results(r.machine(), r.settings(), r.paradigms(), r.cases(),
                List.of(r.results().get(0), withResume), r.startups(), r.comparisonTable(), r.headline(), r.notes()));

        assertEquals("85.0 µs", keys.figures().get("case.download.threads.resumeP50").text());
        assertEquals("1.25 ms", keys.figures().get("case.download.threads.resumeP99").text());
        assertEquals("3.40 ms", keys.figures().get("case.download.threads.resumeMax").text());
        assertEquals("24", keys.figures().get("case.download.threads.resumes").text());
        assertTrue(keys.tables().get("table.case.download").text().contains("resumed 85 µs after the answer was sent (p50), 1.25 ms (p99)"),
                keys.tables().get("table.case.download").text());
        assertNull(keys.figures().get("case.download.sequential.resumeP50"), "a cell without resume latencies has no key for them");
    }

    @Test
    void theResumeCasesLatenciesHaveKeysNamedFromTheirFieldsAndATable() {
        var keys = new FigureKeys();
        Results r = results();
        var chosen = EnumSet.of(Exercise.DOWNLOAD, Exercise.WAITERS, Exercise.RESUME);
        keys.mainJob(new Results(r.machine(), r.settings(), r.paradigms(), PLAN.forExercises(chosen).stream().map(Results.CaseInfo::of).toList(),
                List.of(r.results().get(0), ComparisonTableTest.resume("threads", 150, 900, 3_200, 9_000)), r.startups(),
                r.comparisonTable(), r.headline(), r.notes()));

        assertEquals("40.0 µs", keys.figures().get("case.resume.threads.quietP50").text());
        assertEquals("150 µs", keys.figures().get("case.resume.threads.quietP99").text());
        assertEquals("300 µs", keys.figures().get("case.resume.threads.quietMax").text());
        assertEquals("900 µs", keys.figures().get("case.resume.threads.loadedP50").text());
        assertEquals("3.20 ms", keys.figures().get("case.resume.threads.loadedP99").text());
        assertEquals("9.00 ms", keys.figures().get("case.resume.threads.loadedMax").text());
        assertTrue(keys.figures().get("case.resume.inputs").text().startsWith("100 sleepers of 50 ms"));
        assertTrue(keys.tables().get("table.case.resume").text().contains("beside the busy tasks 900 µs (p50), 3.20 ms (p99)"),
                keys.tables().get("table.case.resume").text());
    }

    @Test
    void theReadyQueueBenchmarksFiguresAreKeyedByItsCamelCaseKey() throws Exception {
        JsonNode bench = Json.FILE.readTree("""
                {"ready-queue": {"key": "readyQueue", "warmups": 2, "repeats": 3, "figures": {"sleepMillis": 500, "handlingMillis": 0.2,
                   "paradigms": [{"paradigm": "threading", "p99At100Micros": 350.0, "p99At10000Micros": 850000.0}],
                   "skipped": ["callbacks skipped: its resume() throws UnsupportedOperationException"]}}}""");
        var keys = new FigureKeys();
        keys.benchmarks(bench);
        assertEquals("350 µs", keys.figures().get("bench.readyQueue.threading.p99At100").text());
        assertEquals("850 ms", keys.figures().get("bench.readyQueue.threading.p99At10000").text());
        assertTrue(keys.tables().get("table.bench.readyQueue").text().contains("| threading | 350 µs |"),
                keys.tables().get("table.bench.readyQueue").text());
    }

    @Test
    void aCellThatWasNotMeasuredHasNoKeysAndAFieldACaseLacksHasNone() {
        var keys = new FigureKeys();
        keys.mainJob(results());
        assertFalse(keys.figures().keySet().stream().anyMatch(k -> k.startsWith("case.waiters.sequential.")));
        assertNull(keys.figures().get("case.download.threads.heartbeatGap"), "only blocking has a heartbeat");
        assertNull(keys.figures().get("case.download.threads.atOnce"), "only waiters counts tasks at once");
    }

    @Test
    void benchmarkFieldsTakeTheirUnitFromTheirName() throws Exception {
        JsonNode bench = Json.FILE.readTree("""
                {"http": {"warmups": 2, "repeats": 3, "figures": {"idealMillis": 500.0, "waitingRequests": 10000,
                   "clients": [{"paradigm": "callbacks", "wallMillis": 1330.2, "cpuMicrosPerRequest": 31.46, "ratioToReference": 1.0},
                               {"paradigm": "greenlets", "wallMillis": 1430.0, "cpuMicrosPerRequest": 81.5, "ratioToReference": 1.08,
                                "goal": 1.5}]}},
                 "thread-cost": {"warmups": 2, "repeats": 3, "figures": {"residentKibPerParkedThread": 41.25, "childJvmMillis": 45.3}}}""");
        var keys = new FigureKeys();
        keys.benchmarks(bench);
        assertEquals("500 ms", keys.figures().get("bench.http.ideal").text());
        assertEquals("10,000", keys.figures().get("bench.http.waitingRequests").text());
        assertEquals("1.33 s", keys.figures().get("bench.http.callbacks.wall").text());
        assertEquals("31.5 µs", keys.figures().get("bench.http.callbacks.cpuPerRequest").text());
        assertEquals("1.08×", keys.figures().get("bench.http.greenlets.ratioToReference").text());
        assertEquals("41.3 KiB", keys.figures().get("bench.thread-cost.residentPerParkedThread").text());
        assertEquals("45 ms", keys.figures().get("bench.thread-cost.childJvm").text());
        String table = keys.tables().get("table.bench.http").text();
        assertTrue(table.contains("| callbacks | 1.33 s | 31.5 µs | 1.00× | — |"), table);
    }

    @Test
    void jmhScoresAreKeyedByBenchmarkMethodAndParameter() throws Exception {
        JsonNode runs = Json.FILE.readTree("""
                [{"benchmark": "paradigms.compare.jmh.Handoff.roundTrip", "params": {"kind": "virtual"},
                  "primaryMetric": {"score": 1234.5, "scoreError": 20.0, "scoreUnit": "ns/op"}},
                 {"benchmark": "paradigms.compare.jmh.LockCost.Alone.atomicLong",
                  "primaryMetric": {"score": 6.123, "scoreError": "NaN", "scoreUnit": "ns/op"}}]""");
        var keys = new FigureKeys();
        keys.jmh(runs, "short");
        assertEquals("1,235 ns", keys.figures().get("jmh.Handoff.roundTrip.virtual").text());
        assertEquals("6.12 ns", keys.figures().get("jmh.LockCost.Alone.atomicLong").text());
        assertTrue(keys.tables().containsKey("table.jmh"));
    }

    @Test
    void quotedFiguresCarryTheirSourceAndAKeyIsNeverMadeTwice() {
        var keys = new FigureKeys();
        keys.quoted();
        var wall = keys.figures().get("quoted.aiohttp.million.wall");
        assertEquals("9 min 5 s", wall.text());
        assertTrue(wall.source().startsWith("https://pawelmhm.github.io/"), wall.source());
        assertTrue(wall.measuredBy().startsWith("quoted from"), wall.measuredBy());
        assertThrows(IllegalStateException.class, keys::quoted);
        assertThrows(IllegalArgumentException.class, () -> keys.put("Not A Key", FigureKeys.figure("1", 1.0, ""), "x"));
    }
}
