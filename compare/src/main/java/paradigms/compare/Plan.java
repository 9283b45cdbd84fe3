package paradigms.compare;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Every case a mode runs, with its inputs and repeats: the one place the sizes live.
 *
 * <p>Quick mode is sized so that the sequential baseline plus six paradigms fit in two
 * minutes on 2 cores; the slowest part is the baseline itself (its download alone is
 * N × latency). Full mode repeats more, uses larger inputs, and adds the seed's headline,
 * 1,000,000 requests with at most 1,000 in flight.
 *
 * @param childMaxHeap the {@code -Xmx} of every child JVM: the same for all, since heap figures
 *                     depend on it
 */
record Plan(Mode mode, Duration latency, List<Workload> workloads, String childMaxHeap) {

    /** The crawl's site generator seed; parent and child must agree on it. */
    static final long SITE_SEED = 42;

    /**
     * How long each request of the capacity probe waits in the server: long enough for every
     * paradigm to get all N requests out before the first answer comes back (see
     * {@link DownloadWorkload#answerDelay()}).
     */
    static final Duration SCALE_WAIT_QUICK = Duration.ofSeconds(3);
    static final Duration SCALE_WAIT_FULL = Duration.ofSeconds(10);

    static Plan of(Mode mode, Duration latency) {
        return switch (mode) {
            case QUICK -> quick(latency);
            case FULL -> full(latency);
        };
    }

    private static Plan quick(Duration latency) {
        var measured = new Repeats(1, 3, Duration.ofSeconds(2), Duration.ofSeconds(60));
        // A capacity probe, not a timing: one run tells how far the paradigm gets.
        var once = new Repeats(0, 1, Duration.ZERO, Duration.ofSeconds(120));
        return new Plan(Mode.QUICK, latency, List.of(
                new DownloadWorkload("download", 24, 8, 2_048, latency, null, measured, true, false),
                new DownloadWorkload("download-scale", 1_000, 1_000, 256, latency, SCALE_WAIT_QUICK, once, false, true),
                new SquaresWorkload(new Repeats(2, 5, Duration.ofSeconds(2), Duration.ofSeconds(60))),
                // Sleeps, not JIT-sensitive code, and the sequential one alone takes 4.3 s: one run.
                new ExhibitionWorkload(Duration.ofNanos(100_000), new Repeats(0, 1, Duration.ZERO, Duration.ofSeconds(60))),
                new CrawlWorkload(SITE_SEED, 40, Duration.ofMillis(100), 8, latency, measured),
                new BlockingWorkload(8, Duration.ofMillis(200), 4, Duration.ofMillis(10), measured)),
                "1g");
    }

    private static Plan full(Duration latency) {
        var measured = new Repeats(1, 5, Duration.ofSeconds(10), Duration.ofSeconds(120));
        var once = new Repeats(0, 1, Duration.ZERO, Duration.ofMinutes(5));
        // 1,000,000 requests: the JDK HttpClient manages 4,000-8,000 requests/s here, so minutes.
        var million = new Repeats(0, 1, Duration.ZERO, Duration.ofMinutes(30));
        return new Plan(Mode.FULL, latency, List.of(
                new DownloadWorkload("download", 200, 20, 2_048, latency, null, measured, true, false),
                // 5,000 and not more: each connection is a file descriptor on both sides (limit 20,000 here).
                new DownloadWorkload("download-scale", 5_000, 5_000, 256, latency, SCALE_WAIT_FULL, once, false, true),
                new DownloadWorkload("download-million", 1_000_000, 1_000, 256, latency, null, million, false, true),
                new SquaresWorkload(new Repeats(3, 10, Duration.ofSeconds(10), Duration.ofSeconds(120))),
                new ExhibitionWorkload(Duration.ofNanos(100_000), new Repeats(1, 3, Duration.ofSeconds(30), Duration.ofSeconds(120))),
                new CrawlWorkload(SITE_SEED, 150, Duration.ofMillis(100), 10, latency, measured),
                new BlockingWorkload(16, Duration.ofMillis(300), 4, Duration.ofMillis(10), measured)),
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
