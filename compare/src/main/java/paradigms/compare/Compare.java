package paradigms.compare;

import paradigms.common.Exercise;
import paradigms.common.Paradigm;
import paradigms.common.Paradigms;
import paradigms.compare.bench.Benchmarks;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The main job: every exercise under every paradigm on the class path, side by side.
 *
 * <p>Run it with {@code ./mvnw -q -pl compare -am package exec:java@compare -DskipTests}, options with
 * {@code -Dexec.args="--exercises download,squares --paradigms threading"}.
 *
 * <p>Paradigms are found only through {@link Paradigms#all()} (a {@code ServiceLoader}): a
 * chapter is compared as soon as its jar is on this module's class path, and compare names
 * none of their classes. Bad options end with one line on standard error and exit code 2,
 * never a stack trace.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, version = "compare 1.0-SNAPSHOT", sortOptions = false,
        description = "Runs every exercise under every paradigm on the class path, each paradigm in a child JVM of its own, "
                + "against a local web server (with latency) and PostgreSQL (if Docker answers), and writes a report.")
public final class Compare implements Callable<Integer> {

    static final long DEFAULT_LATENCY_MILLIS = 50;

    @Option(names = "--exercises", split = ",", paramLabel = "NAME", converter = ExerciseConverter.class,
            completionCandidates = ExerciseNames.class,
            description = "Exercises to run, comma-separated (default: all): ${COMPLETION-CANDIDATES}.")
    private List<Exercise> exercises;

    @Option(names = "--paradigms", split = ",", paramLabel = "NAME",
            description = "Paradigms to compare, comma-separated (default: every one on the class path). "
                    + "The sequential baseline is always added.")
    private List<String> paradigms;

    @ArgGroup(exclusive = true)
    private ModeChoice mode;

    static final class ModeChoice {
        @Option(names = "--quick", description = "Few repeats, small inputs: a few minutes on 2 cores (the default).")
        boolean quick;

        @Option(names = "--full", description = "More repeats, larger inputs, 1,000,000 requests with 1,000 in flight, "
                + "and up to 1,000,000 waiting tasks.")
        boolean full;

        @Option(names = "--reference", description = "Measures every figure the READMEs quote in one run (the quick plan's cases, "
                + "every --bench benchmark, the JMH benchmarks), writes results/reference.json, results/README.md and the "
                + "pictures, and fills every README's figure blocks. About a quarter of an hour on 2 cores.")
        boolean reference;

        @Option(names = "--readmes", description = "Fills every README's figure blocks from the committed results/reference.json; "
                + "measures nothing.")
        boolean readmes;
    }

    @Option(names = "--root", paramLabel = "DIR", hidden = true,
            description = "The repository's root, for --reference and --readmes (default: found from the working folder).")
    private Path root;

    @Option(names = "--reference-from", paramLabel = "DIR", hidden = true,
            description = "Builds results/ from an earlier run's output folder (results.json with its benchmarks, "
                    + "jmh-results.json) without measuring, and fills the READMEs: for a change of the key scheme.")
    private Path referenceFrom;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "compare-output",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--latency", paramLabel = "MS", defaultValue = "" + DEFAULT_LATENCY_MILLIS,
            description = "The web server's latency per answer, in milliseconds (default: ${DEFAULT-VALUE}).")
    private long latencyMillis;

    @Option(names = "--bench", split = ",", paramLabel = "NAME",
            description = "Instead of the exercises, run benchmarks of compare's harness (comma-separated), "
                    + "their figures into results.json under \"benchmarks\" (see compare/README.md): ${COMPLETION-CANDIDATES}.",
            completionCandidates = BenchNames.class)
    private List<String> benches;

    @Option(names = "--no-progress", description = "One line per finished case instead of a progress bar (for logs).")
    private boolean noProgress;

    @Spec
    private CommandSpec spec;

    private final PrintStream stdout;
    private final PrintStream stderr;

    private Compare(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static void main(String[] args) {
        int code = execute(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Parses {@code args} and runs; returns the exit code (0 done, 1 the run failed, 2 bad options). */
    static int execute(String[] args, PrintStream stdout, PrintStream stderr) {
        // Charts are drawn off-screen: no display is needed, or wanted, on a build machine.
        System.setProperty("java.awt.headless", "true");
        // Testcontainers logs through SLF4J; its start-up chatter would bury the progress bar.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        quietDocker();
        var commandLine = new CommandLine(new Compare(stdout, stderr));
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        commandLine.setParameterExceptionHandler((problem, arguments) -> {
            stderr.println("compare: " + firstLine(problem.getMessage()) + " (see --help)");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((problem, command, parsed) -> {
            stderr.println("compare: failed: " + CaseRunner.describe(problem));
            return 1;
        });
        return commandLine.execute(args);
    }

    /**
     * Testcontainers and its docker-java log every Docker strategy they tried, every failed pull
     * and every callback error, stack traces included (SLF4J; slf4j-simple here, configured by
     * system properties read when each logger is made). For what compare expects — no Docker, no
     * image, no registry — it says what happened and what to do in one line instead
     * ({@link CompareRun}), so their loggers are off. To see them anyway:
     * {@code -Dorg.slf4j.simpleLogger.log.org.testcontainers=info} (and {@code .com.github.dockerjava}, {@code .tc}).
     */
    static void quietDocker() {
        for (String logger : List.of("org.testcontainers", "com.github.dockerjava", "tc")) {
            String property = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "off");
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (benches != null && !benches.isEmpty()) {
            List<String> unknown = benches.stream().filter(b -> !Benchmarks.names().contains(b)).toList();
            if (!unknown.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "unknown benchmark \"" + unknown.getFirst() + "\" (known: "
                        + String.join(", ", Benchmarks.names()) + ")");
            }
            Benchmarks.run(benches, mode != null && mode.full, paradigms == null ? List.of() : paradigms,
                    out, List.copyOf(spec.commandLine().getParseResult().originalArgs()), stdout);
            return 0;
        }
        if (referenceFrom != null) {
            ReferenceRun.fillReadmes(repositoryRoot(), ReferenceRun.build(referenceFrom, repositoryRoot()), stdout);
            return 0;
        }
        if (mode != null && mode.readmes) {
            return readmes();
        }
        if (mode != null && mode.reference) {
            ReferenceRun.run(options(), repositoryRoot(), stdout, stderr);
            return 0;
        }
        new CompareRun(options(), stdout, stderr).run();
        return 0;
    }

    /** {@code --readmes}: one line on standard error for a README it cannot fill, naming the file, the line and the key. */
    private int readmes() throws java.io.IOException {
        try {
            ReferenceRun.fillReadmes(repositoryRoot(), stdout);
            return 0;
        } catch (ReferenceRun.ReadmeProblem | IllegalStateException | java.io.UncheckedIOException problem) {
            stderr.println("compare: " + problem.getMessage());
            return 1;
        }
    }

    private Path repositoryRoot() {
        return root != null ? root : ReadmeBlocks.root(Path.of(""));
    }

    /** Parses {@code args} into checked options without running anything (for tests). */
    static CompareRun.Options parse(String... args) {
        var compare = new Compare(System.out, System.err);
        new CommandLine(compare).parseArgs(args);
        return compare.options();
    }

    /** The options, checked; a {@link ParameterException} (one line) says what is wrong. */
    private CompareRun.Options options() {
        if (latencyMillis < 1 || latencyMillis > 10_000) {
            throw new ParameterException(spec.commandLine(), "--latency must be between 1 and 10000 ms, was " + latencyMillis);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is a file, not a folder");
        }
        List<String> notes = new ArrayList<>();
        return new CompareRun.Options(
                mode != null && mode.full ? Mode.FULL : mode != null && mode.reference ? Mode.REFERENCE : Mode.QUICK,
                Duration.ofMillis(latencyMillis),
                exercises == null || exercises.isEmpty() ? EnumSet.allOf(Exercise.class) : EnumSet.copyOf(exercises),
                chosenParadigms(notes),
                out,
                !noProgress,
                notes,
                List.copyOf(spec.commandLine().getParseResult().originalArgs()));
    }

    /** The paradigms asked for, checked against the class path, the baseline added, in reading order. */
    private List<ParadigmInfo> chosenParadigms(List<String> notes) {
        List<Paradigm> available = Paradigms.all();
        List<String> names = available.stream().map(Paradigm::name).toList();
        List<String> wanted = new ArrayList<>();
        if (paradigms == null || paradigms.isEmpty()) {
            wanted.addAll(names);
        } else {
            for (String name : paradigms) {
                String trimmed = name.strip();
                if (!names.contains(trimmed)) {
                    throw new ParameterException(spec.commandLine(), notAvailable(trimmed, names));
                }
                if (!wanted.contains(trimmed)) {
                    wanted.add(trimmed);
                }
            }
        }
        if (!wanted.contains(Summaries.BASELINE) && names.contains(Summaries.BASELINE)) {
            wanted.add(Summaries.BASELINE);
            notes.add("sequential was added: it is the baseline every speedup is measured against");
        }
        return available.stream()
                .filter(p -> wanted.contains(p.name()))
                .map(ParadigmInfo::of)
                .sorted((a, b) -> ParadigmInfo.ORDER.compare(a.name(), b.name()))
                .toList();
    }

    private static String notAvailable(String name, List<String> available) {
        if (ParadigmInfo.READING_ORDER.contains(name)) {
            return "paradigm \"" + name + "\" is not on compare's class path (add its module as a dependency of compare); available: "
                    + String.join(", ", available);
        }
        return "unknown paradigm \"" + name + "\"; available: " + String.join(", ", available);
    }

    private static String firstLine(String message) {
        return message == null ? "bad options" : message.lines().findFirst().orElse(message);
    }

    /** The benchmark names, for {@code --help}. */
    static final class BenchNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Benchmarks.names().iterator();
        }
    }

    /** The exercises' names for the help text, from the one list in {@code common}. */
    static final class ExerciseNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Exercise.ids().iterator();
        }
    }

    /** Turns "download" into {@link Exercise#DOWNLOAD}, with a message that lists the known names. */
    static final class ExerciseConverter implements CommandLine.ITypeConverter<Exercise> {
        @Override
        public Exercise convert(String value) {
            try {
                return Exercise.byId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
