package paradigms.compare;

import paradigms.common.Exercise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line: what the options mean, and that a bad option ends with one line that says
 * what is wrong — never a stack trace. (The test class path holds two extra paradigms,
 * "stand-in" and "broken", registered for compare's own tests.)
 */
@Timeout(30)
class CommandLineTest {

    @Test
    void withoutOptionsEveryExerciseAndEveryParadigmRunQuickly() {
        CompareRun.Options options = Compare.parse();
        assertAll(
                () -> assertEquals(Mode.QUICK, options.mode()),
                () -> assertEquals(EnumSet.allOf(Exercise.class), options.exercises()),
                () -> assertEquals(Path.of("compare-output"), options.out()),
                () -> assertEquals(Duration.ofMillis(50), options.latency()),
                () -> assertTrue(options.progressBar()),
                () -> assertEquals(expectedOrder(),
                        options.paradigms().stream().map(ParadigmInfo::name).toList(),
                        "the baseline first, then the course's reading order, then unknown names alphabetically"));
    }

    @Test
    void optionsChooseExercisesParadigmsModeFolderAndLatency() {
        CompareRun.Options options = Compare.parse("--exercises", "squares,download", "--paradigms", "stand-in",
                "--full", "--out", "elsewhere", "--latency", "20", "--no-progress");
        assertAll(
                () -> assertEquals(Mode.FULL, options.mode()),
                () -> assertEquals(EnumSet.of(Exercise.DOWNLOAD, Exercise.SQUARES), options.exercises()),
                () -> assertEquals(Path.of("elsewhere"), options.out()),
                () -> assertEquals(Duration.ofMillis(20), options.latency()),
                () -> assertFalse(options.progressBar()));
    }

    @Test
    void theReferencePlanIsTheQuickCasesPlusBothHeadlinesOnceEach() {
        assertEquals(Mode.REFERENCE, Compare.parse("--reference").mode());
        Plan reference = Plan.of(Mode.REFERENCE, Duration.ofMillis(50));
        Plan quick = Plan.of(Mode.QUICK, Duration.ofMillis(50));
        var million = (DownloadWorkload) reference.byId("download-million");
        var waiters = (WaitersWorkload) reference.byId("waiters");
        assertAll(
                () -> assertEquals(1_000_000, million.count()),
                () -> assertEquals(1, million.repeats().mostRuns(), "a headline runs once"),
                () -> assertEquals(WaitersWorkload.MOST_FULL, waiters.maxTasks()),
                () -> assertEquals(1, waiters.repeats().mostRuns()),
                () -> assertEquals("8g", reference.childMaxHeap(), "room for a million waiting tasks"),
                () -> assertEquals(((DownloadWorkload) quick.byId("download")).count(), ((DownloadWorkload) reference.byId("download")).count()),
                () -> assertEquals(quick.workloads().size() + 1, reference.workloads().size(), "the quick cases and the million requests"));
    }

    @Test
    void theScalabilitySharedStateAndCancellationExercisesCanBeChosenByName() {
        CompareRun.Options options = Compare.parse("--exercises", "waiters,counter,deadline");
        assertEquals(EnumSet.of(Exercise.WAITERS, Exercise.COUNTER, Exercise.DEADLINE), options.exercises());
        List<String> cases = Plan.of(Mode.QUICK, Duration.ofMillis(50)).forExercises(options.exercises()).stream()
                .map(Workload::id).toList();
        assertEquals(List.of("counter", "deadline-fail-fast", "deadline-passes", "waiters"), cases,
                "deadline is two cases; waiters comes last, in a child JVM of its own");
    }

    @Test
    void waitersTriesTenThousandTasksQuicklyAndAMillionInFullEachInAJvmOfItsOwn() {
        var quick = (WaitersWorkload) Plan.of(Mode.QUICK, Duration.ofMillis(50)).byId("waiters");
        var full = (WaitersWorkload) Plan.of(Mode.FULL, Duration.ofMillis(50)).byId("waiters");
        assertEquals(10_000, quick.maxTasks());
        assertEquals(1_000_000, full.maxTasks());
        assertTrue(quick.ownJvm() && full.ownJvm());
        assertEquals("8g", Plan.of(Mode.FULL, Duration.ofMillis(50)).childMaxHeap(), "room for a million waiting tasks");
    }

    @Test
    void theSequentialBaselineIsAlwaysAddedAndTheReportSaysSo() {
        CompareRun.Options options = Compare.parse("--paradigms", "stand-in");
        assertEquals(List.of("sequential", "stand-in"), options.paradigms().stream().map(ParadigmInfo::name).toList());
        assertTrue(options.notes().stream().anyMatch(n -> n.contains("sequential was added")), options.notes().toString());
    }

    /** The course's chapters in reading order; which of them are on the class path depends on the build. */
    private static final List<String> READING_ORDER =
            List.of("threading", "multiprocessing", "callbacks", "generators", "async-await", "greenlets");

    private static List<String> present() {
        return paradigms.common.Paradigms.all().stream().map(paradigms.common.Paradigm::name).toList();
    }

    private static List<String> expectedOrder() {
        var order = new java.util.ArrayList<String>();
        order.add("sequential");
        READING_ORDER.stream().filter(present()::contains).forEach(order::add);
        order.addAll(List.of("broken", "stand-in"));
        return order;
    }

    static Stream<Arguments> badOptions() {
        // A chapter of the course that this build did not put on the class path, if any.
        var absent = READING_ORDER.stream().filter(name -> !present().contains(name))
                .map(name -> Arguments.of(List.of("--paradigms", name), "\"" + name + "\" is not on compare's class path"));
        var available = String.join(", ", present().stream().sorted().toList());
        return Stream.concat(absent, Stream.of(
                Arguments.of(List.of("--exercises", "download,nope"), "unknown exercise \"nope\" (known: " + String.join(", ", Exercise.ids()) + ")"),
                Arguments.of(List.of("--quick", "--full"), "mutually exclusive"),
                Arguments.of(List.of("--reference", "--readmes"), "mutually exclusive"),
                Arguments.of(List.of("--paradigms", "nope"), "unknown paradigm \"nope\"; available: " + available),
                Arguments.of(List.of("--latency", "0"), "--latency must be between 1 and 10000 ms, was 0"),
                Arguments.of(List.of("--latency", "soon"), "'soon' is not a long"),
                Arguments.of(List.of("--frobnicate"), "Unknown option: '--frobnicate'"),
                Arguments.of(List.of("--exercises"), "Missing required parameter")));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void aBadOptionEndsWithOneLineThatSaysWhatIsWrongAndExitCode2(List<String> args, String expected) {
        var run = run(args.toArray(String[]::new));
        assertEquals(2, run.code(), run.err());
        assertOneLineError(run.err(), expected);
    }

    @Test
    void anOutFolderThatIsAFileIsRefused(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("taken"), "not a folder");
        var run = run("--out", file.toString());
        assertEquals(2, run.code());
        assertOneLineError(run.err(), "is a file, not a folder");
    }

    @Test
    void helpListsTheOptionsAndExitsCleanly() {
        var run = run("--help");
        assertEquals(0, run.code());
        for (String option : List.of("--exercises", "--paradigms", "--quick", "--full", "--out", "--latency", "--no-progress")) {
            assertTrue(run.out().contains(option), "help mentions " + option + ":\n" + run.out());
        }
        for (Exercise exercise : Exercise.values()) {
            assertTrue(run.out().contains(exercise.id()), "help names the exercise " + exercise.id() + ":\n" + run.out());
        }
    }

    private static void assertOneLineError(String err, String expected) {
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), "exactly one line on standard error:\n" + err);
        assertTrue(lines.getFirst().startsWith("compare: "), err);
        assertTrue(lines.getFirst().contains(expected), "expected \"" + expected + "\" in: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Compare.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
