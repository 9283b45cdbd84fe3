package paradigms.compare;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Every case a mode runs, with its inputs and repeats: the one place the sizes live.
 *
 * <p>Quick mode is sized so that the sequential baseline plus six paradigms fit in two
 * minutes on 2 cores (about 105 s, PostgreSQL's start and 14 child JVMs included); the slowest parts are the baseline itself
 * (its download alone is N × latency), 10,000 platform threads in {@code waiters}, and
 * multiprocessing's worker JVMs, started once per child JVM (its start-up). Full mode repeats more,
 * uses larger inputs, and adds the course's headlines: 1,000,000 requests with at most 1,000 in flight, and up to 1,000,000 waiting tasks.
 *
 * <p>The order is the order of the cases in every child JVM and in every table; {@code waiters}
 * comes last, in a child JVM of its own ({@link Workload#ownJvm()}).
 *
 * @param childMaxHeap the {@code -Xmx} of every child JVM: the same for all, since heap figures
 *                     depend on it. The full mode's 8 GB is also what a million waiting tasks
 *                     need with room to spare (a million virtual threads: about 1.1 GB live,
 *                     the garbage of starting them on top).
 */
record Plan(Mode mode, Duration latency, List<Workload> workloads, String childMaxHeap) {

    /** The crawl's site generator seed; parent and child must agree on it. */
    static final long SITE_SEED = 42;

    /** The most waiting tasks per mode; each paradigm runs min(its capacity, this). */
    static final int WAITERS_QUICK = 10_000;
    static final int WAITERS_FULL = 1_000_000;

    static Plan of(Mode mode, Duration latency) {
        return switch (mode) {
            case QUICK -> quick(latency);
            case FULL -> full(latency);
        };
    }

    private static Plan quick(Duration latency) {
        // Up to 3 runs, none started after 1 s of them: a run of a second or more is measured once.
        var measured = new Repeats(1, 3, Duration.ofSeconds(1), Duration.ofSeconds(60));
        return new Plan(Mode.QUICK, latency, List.of(
                new DownloadWorkload("download", 24, 8, 2_048, latency, measured, true, false),
                // Six warm-ups: multiprocessing's workers each have a JIT of their own to warm, and each
                // sees only its share of the sums; with two, the kept workers still ran half-compiled code.
                new SquaresWorkload(new Repeats(6, 5, Duration.ofSeconds(2), Duration.ofSeconds(60))),
                // Sleeps, not JIT-sensitive code, and the sequential one alone takes 4.3 s: one run.
                new ExhibitionWorkload(Duration.ofNanos(100_000), new Repeats(0, 1, Duration.ZERO, Duration.ofSeconds(60))),
                new CrawlWorkload(SITE_SEED, 30, Duration.ofMillis(100), 8, latency, measured),
                new BlockingWorkload(8, Duration.ofMillis(100), 4, Duration.ofMillis(10), measured),
                // 25 increments a task: enough for every task to meet the others at the counter; in
                // multiprocessing each increment is a round trip to the parent, 2,500 of them a run.
                new CounterWorkload(100, 25, measured),
                new DeadlineWorkload(DeadlineWorkload.Kind.FAIL_FAST, measured),
                new DeadlineWorkload(DeadlineWorkload.Kind.DEADLINE, measured),
                // 100 ms: the sequential baseline waits its 10 tasks one after another, 1 s a run.
                // No warm-up: waiting is not what the JIT speeds up, and a warm-up would cost
                // threading another 10,000 platform threads (6-7 s on 2 cores). For the same
                // reason the weighing run has 1,000 tasks, not 10,000.
                new WaitersWorkload(WAITERS_QUICK, Duration.ofMillis(100),
                        new Repeats(0, 3, Duration.ofSeconds(1), Duration.ofSeconds(60)), 1_000)),
                "1g");
    }

    private static Plan full(Duration latency) {
        var measured = new Repeats(1, 5, Duration.ofSeconds(10), Duration.ofSeconds(120));
        // 1,000,000 requests: 1-2.5 min for the paradigms with 1,000 in flight; 28 min for
        // multiprocessing, whose 32 worker JVMs keep only 32 in flight.
        var million = new Repeats(0, 1, Duration.ZERO, Duration.ofMinutes(45));
        // A million waiting tasks: seconds to a minute a run, depending on the paradigm.
        var waiters = new Repeats(1, 3, Duration.ofSeconds(30), Duration.ofMinutes(10));
        return new Plan(Mode.FULL, latency, List.of(
                new DownloadWorkload("download", 200, 20, 2_048, latency, measured, true, false),
                new DownloadWorkload("download-million", 1_000_000, 1_000, 256, latency, million, false, true),
                new SquaresWorkload(new Repeats(10, 10, Duration.ofSeconds(10), Duration.ofSeconds(120))),
                new ExhibitionWorkload(Duration.ofNanos(100_000), new Repeats(1, 3, Duration.ofSeconds(30), Duration.ofSeconds(120))),
                new CrawlWorkload(SITE_SEED, 150, Duration.ofMillis(100), 10, latency, measured),
                new BlockingWorkload(16, Duration.ofMillis(300), 4, Duration.ofMillis(10), measured),
                new CounterWorkload(1_000, 100, measured),
                new DeadlineWorkload(DeadlineWorkload.Kind.FAIL_FAST, measured),
                new DeadlineWorkload(DeadlineWorkload.Kind.DEADLINE, measured),
                new WaitersWorkload(WAITERS_FULL, Duration.ofSeconds(1), waiters)),
                "8g");
    }

    /** The workloads of the chosen exercises, in plan order. */
    List<Workload> forExercises(Set<Exercise> exercises) {
        return workloads.stream().filter(w -> exercises.contains(w.exercise())).toList();
    }

    Workload byId(String id) {
        return workloads.stream().filter(w -> w.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no case \"" + id + "\" in the " + mode.cliName() + " plan"));
    }

    /** The crawl workload, whose site the web server serves. */
    CrawlWorkload crawl() {
        return (CrawlWorkload) byId("crawl");
    }
}
