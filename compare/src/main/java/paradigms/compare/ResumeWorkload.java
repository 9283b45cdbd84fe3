package paradigms.compare;

import paradigms.common.Exercise;
import paradigms.common.Paradigm;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.resume.ResumeExercise;
import paradigms.common.resume.ResumeRequest;
import paradigms.common.resume.ResumeResult;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code resume}: the ready queue, measured. Each run makes two calls of the paradigm's resume
 * exercise, one after the other: <b>quiet</b>, {@code sleepers} sleepers of {@code sleep} alone,
 * each handling its wake-up for {@code handling}; then <b>loaded</b>, the same sleepers beside
 * {@code busyTasks} tasks that compute {@code busyFor} each without yielding, all on the
 * paradigm's own scheduler. Each call records how long after its timer was due each sleeper ran
 * again; the figures are p50, p99 and max of each (the comparison table's "resume latency under
 * load" is the loaded p99).
 *
 * <p>The picture: once, before the first run and apart from the measured ones (a trace would
 * cost every task a few records, and a hundred sleepers' lives are a grey block), a small loaded
 * call — {@code pictureSleepers} sleepers beside the same busy tasks — is traced; its tasks'
 * lives (running / waiting / ready) are drawn by {@link Timelines#taskLives}.
 *
 * @param busyTasks       usually the machine's cores: enough to keep every core (or the one
 *                        loop, or every carrier) busy
 * @param pictureSleepers sleepers of the small traced call drawn as a picture; 0 for none
 */
record ResumeWorkload(int sleepers, Duration sleep, Duration handling, int busyTasks, Duration busyFor, Repeats repeats,
                      int pictureSleepers) implements Workload {

    /** The sleepers of the measured calls, in every mode: enough for a p99 that is not the maximum. */
    static final int SLEEPERS = 100;
    static final Duration SLEEP = Duration.ofMillis(50);
    static final Duration HANDLING = Duration.ofNanos(100_000);
    static final Duration BUSY_FOR = Duration.ofMillis(200);
    static final int PICTURE_SLEEPERS = 8;

    ResumeWorkload {
        // The requests check their own fields; a workload that cannot make them fails here, when the plan is made.
        ResumeRequest.quiet(sleepers, sleep).handlingFor(handling).besideBusy(busyTasks, busyFor);
        if (busyTasks < 1) {
            throw new IllegalArgumentException("busyTasks must be at least 1 (the loaded call needs them), was " + busyTasks);
        }
        if (pictureSleepers < 0 || pictureSleepers > sleepers) {
            throw new IllegalArgumentException("pictureSleepers must be between 0 and sleepers (" + sleepers + "), was "
                    + pictureSleepers);
        }
    }

    /**
     * This exercise's case in {@code mode}: the same inputs in every mode (a run lasts about
     * one sleep plus one busy time in a concurrent paradigm), busy tasks = the cores of this machine.
     */
    static List<Workload> plan(Mode mode, Duration latency) {
        int cores = Math.min(ResumeRequest.MAX_BUSY_TASKS, Runtime.getRuntime().availableProcessors());
        return List.of(new ResumeWorkload(SLEEPERS, SLEEP, HANDLING, cores, BUSY_FOR, Repeats.measured(mode), PICTURE_SLEEPERS));
    }

    /**
     * One run's own figures, in microseconds: how long after its timer was due a sleeper ran
     * again, alone (quiet) and beside the busy tasks (loaded).
     */
    record Figures(double quietP50Micros, double quietP99Micros, double quietMaxMicros,
                   double loadedP50Micros, double loadedP99Micros, double loadedMaxMicros) {

        static Figures of(ResumeLatency.Summary quiet, ResumeLatency.Summary loaded) {
            return new Figures(micros(quiet.p50()), micros(quiet.p99()), micros(quiet.max()),
                    micros(loaded.p50()), micros(loaded.p99()), micros(loaded.max()));
        }

        private static double micros(Duration d) {
            return d.toNanos() / 1_000.0;
        }
    }

    /** What one run returns: both calls' results. */
    record Both(ResumeResult quiet, ResumeResult loaded) {
    }

    @Override
    public String id() {
        return "resume";
    }

    @Override
    public Exercise exercise() {
        return Exercise.RESUME;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "%,d sleepers of %,d ms handling %s each, alone, then beside %,d busy tasks of %,d ms",
                sleepers, sleep.toMillis(), Format.millis(handling.toNanos() / 1e6), busyTasks, busyFor.toMillis());
    }

    /** Not the measured runs: see the class comment (the picture's run is traced on its own). */
    @Override
    public boolean traced() {
        return false;
    }

    /** Each paradigm's latency is the figure; a speedup over sleepers one after another means nothing. */
    @Override
    public boolean comparesWithBaseline() {
        return false;
    }

    /** How long the paradigm takes depends on how it schedules the busy tasks: no ideal from the inputs alone. */
    @Override
    public Optional<Duration> ideal() {
        return Optional.empty();
    }

    ResumeRequest quietRequest() {
        return ResumeRequest.quiet(sleepers, sleep).handlingFor(handling);
    }

    ResumeRequest loadedRequest() {
        return quietRequest().besideBusy(busyTasks, busyFor);
    }

    /** The small loaded call drawn as a picture. */
    ResumeRequest pictureRequest() {
        return ResumeRequest.quiet(Math.max(1, pictureSleepers), sleep).handlingFor(handling).besideBusy(busyTasks, busyFor);
    }

    @Override
    public Prepared<Both> prepare(Paradigm paradigm, Fixtures fixtures) {
        ResumeExercise exercise = paradigm.resume();
        return new Prepared<>() {
            // Made by beforeRun, read by run and check: the child's main thread only (see Workload.Prepared).
            private ResumeLatency quiet = ResumeLatency.off();
            private ResumeLatency loaded = ResumeLatency.off();
            private Outcome.TracedApart lives;

            @Override
            public void beforeRun() {
                if (lives == null) { // once, before the first run (a warm-up, if any): unmeasured
                    lives = pictureSleepers == 0 ? Outcome.TracedApart.NONE : traceOnce(exercise);
                }
                quiet = ResumeLatency.recording();
                loaded = ResumeLatency.recording();
            }

            @Override
            public Both run(Trace trace) throws InterruptedException {
                ResumeResult alone = exercise.resume(quietRequest().measuringResumes(quiet), trace);
                ResumeResult beside = exercise.resume(loadedRequest().measuringResumes(loaded), trace);
                return new Both(alone, beside);
            }

            @Override
            public Outcome check(Both result) {
                List<String> problems = new ArrayList<>();
                problems.addAll(problems("quiet", result.quiet(), 0, quiet));
                problems.addAll(problems("loaded", result.loaded(), busyTasks, loaded));
                return Outcome.of(sleepers * 2, problems.isEmpty() ? null : String.join("; ", problems))
                        .with(Figures.of(quiet.summary(), loaded.summary()), lives);
            }
        };
    }

    private Outcome.TracedApart traceOnce(ResumeExercise exercise) {
        Trace trace = Trace.recording();
        try {
            exercise.resume(pictureRequest(), trace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.TracedApart.NONE;
        }
        return Outcome.TracedApart.of(trace);
    }

    /** What the contract expects of one call, as a list of what differs. */
    private List<String> problems(String call, ResumeResult result, int busy, ResumeLatency latencies) {
        List<String> problems = new ArrayList<>();
        if (result == null) {
            return List.of(call + ": no result");
        }
        if (result.sleepersWoke() != sleepers) {
            problems.add(call + ": " + result.sleepersWoke() + " of " + sleepers + " sleepers woke");
        }
        if (result.early() > 0) {
            problems.add(call + ": " + result.early() + " sleepers woke before their timer was due");
        }
        if (result.busyDone() != busy) {
            problems.add(call + ": " + result.busyDone() + " of " + busy + " busy tasks computed their whole time");
        }
        if (latencies.count() != sleepers) {
            problems.add(call + ": " + latencies.count() + " resume latencies recorded for " + sleepers + " sleepers");
        }
        return problems;
    }
}
