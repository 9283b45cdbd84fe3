package paradigms.compare;

import paradigms.common.Exercise;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.TestcontainersConfiguration;
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
import java.util.Optional;
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
        List<Startup> startups = new ArrayList<>();
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
            startups.addAll(children.startups());
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
                options.exercises().stream().sorted().map(Exercise::id).toList(),
                options.paradigms().stream().map(ParadigmInfo::name).toList());
        var results = new Results(machine, settings, options.paradigms(), cases.stream().map(Results.CaseInfo::of).toList(),
                summaries, startups, ComparisonTable.build(options.paradigms(), summaries, startups, options.exercises(), plan, cores),
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
        if (workload instanceof ResumeWorkload resume && !paradigm.claims(Claim.WAITS_CONCURRENTLY)) {
            return paradigm.name() + " does not claim WAITS_CONCURRENTLY: its sleepers run one after another, nothing beside them, so"
                    + " there is no ready queue to measure (and " + Format.count(resume.sleepers()) + " sleeps in a row would take "
                    + Format.millis(resume.sleepers() * (double) resume.sleep().toMillis()) + " a call)";
        }
        if (workload.needsConcurrentWaiting() && !paradigm.claims(Claim.WAITS_CONCURRENTLY)) {
            var download = (DownloadWorkload) workload;
            return paradigm.name() + " does not claim WAITS_CONCURRENTLY: " + Format.count(download.count())
                    + " requests one at a time would take " + Format.millis(download.latency().toMillis() * (double) download.count());
        }
        if (options.mode() == Mode.REFERENCE && workload instanceof DownloadWorkload download && workload.needsConcurrentWaiting()
                && paradigm.waitingCapacity() != null && paradigm.waitingCapacity() < download.maxInFlight()) {
            // The reference must fit in about twenty minutes; --full measures this cell.
            double millis = Math.ceilDiv(download.count(), paradigm.waitingCapacity()) * (double) download.latency().toMillis();
            return paradigm.name() + " declares room for " + Format.count(paradigm.waitingCapacity()) + " waiting tasks, fewer than the "
                    + Format.count(download.maxInFlight()) + " in flight allowed: " + Format.count(download.count())
                    + " requests would take about " + Format.millis(millis) + " (not in --reference; --full measures it)";
        }
        return null;
    }

    /** Starts PostgreSQL, or says in one line why the blocking exercise is skipped and what to do. */
    private PostgresFixture startPostgres(List<String> notes) {
        var unavailable = whyNoDatabase();
        if (unavailable.isPresent()) {
            return skipBlocking(notes, unavailable.get());
        }
        String image = PostgresFixture.image();
        err.println("starting PostgreSQL (" + image + ") for the blocking exercise …");
        try {
            return PostgresFixture.start();
        } catch (RuntimeException e) {
            return skipBlocking(notes, "PostgreSQL did not start: " + CaseRunner.describe(e));
        }
    }

    private PostgresFixture skipBlocking(List<String> notes, String why) {
        String line = "blocking: skipped — " + why;
        err.println(line);
        notes.add(line);
        return null;
    }

    /**
     * Why PostgreSQL cannot start here, in one line that says what to do; empty when it can.
     * Checked before Testcontainers is asked for anything that starts a container: every image it
     * needs must be on this machine already, because an image that is not makes it try to pull
     * it — for minutes, and in vain without a registry. Besides PostgreSQL's own image,
     * Testcontainers needs its clean-up container (Ryuk) unless that is disabled — even asking
     * it whether Docker is available starts one — and, inside a container (a {@code /.dockerenv}
     * file) without a host override, a small image to find the host. So the images are checked
     * with a bare docker-java client first, and Testcontainers' own check comes last.
     */
    static Optional<String> whyNoDatabase() {
        if ("off".equalsIgnoreCase(System.getProperty(PostgresFixture.DOCKER_PROPERTY, "").strip())) {
            return Optional.of("Docker switched off (-D" + PostgresFixture.DOCKER_PROPERTY + "=off)");
        }
        TransportConfig docker;
        try {
            docker = DockerClientFactory.instance().getTransportConfig(); // finds an engine that answers; starts nothing
        } catch (RuntimeException noEngine) {
            return Optional.of("no Docker engine answers (start dockerd, or see the README: \"A database for the blocking exercise\")");
        }
        var testcontainers = TestcontainersConfiguration.getInstance();
        String image = PostgresFixture.image();
        // Ryuk's tag is Testcontainers' own choice, not published: any local tag of its repository is taken as enough.
        String ryuk = DockerImageName.parse(testcontainers.getRyukImage()).getUnversionedPart();
        String tiny = testcontainers.getTinyImage();
        try (DockerClient client = DockerClientProviderStrategy.getClientForConfig(docker)) {
            if (!isLocal(client, image)) {
                return Optional.of("the image " + image + " is not on this machine, and compare does not pull it (docker pull "
                        + image + "; without a registry: bash .ci/build-images, then export " + PostgresFixture.IMAGE_ENV
                        + "=paradigms/postgres:15-local)");
            }
            if (!Boolean.parseBoolean(testcontainers.getEnvVarOrProperty("ryuk.disabled", "false"))
                    && client.listImagesCmd().withReferenceFilter(ryuk).exec().isEmpty()) {
                return Optional.of("Testcontainers' clean-up image " + ryuk + " is not on this machine, and compare does not pull it"
                        + " (export TESTCONTAINERS_RYUK_DISABLED=true)");
            }
            if (Files.exists(Path.of("/.dockerenv")) && testcontainers.getEnvVarOrProperty("host.override", null) == null
                    && !isLocal(client, tiny)) {
                return Optional.of("inside a container, Testcontainers needs the image " + tiny + " to find the host, and it is not"
                        + " on this machine (export TESTCONTAINERS_HOST_OVERRIDE=localhost)");
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of("Docker is not usable here: " + CaseRunner.describe(e));
        }
        return PostgresFixture.whyUnavailable(); // safe now: every image it may start is local
    }

    /** Whether Docker has the image already. */
    private static boolean isLocal(DockerClient client, String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException notThere) {
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
