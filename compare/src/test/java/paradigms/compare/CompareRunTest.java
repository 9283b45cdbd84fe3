package paradigms.compare;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import paradigms.common.db.PostgresFixture;
import paradigms.compare.fake.BrokenParadigm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole runs of compare, small ones: child JVMs, the web server, the JSON, the report and
 * its pictures. A 5 ms server latency keeps them short; the figures are not checked for
 * speed, only for being there and meaning what they say.
 */
@Timeout(120)
class CompareRunTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    /** The figures every measured download has (per second, ideal, speedup, in flight included). */
    private static final List<String> DOWNLOAD_FIGURES = List.of("wallMillis", "cpuMillis", "coresUsed", "peakThreads",
            "peakHeapMegabytes", "perSecond", "idealMillis", "ratioToIdeal", "speedupOverBaseline", "serverMaxInFlight");

    @Test
    void aTinySequentialDownloadRunWritesResultsAndAReportWithAFigureInEveryMeasuredCell(@TempDir Path out) throws Exception {
        var run = CommandLineTest.run("--paradigms", "sequential", "--exercises", "download", "--latency", "5",
                "--no-progress", "--out", out.toString());
        assertEquals(0, run.code(), run.err());

        JsonNode results = Json.FILE.readTree(out.resolve("results.json").toFile());
        JsonNode download = caseOf(results, "sequential", "download");
        assertEquals("ok", download.get("status").asText(), download.toString());
        for (String figure : DOWNLOAD_FIGURES) {
            assertTrue(download.get(figure).isNumber(), figure + " is a number: " + download);
        }
        assertEquals(1, download.get("serverMaxInFlight").asInt(), "the baseline has one request out at a time");
        assertEquals(1.0, download.get("speedupOverBaseline").asDouble(), 1e-9);

        // The comparison table: the download row has figures (and the start-up row, measured apart), the others say why not.
        for (JsonNode row : results.get("comparisonTable").get("rows")) {
            JsonNode cell = row.get("cells").get(0);
            String question = row.get("question").asText();
            if (question.equals("optimizes waiting") || question.equals("GIL interference") || question.equals("start-up")) {
                assertTrue(cell.get("figure").isTextual() && !cell.get("figure").asText().isBlank(), question + ": " + cell);
            } else {
                assertTrue(cell.get("reason").asText().startsWith("not measured: --exercises left out"), question + ": " + cell);
            }
        }

        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("## The comparison table, measured for Java"), report);
        assertTrue(report.contains("Regenerate: `./mvnw -q -pl compare -am package exec:java@compare -DskipTests -Dexec.args=\"--paradigms sequential"
                + " --exercises download --latency 5 --out " + out + "\"`"), "the command that made it, without --no-progress");
        List<String> downloadRow = tableRow(report, "| sequential | ok |");
        assertEquals(12, downloadRow.size(), downloadRow.toString());
        for (String cell : downloadRow) {
            assertFalse(cell.isBlank() || cell.equals("—"), "every cell of the measured row has a figure: " + downloadRow);
        }
        assertAll(
                () -> assertPng(out.resolve("charts/wall.png")),
                () -> assertPng(out.resolve("charts/speedup.png")),
                () -> assertPng(out.resolve("timelines/sequential-download.png")),
                () -> assertPng(out.resolve("timelines/download-in-flight.png")),
                () -> assertTrue(Json.FILE.readTree(out.resolve("traces/sequential-download.json").toFile())
                        .get("traceEvents").size() >= 24, "a Perfetto trace with the 24 requests"));
        assertTrue(run.out().contains("optimizes waiting"), "the terminal shows the comparison table:\n" + run.out());
    }

    @Test
    void aConcurrentParadigmShowsItsSpeedupItsRequestsInFlightAndOverlappingSpans(@TempDir Path out) throws Exception {
        var run = CommandLineTest.run("--paradigms", "stand-in", "--exercises", "download,squares", "--latency", "5",
                "--no-progress", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode results = Json.FILE.readTree(out.resolve("results.json").toFile());

        JsonNode download = caseOf(results, "stand-in", "download");
        int inFlight = download.get("serverMaxInFlight").asInt();
        // Not exactly C: with 5 ms answers on a busy machine, the first can be back before the eighth is sent.
        assertTrue(inFlight > 1 && inFlight <= 8, "the server saw several requests at once, never more than C: " + download);
        JsonNode squares = caseOf(results, "stand-in", "squares");
        assertTrue(squares.get("parallelSpans").asBoolean(), "two sums ran at the same moment: " + squares);

        List<String> questions = new ArrayList<>();
        for (JsonNode row : results.get("comparisonTable").get("rows")) {
            questions.add(row.get("question").asText());
            for (JsonNode cell : row.get("cells")) {
                if (List.of("blocking library calls", "scalability", "resume latency under load (p99)").contains(row.get("question").asText())) {
                    assertTrue(cell.get("reason").isTextual(), cell.toString());
                } else {
                    assertTrue(cell.get("figure").isTextual(), "a figure in " + row.get("question") + ": " + cell);
                }
            }
        }
        assertEquals(7, questions.size());
    }

    /**
     * Warm and start-up apart: the stand-in's kept pool is started once in its child JVM, before
     * its first case, timed on its own and shown in the start-up row; every squares run, warm-ups
     * included, used it.
     */
    @Test
    void everyRunUsesTheResourcesStartedOnceAndTheStartUpIsReportedApart(@TempDir Path out) throws Exception {
        var run = CommandLineTest.run("--paradigms", "stand-in", "--exercises", "squares", "--latency", "5",
                "--no-progress", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode results = Json.FILE.readTree(out.resolve("results.json").toFile());

        JsonNode standIn = null;
        for (JsonNode startup : results.get("startups")) {
            if (startup.get("paradigm").asText().equals("stand-in")) {
                standIn = startup;
            }
        }
        assertTrue(standIn != null, "a start-up for the stand-in: " + results.get("startups"));
        assertTrue(standIn.get("keeps").asBoolean(), standIn.toString());
        assertTrue(standIn.get("millis").asDouble() > 0, standIn.toString());
        assertEquals("a pool of 2 threads for squares (start 1 in this JVM)", standIn.get("started").asText());

        JsonNode squares = caseOf(results, "stand-in", "squares");
        int runs = squares.get("warmups").asInt() + squares.get("runs").asInt();
        assertTrue(Files.readString(out.resolve("logs/stand-in.log"))
                        .contains("stand-in: " + runs + " squares calls used the kept pool, 0 started their own"),
                "every run warm, warm-ups included (" + runs + ")");

        for (JsonNode row : results.get("comparisonTable").get("rows")) {
            if (row.get("question").asText().equals("start-up")) {
                for (JsonNode cell : row.get("cells")) {
                    String verdict = cell.get("verdict").asText();
                    if (cell.get("paradigm").asText().equals("stand-in")) {
                        assertTrue(verdict.endsWith(" ms") || verdict.endsWith(" s"), "its start-up time: " + cell);
                        assertTrue(cell.get("figure").asText().contains("a pool of 2 threads"), cell.toString());
                    } else {
                        assertEquals("nothing kept", verdict, "the baseline keeps nothing: " + cell);
                    }
                }
            }
        }
        assertTrue(run.out().contains("start-up"), "the terminal shows the start-up row:\n" + run.out());
    }

    @Test
    void aCrashOrAWrongResultIsReportedAndTheOtherCasesStillRun(@TempDir Path out) throws Exception {
        var run = CommandLineTest.run("--paradigms", "broken", "--exercises", "download,squares", "--latency", "5",
                "--no-progress", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode results = Json.FILE.readTree(out.resolve("results.json").toFile());

        JsonNode crashed = caseOf(results, "broken", "download");
        assertEquals("failed", crashed.get("status").asText());
        assertTrue(crashed.get("reason").asText().contains("exited with code " + BrokenParadigm.CRASH_CODE), crashed.toString());
        assertTrue(crashed.get("reason").asText().contains("ends its JVM now"), "the log's last line is quoted: " + crashed);

        JsonNode wrong = caseOf(results, "broken", "squares");
        assertEquals("wrong", wrong.get("status").asText(), "measured in a fresh child JVM after the crash: " + wrong);
        assertTrue(wrong.get("reason").asText().startsWith("warm-up: sum 0 is"), wrong.toString());
        assertEquals("ok", caseOf(results, "sequential", "squares").get("status").asText());
        assertTrue(Files.readString(out.resolve("logs/broken.log")).contains("the broken paradigm ends its JVM now"));
    }

    /** Without Docker (here: switched off, which takes the same path), blocking is skipped in one line and the rest runs. */
    @Test
    void withoutDockerBlockingIsSkippedInOneLineAndEverythingElseRuns(@TempDir Path out) throws Exception {
        String before = System.getProperty(PostgresFixture.DOCKER_PROPERTY);
        System.setProperty(PostgresFixture.DOCKER_PROPERTY, "off");
        CommandLineTest.Run run;
        try {
            run = CommandLineTest.run("--paradigms", "sequential", "--exercises", "download,blocking", "--latency", "5",
                    "--no-progress", "--out", out.toString());
        } finally {
            if (before == null) {
                System.clearProperty(PostgresFixture.DOCKER_PROPERTY);
            } else {
                System.setProperty(PostgresFixture.DOCKER_PROPERTY, before);
            }
        }
        assertEquals(0, run.code(), run.err());
        List<String> aboutBlocking = run.err().lines().filter(line -> line.contains("blocking")).toList();
        assertEquals(List.of("blocking: skipped — Docker switched off (-Dparadigms.docker=off)"), aboutBlocking,
                "one line, and no Testcontainers noise:\n" + run.err());

        JsonNode results = Json.FILE.readTree(out.resolve("results.json").toFile());
        assertEquals("ok", caseOf(results, "sequential", "download").get("status").asText());
        JsonNode blocking = caseOf(results, "sequential", "blocking");
        assertEquals("skipped", blocking.get("status").asText(), blocking.toString());
        assertEquals("no database (see the notes)", blocking.get("reason").asText(), blocking.toString());
        List<String> notes = new ArrayList<>();
        results.get("notes").forEach(note -> notes.add(note.asText()));
        assertTrue(notes.contains("blocking: skipped — Docker switched off (-Dparadigms.docker=off)"), notes.toString());
        assertTrue(run.out().contains("blocking library calls"), "the comparison table still has the row:\n" + run.out());
    }

    static JsonNode caseOf(JsonNode results, String paradigm, String caseId) {
        for (JsonNode node : results.get("results")) {
            if (node.get("paradigm").asText().equals(paradigm) && node.get("caseId").asText().equals(caseId)) {
                return node;
            }
        }
        throw new AssertionError("no " + paradigm + "/" + caseId + " in " + results.get("results"));
    }

    /** The cells of the first Markdown table row that starts with {@code prefix}. */
    private static List<String> tableRow(String markdown, String prefix) {
        String line = markdown.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + prefix + " in\n" + markdown));
        String inner = line.substring(2, line.length() - 2);
        return List.of(inner.split(" \\| "));
    }

    static void assertPng(Path file) throws IOException {
        assertTrue(Files.size(file) > 1_000, file + " is a picture");
        byte[] head = new byte[4];
        try (var in = Files.newInputStream(file)) {
            assertEquals(4, in.read(head));
        }
        assertArrayEquals(PNG_MAGIC, head, file + " starts like a PNG");
    }
}
