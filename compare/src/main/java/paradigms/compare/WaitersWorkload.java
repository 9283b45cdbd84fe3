package paradigms.compare;

import paradigms.common.Exercise;
import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitersExercise;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code waiters}: the comparison table's scalability row. N tasks each wait {@code waitFor}, all at once,
 * with N = the paradigm's declared capacity, but at most {@code maxTasks} (10,000 quick,
 * 1,000,000 full). A paradigm whose capacity is lower runs at its capacity, and its reason is
 * the figure: "stops at 10,000: one platform thread per task …".
 *
 * <p>What is measured besides the usual: the time beyond the wait (wall − D: making, waking
 * and ending N tasks), the heap per task, the platform threads, and how many tasks the
 * paradigm's own {@code WaitTally} saw waiting at the same moment.
 *
 * <p><b>Heap per task</b>, two ways. At the peak: (the run's peak heap − the heap in use just
 * before it) ÷ N, with a full GC before every run (outside the measurement) so that "before" is
 * the live set — an upper bound, since the garbage made while starting the tasks counts until it
 * is collected, and how much of it is collected when depends on the heap's size. Kept alive:
 * one more run before the others, unmeasured (with at most {@code maxWeighedTasks} tasks: 1,000 in
 * {@code --quick}, where 10,000 more platform threads would cost seconds), in which
 * {@link WaitTally#probeWhenWaiting} forces a full GC at the last moment all of them wait (the
 * first end) and reads the heap — what the waiting tasks really
 * hold, the figure to compare across paradigms (none for tasks that never all wait at once).
 *
 * <p>It runs in a child JVM of its own ({@link #ownJvm()}), after the paradigm's other cases:
 * a million tasks may end the JVM or leave its heap grown, and neither may touch another
 * case's figures.
 */
record WaitersWorkload(int maxTasks, Duration waitFor, Repeats repeats, int maxWeighedTasks) implements Workload {

    /** The most waiting tasks per mode; each paradigm runs min(its capacity, this). */
    static final int MOST_QUICK = 10_000;
    static final int MOST_FULL = 1_000_000;

    /**
     * This exercise's case in {@code mode}. Quick mode waits 100 ms (the sequential baseline
     * waits its 10 tasks one after another, 1 s a run), with no warm-up: waiting is not what
     * the JIT speeds up, and a warm-up would cost threading another 10,000 platform threads
     * (seconds on 2 cores); for the same reason its weighing run has 1,000 tasks, not 10,000.
     * Full mode: a million waiting tasks, seconds to a minute a run depending on the paradigm.
     */
    static List<Workload> plan(Mode mode, Duration latency) {
        return switch (mode) {
            case QUICK -> List.of(new WaitersWorkload(MOST_QUICK, Duration.ofMillis(100),
                    new Repeats(0, 3, Duration.ofSeconds(1), Duration.ofSeconds(60)), 1_000));
            // One run of a million, no warm-up; its weighing run weighs as many as in quick mode.
            case REFERENCE -> List.of(new WaitersWorkload(MOST_FULL, Duration.ofSeconds(1),
                    new Repeats(0, 1, Duration.ZERO, Duration.ofMinutes(5)), 100_000));
            case FULL -> List.of(new WaitersWorkload(MOST_FULL, Duration.ofSeconds(1),
                    new Repeats(1, 3, Duration.ofSeconds(30), Duration.ofMinutes(10))));
        };
    }

    /** Weighs as many tasks as it runs. */
    WaitersWorkload(int maxTasks, Duration waitFor, Repeats repeats) {
        this(maxTasks, waitFor, repeats, maxTasks);
    }

    /**
     * One run's own figures.
     *
     * @param tasks            N: the tasks started, min(capacity, maxTasks)
     * @param waitMillis       D: how long each task waited
     * @param completed        tasks whose wait ended
     * @param early            tasks that woke before D (must be 0)
     * @param maxWaitingAtOnce the most tasks waiting at the same moment (the paradigm's {@code WaitTally})
     * @param heapBeforeBytes  the heap in use just before the run, after a full GC
     * @param capacity         the paradigm's declared capacity
     * @param limitedBy        what limits it, in the paradigm's words
     * @param liveHeapPerTaskBytes the heap kept alive per waiting task, from the weighing run; null if
     *                         the tasks never all waited at once
     */
    record Figures(int tasks, long waitMillis, int completed, int early, int maxWaitingAtOnce, long heapBeforeBytes,
                   int capacity, String limitedBy, Double liveHeapPerTaskBytes) {
    }

    /**
     * Whether the measured runs record each task's timer resume latency (how long after its wait
     * was over it ran again): in the quick case only. A recorder holds a long per task, which in
     * the million's runs would be part of the heap per task, the figure that case is for.
     */
    boolean measuresResumes() {
        return maxTasks <= MOST_QUICK;
    }

    @Override
    public String id() {
        return "waiters";
    }

    @Override
    public Exercise exercise() {
        return Exercise.WAITERS;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "N = the paradigm's capacity, at most %,d, tasks that each wait %s, all at once",
                maxTasks, Format.millis(waitFor.toMillis()));
    }

    /** Not traced: a span per task would be the memory figure. */
    @Override
    public boolean traced() {
        return false;
    }

    @Override
    public boolean comparesWithBaseline() {
        return false;
    }

    @Override
    public boolean ownJvm() {
        return true;
    }

    /** Every task waiting at the same moment: the run lasts one wait. */
    @Override
    public Optional<Duration> ideal() {
        return Optional.of(waitFor);
    }

    @Override
    public Prepared<WaitersResult> prepare(Paradigm paradigm, Fixtures fixtures) {
        WaitersExercise waiters = paradigm.waiters();
        Capacity capacity = waiters.capacity(); // asked in the child: it may depend on this JVM's heap
        int tasks = Math.min(capacity.maxTasks(), maxTasks);
        var request = new WaitersRequest(tasks, waitFor);
        boolean claimsConcurrency = paradigm.claims().contains(Claim.WAITS_CONCURRENTLY);
        return new Prepared<>() {
            private long heapBefore; // set by beforeRun, read by check; the child's main thread only
            private boolean weighed;
            private Double livePerTask;
            // The quick case's resume latencies, fresh before each run; off for the million, whose heap is the figure.
            private ResumeLatency resumes = ResumeLatency.off();
            private WaitersRequest measured = request;

            @Override
            public void beforeRun() {
                if (!weighed) { // once, before the first run: see the class comment
                    weighed = true;
                    livePerTask = weigh(waiters, new WaitersRequest(Math.min(tasks, maxWeighedTasks), waitFor));
                }
                // A full GC outside the measurement: the previous run's million tasks are garbage
                // now, and "before" should be the live set, not whatever was not yet collected.
                if (measuresResumes()) {
                    resumes = ResumeLatency.recording();
                    measured = request.measuringResumes(resumes);
                }
                System.gc();
                heapBefore = heapInUse();
            }

            @Override
            public WaitersResult run(Trace trace) throws InterruptedException {
                return waiters.await(measured, trace);
            }

            @Override
            public Outcome check(WaitersResult result) {
                var figures = new Figures(tasks, waitFor.toMillis(), result.completed(), result.early(),
                        result.maxWaitingAtOnce(), heapBefore, capacity.maxTasks(), capacity.limitedBy(), livePerTask);
                Outcome outcome = Outcome.of(result.completed(), problem(figures, claimsConcurrency)).with(figures);
                return measuresResumes() ? outcome.with(DownloadWorkload.Resume.of(resumes.summary())) : outcome;
            }
        };
    }

    private static String problem(Figures f, boolean claimsConcurrency) {
        List<String> problems = new ArrayList<>();
        if (f.completed() != f.tasks()) {
            problems.add(Format.count(f.completed()) + " of " + Format.count(f.tasks()) + " tasks completed");
        }
        if (f.early() > 0) {
            problems.add(Format.count(f.early()) + " tasks woke before their wait was over");
        }
        if (claimsConcurrency && f.maxWaitingAtOnce() < f.tasks()) {
            problems.add("only " + Format.count(f.maxWaitingAtOnce()) + " of " + Format.count(f.tasks())
                    + " waiting at once, although it claims WAITS_CONCURRENTLY");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /**
     * One unmeasured run with a probe: at the first end while all N tasks wait, a full GC, then
     * the heap in use. The probe runs on whichever thread ends that first wait (the loop thread, a
     * task's thread, the pool's thread for a worker process) while the others keep waiting; the
     * figure is the growth over the heap in use before the run, after a GC too, divided by N.
     */
    static Double weigh(WaitersExercise waiters, WaitersRequest request) {
        System.gc();
        long before = heapInUse();
        var atProbe = new AtomicLong(-1);
        WaitTally.probeWhenWaiting(request.tasks(), () -> {
            System.gc();
            atProbe.set(heapInUse());
        });
        try {
            waiters.await(request, Trace.off());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            WaitTally.clearProbe();
        }
        long weighed = atProbe.get();
        return weighed < 0 ? null : (double) Math.max(0, weighed - before) / request.tasks();
    }

    /** The heap in use now: the sum of the heap pools, as {@code Meter} sums their peaks. */
    static long heapInUse() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
    }
}
