package paradigms.compare;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import paradigms.compare.fake.StandInParadigm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static paradigms.compare.CompareRunTest.assertPng;
import static paradigms.compare.CompareRunTest.caseOf;

/**
 * One small run of the scalability, shared-state and cancellation exercises (quick mode:
 * 10,000 waiting tasks at most) under the baseline, the stand-in and the broken paradigm; each
 * test reads one property of what it wrote. The stand-in and the baseline are correct, so their
 * cells must carry figures; the broken paradigm's mistakes must show as wrong results.
 */
@Timeout(120)
class WaitersCounterDeadlineRunTest {

    @TempDir
    static Path out;

    private static CommandLineTest.Run run;
    private static JsonNode results;

    @BeforeAll
    @Timeout(150)
    static void runCompareOnce() throws Exception {
        run = CommandLineTest.run("--paradigms", "stand-in,broken", "--exercises", "waiters,counter,deadline",
                "--latency", "5", "--no-progress", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        results = Json.FILE.readTree(out.resolve("results.json").toFile());
    }

    private static JsonNode tableCell(String question, String paradigm) {
        for (JsonNode row : results.get("comparisonTable").get("rows")) {
            if (row.get("question").asText().equals(question)) {
                for (JsonNode cell : row.get("cells")) {
                    if (cell.get("paradigm").asText().equals(paradigm)) {
                        return cell;
                    }
                }
            }
        }
        throw new AssertionError("no " + question + " cell for " + paradigm);
    }

    @Test
    void theScalabilityRowIsFilledFromWaitersWithTimeMemoryAndThreadsBesideEachVerdict() {
        JsonNode standIn = tableCell("scalability", "stand-in");
        assertEquals("tens of thousands", standIn.get("verdict").asText(), standIn.toString());
        String figure = standIn.get("figure").asText();
        assertTrue(figure.matches("10,000 waiting at once: .+ beyond the 100 ms wait, \\d+ MB peak heap \\(.+ per task; .+ kept alive\\), "
                + "[\\d,]+ platform threads"), figure);

        JsonNode sequential = tableCell("scalability", "sequential");
        assertEquals("one at a time", sequential.get("verdict").asText(), sequential.toString());
        assertTrue(sequential.get("figure").asText().startsWith("10 tasks, 1 waiting at once: "), sequential.toString());
        assertTrue(sequential.get("figure").asText().contains("; stops at 10 (declared by the paradigm, an estimate: tasks wait one after another"),
                "its capacity is below the mode's 10,000, so its reason is the figure: " + sequential);
    }

    @Test
    void waitersReportsEveryTaskItsPeakAndItsDeclaredCapacity() {
        JsonNode waiters = caseOf(results, "stand-in", "waiters");
        assertEquals("ok", waiters.get("status").asText(), waiters.toString());
        JsonNode figures = waiters.get("waiters");
        assertEquals(10_000, figures.get("tasks").asInt());
        assertEquals(10_000, figures.get("maxWaitingAtOnce").asInt(), "all at once, as the stand-in claims");
        assertEquals(0, figures.get("early").asInt());
        assertEquals(StandInParadigm.CAPACITY.maxTasks(), figures.get("capacity").asInt());
        assertEquals(false, figures.get("stopsAtCapacity").asBoolean());
        assertTrue(figures.get("beyondWaitMillis").asDouble() >= 0, "the wall time includes the wait: " + figures);
        assertTrue(figures.get("heapPerTaskBytes").asDouble() > 0, "10,000 virtual threads weigh something: " + figures);
        // Weighed while all 10,000 waited: a parked virtual thread keeps its stack and its thread object alive.
        assertTrue(figures.get("liveHeapPerTaskBytes").asDouble() > 100, "kept alive per waiting task: " + figures);
        assertTrue(caseOf(results, "sequential", "waiters").get("waiters").get("liveHeapPerTaskBytes").isNull(),
                "one task at a time never has all N waiting, so there is no moment to weigh them");
        assertTrue(waiters.get("wallMillis").asDouble() >= 100, "no run ends before its tasks' wait: " + waiters);
    }

    @Test
    void waitersRunsInAChildJvmOfItsOwn() throws Exception {
        String log = Files.readString(out.resolve("logs/stand-in.log"));
        assertNotEquals(jvmOf(log, "counter"), jvmOf(log, "waiters"), log);
        assertEquals(jvmOf(log, "counter"), jvmOf(log, "deadline-passes"), "the other cases share one: " + log);
    }

    private static String jvmOf(String log, String caseId) {
        Matcher m = Pattern.compile("== stand-in / " + caseId + " \\(JVM (\\d+)\\)").matcher(log);
        assertTrue(m.find(), "the log names the JVM of " + caseId + ":\n" + log);
        return m.group(1);
    }

    @Test
    void counterReportsTheExactTotalOrHowManyUpdatesWereLost() {
        for (String paradigm : List.of("sequential", "stand-in")) {
            JsonNode counter = caseOf(results, paradigm, "counter");
            assertEquals("ok", counter.get("status").asText(), counter.toString());
            assertEquals(2_500, counter.get("counter").get("total").asLong(), counter.toString());
            assertEquals(2_500, counter.get("counter").get("expected").asLong(), counter.toString());
            assertTrue(counter.get("wallMillis").isNumber(), counter.toString());
        }
        JsonNode broken = caseOf(results, "broken", "counter");
        assertEquals("wrong", broken.get("status").asText(), broken.toString());
        // 100 tasks that all read before any writes, 25 times: one increment of each 100 survives.
        assertEquals("warm-up: 2,475 of 2,500 updates lost", broken.get("reason").asText());
    }

    @Test
    void aTaskThatWakesEarlyIsAWrongResult() {
        JsonNode broken = caseOf(results, "broken", "waiters");
        assertEquals("wrong", broken.get("status").asText(), broken.toString());
        // The quick plan has no warm-up for waiters: the first measured run is the one that fails.
        assertEquals("1,000 tasks woke before their wait was over", broken.get("reason").asText());
    }

    @Test
    void deadlineCasesSayHowTheCallEndedHowPromptlyAndThatNothingWasLeft() {
        for (String paradigm : List.of("sequential", "stand-in")) {
            JsonNode failFast = caseOf(results, paradigm, "deadline-fail-fast");
            assertEquals("ok", failFast.get("status").asText(), failFast.toString());
            JsonNode d = failFast.get("deadline");
            assertEquals("FAILED_FAST", d.get("ending").asText());
            assertEquals(List.of(1, 1, 3), List.of(d.get("finished").asInt(), d.get("failed").asInt(), d.get("cancelled").asInt()));
            assertEquals(200.0, d.get("endsAtMillis").asDouble(), "the failure's answer comes after 200 ms");
            assertTrue(d.get("server").get("quietAfterMillis").isNumber(), "the server went quiet: " + d);
            assertEquals(0, d.get("leftInJvm").size(), d.toString());

            JsonNode passes = caseOf(results, paradigm, "deadline-passes");
            assertEquals("ok", passes.get("status").asText(), passes.toString());
            assertEquals("DEADLINE_PASSED", passes.get("deadline").get("ending").asText());
            assertTrue(passes.get("deadline").get("tookMillis").asDouble() >= 300, passes.toString());
            assertTrue(passes.get("serverMaxInFlight").asInt() <= 3, "never more than C in flight: " + passes);
        }
    }

    @Test
    void aDeadlineThatCancelsNothingIsReportedWithWhatItLeftBehind() {
        JsonNode broken = caseOf(results, "broken", "deadline-fail-fast");
        assertEquals("wrong", broken.get("status").asText(), broken.toString());
        String reason = broken.get("reason").asText();
        assertTrue(reason.contains("left behind: 3 requests in flight"), reason);
        assertTrue(reason.contains("left behind in the JVM: thread ") && reason.contains("thread broken-deadline-"), reason);
    }

    @Test
    void theReportHasATablePerCaseAndTheHeapPerTaskChart() throws Exception {
        String report = Files.readString(out.resolve("report.md"));
        for (String caseId : List.of("counter", "deadline-fail-fast", "deadline-passes", "waiters")) {
            assertTrue(report.contains("### " + caseId + " — "), "a table for " + caseId);
        }
        assertTrue(report.contains("FAILED_FAST: 1 finished, 1 failed, 3 cancelled; back "), report);
        assertTrue(report.contains("total 2,500, exact"), report);
        assertPng(out.resolve("charts/waiters-heap-per-task.png"));
        assertTrue(run.out().contains("scalability  (waiters: "), "the terminal shows where the row comes from:\n" + run.out());
    }
}
