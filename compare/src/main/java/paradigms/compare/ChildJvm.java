package paradigms.compare;

import paradigms.common.ClassPath;
import paradigms.common.blocking.Database;
import paradigms.common.server.LocalWebServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The parent's side of one paradigm's measurements: starts a child JVM with the same class
 * path ({@link ChildMain}), answers its handshakes (reset the server's counters before a run,
 * read them after), and collects its results.
 *
 * <p>When a case kills the child (a crash, or a run that never ends and is stopped by the
 * watchdog), that case is recorded as failed with the reason, and a fresh child is started for
 * the cases left: one broken cell never empties the rest of the column. A case that asks for a
 * JVM of its own ({@link Workload#ownJvm()}: {@code waiters}) gets one, before or after the
 * child that runs the others.
 *
 * <p>Threads: everything runs on the caller's thread, except the watchdog (one scheduler
 * thread, which only destroys the process) and the {@link InFlightSampler}.
 */
final class ChildJvm implements AutoCloseable {

    /** A case's result and, for a traced download, the server's in-flight count during its median run. */
    record Collected(CaseResult result, List<InFlightSampler.Sample> inFlight) {
    }

    /** Loading a paradigm and its first classes; added to the first run's timeout. */
    private static final Duration START_UP = Duration.ofSeconds(30);
    /** How long a child may take to exit after "bye" before it is stopped and reported. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    private final Plan plan;
    private final LocalWebServer server;
    private final Database database;
    private final Path logs;
    private final Progress progress;
    private final List<String> warnings;
    private final Map<String, Startup> startups = new LinkedHashMap<>(); // the first per paradigm
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("child-watchdog").daemon().unstarted(r));

    ChildJvm(Plan plan, LocalWebServer server, Database database, Path logs, Progress progress, List<String> warnings) {
        this.plan = plan;
        this.server = server;
        this.database = database;
        this.logs = logs;
        this.progress = progress;
        this.warnings = warnings;
    }

    /** Measures {@code cases} under {@code paradigm}; one result per case, in order. */
    List<Collected> run(String paradigm, List<Workload> cases) throws IOException, InterruptedException {
        List<Collected> collected = new ArrayList<>();
        for (List<Workload> batch : batches(cases)) {
            List<Workload> remaining = new ArrayList<>(batch);
            while (!remaining.isEmpty()) {
                session(paradigm, remaining, collected);
            }
        }
        return collected;
    }

    /**
     * Each paradigm's start-up, as its first child JVM measured it (a JVM of its own for
     * {@code waiters}, or one restarted after a crash, starts them again; only the first counts).
     */
    List<Startup> startups() {
        return List.copyOf(startups.values());
    }

    /** The cases in order, cut into one child JVM's worth each: a run of ordinary cases, or one that wants its own. */
    static List<List<Workload>> batches(List<Workload> cases) {
        List<List<Workload>> batches = new ArrayList<>();
        List<Workload> shared = new ArrayList<>();
        for (Workload workload : cases) {
            if (workload.ownJvm()) {
                if (!shared.isEmpty()) {
                    batches.add(shared);
                    shared = new ArrayList<>();
                }
                batches.add(List.of(workload));
            } else {
                shared.add(workload);
            }
        }
        if (!shared.isEmpty()) {
            batches.add(shared);
        }
        return batches;
    }

    /** One child JVM: runs until it says "bye" or dies; removes from {@code remaining} each case it settles. */
    private void session(String paradigm, List<Workload> remaining, List<Collected> collected)
            throws IOException, InterruptedException {
        Path log = logs.resolve(paradigm + ".log");
        Process child = new ProcessBuilder(command())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        var watchdog = new Watchdog(child);
        boolean bye = false;
        InFlightSampler sampler = null;
        int measuredIndex = -1;
        Map<Integer, List<InFlightSampler.Sample>> samples = new HashMap<>();
        try (var toChild = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
             var fromChild = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            toChild.println(Json.line(new Messages.Assignment(paradigm, plan.mode(), plan.latency().toMillis(),
                    remaining.stream().map(Workload::id).toList(), server.port(), database)));
            watchdog.arm(limit(remaining));
            String line;
            while (!bye && (line = fromChild.readLine()) != null) {
                Messages.Event event;
                try {
                    event = Json.parseLine(line, Messages.Event.class);
                } catch (UncheckedIOException notAMessage) {
                    // ChildMain points System.out at stderr; this came from somewhere lower (the JVM itself?).
                    warnings.add(paradigm + ": its child JVM wrote a line that is not a message, ignored: " + line);
                    continue;
                }
                switch (event.type()) {
                    case "started" -> startups.putIfAbsent(paradigm, event.startup());
                    case "run" -> {
                        server.resetCounters();
                        measuredIndex = "measured".equals(event.kind()) ? event.index() : -1;
                        sampler = event.sample() ? InFlightSampler.start(server) : null;
                        progress.runStarted(paradigm, event.caseId(), event.kind(), event.index());
                        toChild.println(Messages.GO);
                    }
                    case "ran" -> {
                        // Read the counters before anything else can touch the server.
                        var counters = new Messages.ServerCounters(server.maxInFlight(), server.totalRequests());
                        if (plan.byId(event.caseId()).awaitsQuietServer()) {
                            // The child waits for the counters meanwhile: nothing else talks to the server.
                            counters = new Messages.ServerCounters(counters.maxInFlight(), counters.requests(),
                                    ServerQuiet.await(server));
                        }
                        if (sampler != null) {
                            samples.put(measuredIndex, sampler.stop());
                            sampler = null;
                        }
                        toChild.println(Json.line(counters));
                    }
                    case "case" -> {
                        if (sampler != null) { // the run threw before "ran"
                            sampler.stop();
                            sampler = null;
                        }
                        CaseResult result = event.result();
                        Workload done = settle(remaining, result.caseId());
                        collected.add(new Collected(result, samples.getOrDefault(result.medianRun(), List.of())));
                        samples.clear();
                        progress.caseDone(result, done.repeats().mostRuns());
                    }
                    case "bye" -> bye = true;
                    default -> throw new IllegalStateException("unknown event from the child: " + line);
                }
                if (!bye && !remaining.isEmpty()) {
                    watchdog.arm(limit(remaining));
                }
            }
        } finally {
            watchdog.disarm();
            if (sampler != null) {
                sampler.stop();
            }
        }
        if (bye) {
            if (!child.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                warnings.add(paradigm + ": the child JVM did not exit within " + EXIT_GRACE.toSeconds()
                        + " s after its last case (a non-daemon thread left running?); it was stopped");
                stop(child);
            }
            return;
        }
        // The child died or was stopped in the middle of the first remaining case.
        stop(child);
        child.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        Workload current = remaining.getFirst();
        String why = watchdog.fired()
                ? "no answer within " + limit(remaining).toSeconds() + " s: the child JVM was stopped"
                : "the child JVM exited with code " + (child.isAlive() ? "?" : child.exitValue());
        String last = lastLine(log);
        CaseResult failed = CaseResult.notRun(paradigm, current.id(), CaseResult.Status.FAILED,
                why + (last.isEmpty() ? "" : " (last log line: " + last + ")"));
        settle(remaining, current.id());
        collected.add(new Collected(failed, List.of()));
        progress.caseDone(failed, current.repeats().mostRuns());
    }

    /** How long the child may stay silent while the first remaining case runs: one run, plus start-up. */
    private static Duration limit(List<Workload> remaining) {
        return remaining.getFirst().repeats().runTimeout().plus(START_UP);
    }

    /**
     * Stops a child that stays silent too long (a run that never ends): the pipe then closes,
     * and the reading loop ends. Armed again after every message; runs on the scheduler thread.
     */
    private final class Watchdog {
        private final Process child;
        private final AtomicBoolean fired = new AtomicBoolean();
        private ScheduledFuture<?> alarm; // touched by the reading thread only

        Watchdog(Process child) {
            this.child = child;
        }

        void arm(Duration limit) {
            disarm();
            alarm = scheduler.schedule(() -> {
                fired.set(true);
                stop(child);
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        void disarm() {
            if (alarm != null) {
                alarm.cancel(false);
            }
        }

        boolean fired() {
            return fired.get();
        }
    }

    private List<String> command() {
        return List.of(ClassPath.javaLauncher(),
                "-Xmx" + plan.childMaxHeap(),
                // Testcontainers is on the class path but unused in the child; keep SLF4J quiet anyway.
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", ClassPath.current(),
                ChildMain.class.getName());
    }

    private static Workload settle(List<Workload> remaining, String caseId) {
        for (int i = 0; i < remaining.size(); i++) {
            if (remaining.get(i).id().equals(caseId)) {
                return remaining.remove(i);
            }
        }
        throw new IllegalStateException("the child reported case \"" + caseId + "\", which it was not given");
    }

    /** Stops the child and whatever it started (the multiprocessing chapter's workers): no orphans. */
    private static void stop(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
    }

    /** The last line of the log that is not a stack frame: usually the exception that ended the child. */
    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                    return line.strip();
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
