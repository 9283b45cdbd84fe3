package paradigms.compare;

import org.testcontainers.DockerClientFactory;
import paradigms.common.Claim;
import paradigms.common.blocking.Database;
import paradigms.common.db.PostgresFixture;
import paradigms.common.server.LocalWebServer;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One run of compare, in the parent JVM: starts the fixtures, measures each paradigm in a
 * child JVM of its own, one paradigm after another (never two at once: they would share the
 * 2 cores), then summarizes and writes the report.
 *
 * <p>Order of events: PostgreSQL first (if the blocking exercise is chosen), so that its
 * start-up does not disturb a measurement; then the web server; then the paradigms in the
 * course's reading order, the sequential baseline first.
 */
final class CompareRun {

    /** What the command line asked for, checked. */
    record Options(Mode mode, Duration latency, Set<Exercise> exercises, List<ParadigmInfo> paradigms, Path out,
                   boolean progressBar, List<String> notes, List<String> arguments) {
    }

    private final Options options;
    private final PrintStream out;
    private final PrintStream err;

    CompareRun(Options options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    Results run() throws IOException, InterruptedException {
        Instant started = Instant.now();
        double loadBefore = loadAverage();
        Plan plan = Plan.of(options.mode(), options.latency());
        List<Workload> cases = plan.forExercises(options.exercises());
        List<String> notes = new ArrayList<>(options.notes());
        Path logs = Files.createDirectories(options.out().resolve("logs"));
        clearOldLogs(logs);

        PostgresFixture postgres = cases.stream().anyMatch(w -> w instanceof BlockingWorkload) ? startPostgres(notes) : null;
        Database database = postgres == null ? null : postgres.database();
        List<ChildJvm.Collected> collected = new ArrayList<>();
        try (var server = LocalWebServer.builder().latency(options.latency()).site(plan.crawl().site()).start();
             var progress = progress(cases);
             var children = new ChildJvm(plan, server, database, logs, progress, notes)) {
            for (ParadigmInfo paradigm : options.paradigms()) {
                List<Workload> runnable = new ArrayList<>();
                List<CaseResult> skipped = new ArrayList<>();
                for (Workload workload : cases) {
                    String why = whyNot(workload, paradigm, database);
                    if (why == null) {
                        runnable.add(workload);
                    } else {
                        CaseResult result = CaseResult.notRun(paradigm.name(), workload.id(), CaseResult.Status.SKIPPED, why);
                        skipped.add(result);
                        progress.caseDone(result, workload.repeats().mostRuns());
                    }
                }
                List<ChildJvm.Collected> measured = runnable.isEmpty() ? List.of() : children.run(paradigm.name(), runnable);
                // Back in plan order, so every table lists cases the same way.
                for (Workload workload : cases) {
                    Stream.concat(measured.stream(), skipped.stream().map(r -> new ChildJvm.Collected(r, List.of())))
                            .filter(c -> c.result().caseId().equals(workload.id()))
                            .findFirst().ifPresent(collected::add);
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }

        int cores = Runtime.getRuntime().availableProcessors();
        List<CaseSummary> summaries = Summaries.summarize(plan, collected.stream().map(ChildJvm.Collected::result).toList(), cores);
        var machine = new Results.Machine(cores,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")",
                "-Xmx" + plan.childMaxHeap(), loadBefore, loadAverage(), started.truncatedTo(ChronoUnit.SECONDS).toString(),
                Duration.between(started, Instant.now()).toMillis() / 1e3);
        var settings = new Results.Settings(options.arguments(), options.mode().cliName(), options.latency().toMillis(),
                options.exercises().stream().sorted().map(Exercise::cliName).toList(),
                options.paradigms().stream().map(ParadigmInfo::name).toList());
        var results = new Results(machine, settings, options.paradigms(), cases.stream().map(Results.CaseInfo::of).toList(),
                summaries, SeedTable.build(options.paradigms(), summaries, options.exercises(), plan, cores),
                Headline.of(summaries, plan), notes);
        var report = new Report(results, collected, plan, options.out());
        report.writeFiles();
        report.printTerminal(out);
        return results;
    }

    /** Why a case is not run for a paradigm, or null when it is. */
    private String whyNot(Workload workload, ParadigmInfo paradigm, Database database) {
        if (workload instanceof BlockingWorkload && database == null) {
            return "no database (see the notes)";
        }
        if (workload.needsConcurrentWaiting() && !paradigm.claims(Claim.WAITS_CONCURRENTLY)) {
            var download = (DownloadWorkload) workload;
            return paradigm.name() + " does not claim WAITS_CONCURRENTLY: " + Format.count(download.count())
                    + " requests one at a time would take " + Format.millis(download.latency().toMillis() * (double) download.count());
        }
        return null;
    }

    /** Starts PostgreSQL, or says in one line why the blocking exercise is skipped. */
    private PostgresFixture startPostgres(List<String> notes) {
        var unavailable = PostgresFixture.whyUnavailable();
        if (unavailable.isPresent()) {
            String line = "blocking: skipped, " + unavailable.get();
            err.println(line);
            notes.add(line);
            return null;
        }
        String image = PostgresFixture.image();
        if (!isLocal(image)) {
            err.println("the PostgreSQL image " + image + " is not on this machine: Testcontainers pulls it first. Without a"
                    + " container registry: bash .ci/build-images; export PARADIGMS_POSTGRES_IMAGE=paradigms/postgres:15-local");
        }
        err.println("starting PostgreSQL (" + image + ") for the blocking exercise …");
        try {
            return PostgresFixture.start();
        } catch (RuntimeException e) {
            String line = "blocking: skipped, PostgreSQL did not start: " + CaseRunner.describe(e);
            err.println(line);
            notes.add(line);
            return null;
        }
    }

    /** Whether Docker has the image already; pulling one can take minutes, or fail after minutes without a registry. */
    private static boolean isLocal(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException notThere) {
            return false;
        }
    }

    private Progress progress(List<Workload> cases) {
        if (!options.progressBar()) {
            return Progress.lines(out);
        }
        long runsPerParadigm = cases.stream().mapToLong(w -> w.repeats().mostRuns()).sum();
        return Progress.bar(runsPerParadigm * options.paradigms().size(), err);
    }

    private static void clearOldLogs(Path logs) throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                Files.delete(file);
            }
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
