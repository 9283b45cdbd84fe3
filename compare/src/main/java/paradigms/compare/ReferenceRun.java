package paradigms.compare;

import com.fasterxml.jackson.databind.JsonNode;
import paradigms.common.ClassPath;
import paradigms.compare.bench.Benchmarks;
import paradigms.compare.jmh.RunJmh;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code compare --reference}: measures, in one run of one command, every figure the READMEs
 * quote — the main job's cases, the {@code --bench} benchmarks and the JMH benchmarks (in a JVM
 * of their own) — and writes {@code results/reference.json}, its rendering
 * {@code results/README.md} and the pictures beside them; then fills every README's blocks.
 *
 * <p>Order of events: the cases (each paradigm in its child JVM, as always), then the
 * benchmarks, then JMH — one thing at a time, so that none measures while another loads the
 * cores. The reference is built from the files the run wrote into its output folder
 * ({@code results.json}, {@code jmh-results.json}), so a run can be re-rendered without measuring
 * again ({@link #build}).
 *
 * <p>{@code compare --readmes} ({@link #fillReadmes}) does only the last step, from the committed file.
 */
final class ReferenceRun {

    /**
     * JMH's short settings for the reference: one fork, one warm-up iteration and two measured ones of
     * a second each. Enough for nanosecond figures whose differences are an order of magnitude;
     * {@code exec:java@jmh} with JMH's own options measures more carefully.
     */
    static final List<String> JMH_ARGUMENTS = List.of("-f", "1", "-wi", "1", "-w", "1", "-i", "2", "-r", "1");
    static final String JMH_SETTINGS = "1 fork, 1 warm-up iteration and 2 measured iterations of 1 s";
    static final String JMH_RESULT = "jmh-results.json";

    /** The pictures of the run the READMEs show, copied into {@code results/}: the charts, and these timelines. */
    static final List<String> TIMELINES = List.of("download-in-flight.png", "sequential-exhibition-master.png",
            "threading-exhibition-master.png");
    static final String PIPELINE_BUFFER = "-pipeline-buffer.png";

    private ReferenceRun() {
    }

    /** Measures everything into {@code options.out()}, then writes the reference into {@code root} and fills the READMEs. */
    static Reference run(CompareRun.Options options, Path root, PrintStream out, PrintStream err) throws Exception {
        // The benchmarks write beside the main job's results.json; an older one would lend them its figures.
        Files.deleteIfExists(options.out().resolve(JMH_RESULT));
        new CompareRun(options, out, err).run();
        Benchmarks.run(Benchmarks.names(), false, List.of(), options.out(), options.arguments(), out);
        runJmh(options.out(), out);
        Reference reference = build(options.out(), root);
        fillReadmes(root, reference, out);
        return reference;
    }

    /** The README command that makes this reference again. */
    static String command(List<String> arguments) {
        // A progress bar and the repository's place change no figure.
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            if (a.equals("--root")) {
                i++;
            } else if (!a.equals("--no-progress") && !a.startsWith("--root=")) {
                kept.add(a);
            }
        }
        return "./mvnw -q -pl compare -am package exec:java@compare -DskipTests -Dexec.args=\"" + String.join(" ", kept) + "\"";
    }

    /** JMH, in a JVM of its own (it forks its own JVMs for each benchmark, too); its lines go to a log. */
    static void runJmh(Path outDir, PrintStream out) throws IOException, InterruptedException {
        Path log = Files.createDirectories(outDir.resolve("logs")).resolve("jmh.log");
        List<String> command = new ArrayList<>(List.of(ClassPath.javaLauncher(), "-cp", ClassPath.current(), RunJmh.class.getName()));
        command.addAll(JMH_ARGUMENTS);
        command.addAll(List.of("-rf", "json", "-rff", outDir.resolve(JMH_RESULT).toAbsolutePath().toString()));
        out.printf("%n== jmh: %s (log: %s)%n", JMH_SETTINGS, log);
        Process jmh = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!jmh.waitFor(20, TimeUnit.MINUTES) || jmh.exitValue() != 0) {
                throw new IllegalStateException("the JMH benchmarks did not finish cleanly (see " + log + ")");
            }
        } finally {
            jmh.destroyForcibly();
        }
    }

    /**
     * Builds the reference from a run's output folder and writes it, its rendering and its
     * pictures into {@code root/results/}.
     */
    static Reference build(Path outDir, Path root) throws IOException {
        JsonNode tree = Json.FILE.readTree(outDir.resolve(Report.RESULTS).toFile());
        Results results = Json.FILE.treeToValue(tree, Results.class);
        List<String> arguments = results.settings().arguments();
        String command = command(arguments);
        // Only a --reference run is the reference; anything else is a trial, and says so.
        String mode = arguments.contains("--reference") ? "reference: the quick plan's cases, a million requests and a million waiting tasks once each, every --bench benchmark, JMH"
                : "trial: a " + results.settings().mode() + " run with --bench and JMH, not a --reference run";
        var keys = new FigureKeys();
        keys.mainJob(results);
        keys.benchmarks(tree.get(Benchmarks.KEY));
        Path jmh = outDir.resolve(JMH_RESULT);
        if (Files.exists(jmh)) {
            keys.jmh(Json.FILE.readTree(jmh.toFile()), JMH_SETTINGS);
        }
        keys.quoted();

        Path folder = Files.createDirectories(root.resolve(Reference.FOLDER));
        List<String> pictures = new ArrayList<>();
        for (Charts.Chart chart : Charts.ALL) {
            pictures.addAll(copy(outDir.resolve("charts").resolve(chart.file()), folder));
        }
        for (String timeline : TIMELINES) {
            pictures.addAll(copy(outDir.resolve("timelines").resolve(timeline), folder));
        }
        // The --bench charts, where the run drew them.
        for (String chart : Benchmarks.charts()) {
            pictures.addAll(copy(outDir.resolve("charts").resolve(chart), folder));
        }
        // Each paradigm's pipeline buffer over time and its task lives in the resume case, where the run drew them.
        if (Files.isDirectory(outDir.resolve("timelines"))) {
            try (var files = Files.list(outDir.resolve("timelines"))) {
                for (Path picture : files.filter(f -> f.getFileName().toString().endsWith(PIPELINE_BUFFER)
                        || f.getFileName().toString().endsWith(Report.RESUME_LIFE)).sorted().toList()) {
                    pictures.addAll(copy(picture, folder));
                }
            }
        }
        var machine = new Reference.Machine(results.machine().cores(), memory(), results.machine().os(), results.machine().java());
        // The day the cases were measured (the run's start, UTC), not the day the file was rebuilt.
        String day = results.machine().startedAt().length() >= 10 ? results.machine().startedAt().substring(0, 10)
                : LocalDate.now(ZoneOffset.UTC).toString();
        var reference = new Reference(mode, command, day, machine, keys.figures(),
                keys.tables(), pictures, results.notes());
        reference.write(folder.resolve(Reference.FILE));
        Files.writeString(folder.resolve(Reference.MARKDOWN), ReferenceMarkdown.render(reference));
        return reference;
    }

    private static List<String> copy(Path picture, Path folder) throws IOException {
        if (!Files.exists(picture)) {
            return List.of();
        }
        Files.copy(picture, folder.resolve(picture.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return List.of(picture.getFileName().toString());
    }

    private static String memory() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%.1f GiB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
    }

    /**
     * {@code compare --readmes}: fills every README's blocks from {@code root/results/reference.json},
     * writes the files that changed and names them.
     *
     * @throws ReadmeProblem for an unknown key or a malformed block, naming the file and line
     */
    static List<Path> fillReadmes(Path root, PrintStream out) throws IOException {
        Path file = root.resolve(Reference.FOLDER).resolve(Reference.FILE);
        if (!Files.exists(file)) {
            throw new ReadmeProblem("no " + root.relativize(file) + " yet: run --reference first");
        }
        return fillReadmes(root, Reference.read(file), out);
    }

    static List<Path> fillReadmes(Path root, Reference reference, PrintStream out) throws IOException {
        // Every file is checked before any is written: an unknown key leaves every README as it was.
        List<Path> readmes = ReadmeBlocks.readmes(root);
        List<String> filled = new ArrayList<>();
        for (Path readme : readmes) {
            String text = Files.readString(readme);
            try {
                filled.add(ReadmeBlocks.fill(text, reference));
            } catch (ReadmeBlocks.UnknownKey | ReadmeBlocks.Malformed problem) {
                throw new ReadmeProblem(root.relativize(readme) + ":" + problem.getMessage().substring("line ".length()));
            }
        }
        List<Path> changed = new ArrayList<>();
        for (int i = 0; i < readmes.size(); i++) {
            if (!filled.get(i).equals(Files.readString(readmes.get(i)))) {
                Files.writeString(readmes.get(i), filled.get(i));
                changed.add(readmes.get(i));
            }
        }
        if (changed.isEmpty()) {
            out.println("every README's figures already match " + Reference.FOLDER + "/" + Reference.FILE);
        }
        changed.forEach(p -> out.println("filled " + root.relativize(p)));
        return changed;
    }

    /** A README the fill cannot handle: one line that names the file, the line and the key. */
    static final class ReadmeProblem extends IllegalArgumentException {
        ReadmeProblem(String message) {
            super(message);
        }
    }
}
