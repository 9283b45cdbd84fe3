package paradigms.compare.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import paradigms.common.DelegatingParadigm;
import paradigms.common.resume.ResumeExercise;
import paradigms.common.sequential.SequentialParadigm;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --bench ready-queue}: a paradigm without a resume exercise is skipped with one line; the others are measured and drawn. */
@Timeout(30)
class ReadyQueueTest {

    /** A chapter whose resume() is not written yet. */
    private static final DelegatingParadigm UNWRITTEN = new DelegatingParadigm(new SequentialParadigm()) {
        @Override
        public String name() {
            return "unwritten";
        }

        @Override
        public ResumeExercise resume() {
            throw new UnsupportedOperationException("resume is not written yet");
        }
    };

    @Test
    void aParadigmWhoseResumeThrowsIsSkippedWithOneLineAndTheOthersMeasured(@TempDir Path out) throws Exception {
        var printed = new ByteArrayOutputStream();
        ReadyQueue.Figures figures = ReadyQueue.measure(List.of(UNWRITTEN, new SequentialParadigm()), List.of(2, 4),
                Duration.ofMillis(5), Duration.ofNanos(100_000), new Policy(0, 1), new PrintStream(printed, true, StandardCharsets.UTF_8));
        List<String> skipLines = printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("skipped")).toList();

        assertEquals(List.of("  unwritten skipped: its resume() throws UnsupportedOperationException: resume is not written yet"), skipLines);
        assertEquals(List.of("sequential"), figures.paradigms().stream().map(ReadyQueue.PerParadigm::paradigm).toList());
        assertEquals(1, figures.skipped().size());
        ReadyQueue.PerParadigm sequential = figures.paradigms().getFirst();
        assertTrue(sequential.p99At100Micros() >= 0 && sequential.p99At10000Micros() >= 0, sequential.toString());

        Path chart = out.resolve(ReadyQueue.CHART);
        ReadyQueue.writeChart(figures, chart);
        assertTrue(Files.size(chart) > 0);
    }

    @Test
    void itIsABenchmarkOfTheHarnessWithCamelCaseKeys() {
        assertTrue(Benchmarks.names().contains("ready-queue"));
        assertEquals("readyQueue", new ReadyQueue().figureKey());
        assertEquals(List.of(ReadyQueue.CHART), Benchmarks.charts());
    }
}
