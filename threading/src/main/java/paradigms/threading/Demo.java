package paradigms.threading;

import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.measure.Meter;
import paradigms.common.sequential.SequentialParadigm;
import paradigms.common.server.LocalWebServer;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.trace.ChromeTrace;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The chapter in a few seconds: threads make waiting concurrent, and CPU work parallel.
 *
 * <pre>
 *   ./mvnw -q -pl threading -am compile exec:java
 * </pre>
 *
 * <ol>
 *   <li>Download 40 URLs from a local server that answers each after 100 ms: one after another,
 *       then on 10 threads. The server's highest count of requests in flight shows the threads
 *       waiting together.</li>
 *   <li>The chess exhibition (24 boards, one thread each, the master a lock) on a clock where
 *       one exhibition second lasts 0.1 ms: about one hour instead of twelve.</li>
 *   <li>The squares (n = 5,000,000 … 5,000,019): serially, on one thread per core, and —
 *       labelled as a demo — on the same threads behind one global lock, as Python's GIL would
 *       have it. The trace of each run tells whether two chunks ever ran at the same moment; the
 *       threaded run's trace is written as a file that ui.perfetto.dev opens.</li>
 *   <li>{@code waiters}: 2,000 tasks that each wait one second, one platform thread each: the
 *       time it takes, the peak thread count, the memory. {@code -Dthreading.waiters=10000} runs
 *       the most this chapter accepts — on a shared machine, mind the others: 10,000 threads
 *       waking at the same moment push the load average into the thousands.</li>
 *   <li>What a platform thread costs (1,000 of them).</li>
 * </ol>
 *
 * Teaching shortcut: timings are medians of a few runs in one JVM, enough to see the shape;
 * the {@code compare} module measures properly.
 */
public final class Demo {

    private static final int URLS = 40;
    private static final int THREADS = 10;
    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final int WAITERS = Integer.getInteger("threading.waiters", 2_000);

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("== Platform threads: the OS suspends a thread that waits, and runs threads on every core");
        download();
        exhibition();
        squares();
        waiters();
        threadCost();
    }

    private static void download() throws Exception {
        System.out.printf("%n-- download: %d URLs, each answered after %d ms%n", URLS, LATENCY.toMillis());
        try (var server = LocalWebServer.builder().latency(LATENCY).start()) {
            List<URI> urls = IntStream.range(0, URLS).mapToObj(i -> server.url("/data/" + i)).toList();
            var request = new DownloadRequest(urls, THREADS);

            long start = System.nanoTime();
            List<DownloadResult> one = new SequentialParadigm().download().download(request, Trace.off());
            report("one after another", start, one, server);

            server.resetCounters();
            start = System.nanoTime();
            List<DownloadResult> many = new ThreadingParadigm().download().download(request, Trace.off());
            report(THREADS + " threads", start, many, server);
        }
    }

    private static void report(String how, long startNanos, List<DownloadResult> results, LocalWebServer server) {
        long ok = results.stream().filter(DownloadResult.Downloaded.class::isInstance).count();
        System.out.printf("  %-18s %5d ms   %d/%d downloaded   server's max in flight: %d%n",
                how, (System.nanoTime() - startNanos) / 1_000_000, ok, results.size(), server.maxInFlight());
    }

    private static void exhibition() throws InterruptedException {
        var request = ExhibitionRequest.pyConExhibition(); // one exhibition second = 0.1 ms
        System.out.printf("%n-- exhibition: %d boards, one thread each; the master is one fair lock%n", request.boards());
        ExhibitionResult result = new ThreadingParadigm().exhibition().play(request, Trace.off());
        System.out.printf("  %d moves in %.2f exhibition hours (game after game: %.0f h; the master's own moves: %.0f h)%n",
                result.moves().size(), result.exhibitionHours(), request.sequentialSeconds() / 3600.0,
                request.boards() * request.movePairs() * request.masterMoveSeconds() / 3600.0);
    }

    private static void squares() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%n-- squares: sum of i*i below n = 5,000,000 … 5,000,019 (%d cores; median of 5 warm runs)%n", cores);
        var request = SquaresRequest.realPythonExample();
        time("serial (one thread)", new SequentialParadigm().squares(), request);
        Trace threaded = time(cores + " threads", new Squares()::compute, request);
        time(cores + " threads + one global lock (what Python's GIL would do)", Squares.underGlobalLock()::compute, request);

        Path file = Path.of(System.getProperty("java.io.tmpdir"), "threading-squares-trace.json");
        ChromeTrace.write(threaded, file);
        System.out.println("  the threaded run's trace, for ui.perfetto.dev: " + file);
    }

    /** Runs the calculator twice to warm up, then five times; prints the median and whether chunks overlapped. */
    private static Trace time(String how, SquaresExercise calculator, SquaresRequest request) throws Exception {
        for (int i = 0; i < 2; i++) {
            calculator.compute(request, Trace.off());
        }
        List<Long> millis = new ArrayList<>();
        Trace trace = null;
        for (int i = 0; i < 5; i++) {
            trace = Trace.recording();
            long start = System.nanoTime();
            calculator.compute(request, trace);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(millis);
        boolean overlap = trace.firstParallelPair().isPresent();
        System.out.printf("  %-58s %4d ms   two chunks at the same moment: %s%n", how, millis.get(2), overlap ? "yes" : "never");
        return trace;
    }

    /**
     * {@link #WAITERS} waiting tasks, each on its own thread. Memory is the growth
     * of the resident set (Linux's {@code VmRSS}), sampled every 10 ms while they wait, over the
     * resident set just before: thread stacks actually touched and the JVM's per-thread
     * structures, not the 1 MiB of address space each stack reserves.
     */
    private static void waiters() throws Exception {
        var request = new WaitersRequest(WAITERS, Duration.ofSeconds(1));
        System.out.printf("%n-- waiters: %,d tasks each wait %d ms, one platform thread each%n",
                request.tasks(), request.waitFor().toMillis());
        OptionalLong before = ThreadCost.residentBytes();
        var peak = new AtomicLong(before.orElse(0));
        Meter.Measured<WaitersResult> run;
        try (ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("rss-sampler").factory())) {
            sampler.scheduleAtFixedRate(() -> ThreadCost.residentBytes().ifPresent(now -> peak.accumulateAndGet(now, Math::max)),
                    0, 10, TimeUnit.MILLISECONDS);
            run = Meter.measure(() -> new ThreadingParadigm().waiters().await(request, Trace.off()));
        }
        WaitersResult result = run.value();
        long wallMillis = run.measurement().wall().toMillis();
        System.out.printf("  %,d ms in all (%,d ms more than one wait)   completed %,d, early %d, waiting at once %,d   peak threads %,d%n",
                wallMillis, wallMillis - request.waitFor().toMillis(), result.completed(), result.early(),
                result.maxWaitingAtOnce(), run.measurement().peakThreads());
        if (before.isPresent()) {
            long grown = Math.max(0, peak.get() - before.getAsLong());
            System.out.printf("  resident memory grew by %,d MiB at the peak: %.1f KiB per waiting task%n",
                    grown >> 20, grown / 1024.0 / request.tasks());
        }
    }

    private static void threadCost() throws InterruptedException {
        System.out.printf("%n-- what one platform thread costs%n  ");
        ThreadCost.print(ThreadCost.measure(1_000));
    }
}
