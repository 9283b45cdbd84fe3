package paradigms.asyncawait;

import paradigms.asyncawait.futures.AsyncSemaphore;
import paradigms.common.blocking.BlockingExercise;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.db.PostgresFixture;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.ItemOutcome;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.measure.Meter;
import paradigms.common.server.LocalWebServer;
import paradigms.common.server.Site;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The chapter in a few seconds: which thread runs a continuation, the asynchronous semaphore,
 * then every exercise against the local web server, with the threads each one used.
 *
 * <p>Run: {@code ./mvnw -q -pl async-await -am compile exec:java}. Add
 * {@code -Ddemo.database=true} to also run the blocking exercise against PostgreSQL in a
 * container (needs Docker; on a machine without a registry also
 * {@code -Dparadigms.postgres.image=paradigms/postgres:15-local}). {@code -Ddemo.waiters=N}
 * (default 100,000) and {@code -Ddemo.waitMillis=D} (default 1,000) size the waiters part.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("async-await: CompletableFuture chains (%d cores)%n%n", Runtime.getRuntime().availableProcessors());
        whichThreadRunsAContinuation();
        semaphoreWithoutBlockedThreads();
        var paradigm = new AsyncAwaitParadigm();
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(100)).start()) {
            download(paradigm, server);
        }
        squares(paradigm);
        exhibition(paradigm);
        try (var server = LocalWebServer.builder().site(Site.generate(42, 150, Duration.ofMillis(40)))
                .latency(Duration.ofMillis(5)).start()) {
            crawl(paradigm, server);
        }
        waiters(Integer.getInteger("demo.waiters", 100_000), Duration.ofMillis(Long.getLong("demo.waitMillis", 1_000)));
        counter(paradigm);
        try (var server = LocalWebServer.start()) {
            deadline(paradigm, server);
        }
        if (Boolean.getBoolean("demo.database")) {
            blocking();
        } else {
            System.out.println("blocking: skipped (add -Ddemo.database=true to run it against PostgreSQL in Docker)");
        }
    }

    private static void whichThreadRunsAContinuation() throws Exception {
        System.out.println("1. Which thread runs a continuation");
        try (ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("demo-executor").factory())) {
            String onDone = CompletableFuture.completedFuture("x").thenApply(x -> threadName()).join();
            var pending = new CompletableFuture<String>();
            CompletableFuture<String> onPending = pending.thenApply(x -> threadName());
            Thread completer = Thread.ofPlatform().name("completer").start(() -> pending.complete("x"));
            completer.join();
            String onAsync = CompletableFuture.completedFuture("x").thenApplyAsync(x -> threadName(), executor).join();
            System.out.printf("   thenApply on a completed future   -> %s (the caller)%n", onDone);
            System.out.printf("   thenApply on a pending future     -> %s (whoever completes it)%n", onPending.join());
            System.out.printf("   thenApplyAsync(fn, executor)      -> %s%n%n", onAsync);
        }
    }

    private static void semaphoreWithoutBlockedThreads() {
        System.out.println("2. An asynchronous semaphore: 3 permits, 10 acquires from this one thread");
        var semaphore = new AsyncSemaphore(3);
        List<CompletableFuture<Void>> acquired = IntStream.range(0, 10).mapToObj(i -> semaphore.acquire()).toList();
        long granted = acquired.stream().filter(CompletableFuture::isDone).count();
        System.out.printf("   granted at once: %d; pending futures: %d; and this thread went on (it is printing this)%n",
                granted, semaphore.waiting());
        semaphore.release();
        System.out.printf("   one release -> the longest waiter (acquire #3) is granted: %s%n%n", acquired.get(3).isDone());
    }

    private static void download(AsyncAwaitParadigm paradigm, LocalWebServer server) throws Exception {
        List<URI> warmUp = IntStream.range(0, 4).mapToObj(i -> server.url("/data/warm-up-" + i)).toList();
        paradigm.download().download(new DownloadRequest(warmUp, 4), Trace.off()); // loads and compiles the HTTP client's code
        server.resetCounters();
        List<URI> urls = IntStream.range(0, 24).mapToObj(i -> server.url("/data/" + i + "?size=4096")).toList();
        Trace trace = Trace.recording();
        long start = System.nanoTime();
        List<DownloadResult> results = paradigm.download().download(new DownloadRequest(urls, 4), trace);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long ok = results.stream().filter(DownloadResult.Downloaded.class::isInstance).count();
        System.out.printf("3. download: %d URLs, 100 ms each at the server, at most 4 in flight%n", urls.size());
        System.out.printf("   %d downloaded in %d ms (second run; one after another: at least %d ms; ideal with 4 in flight: %d ms);%n"
                        + "   the server saw %d in flight at most%n",
                ok, millis, urls.size() * 100, urls.size() / 4 * 100, server.maxInFlight());
        System.out.printf("   continuations ran on: %s%n%n", threads(trace));
    }

    private static void squares(AsyncAwaitParadigm paradigm) throws Exception {
        paradigm.squares().compute(SquaresRequest.realPythonExample(), Trace.off()); // warm-up: let the JIT compile the loop
        Trace trace = Trace.recording();
        long start = System.nanoTime();
        var sums = paradigm.squares().compute(SquaresRequest.realPythonExample(), trace);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("4. squares: %d exact sums with supplyAsync on an executor: %d ms (second run), on %s; parallel: %s%n%n",
                sums.size(), millis, threads(trace), trace.firstParallelPair().isPresent() ? "yes" : "no");
    }

    private static void exhibition(AsyncAwaitParadigm paradigm) throws Exception {
        var request = ExhibitionRequest.pyConExhibition(Duration.ofNanos(500_000));
        Trace trace = Trace.recording();
        long start = System.nanoTime();
        ExhibitionResult result = paradigm.exhibition().play(request, trace);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("5. exhibition: %d boards, %d moves: %.2f hours of exhibition time (game after game: %.0f h), %d ms real%n",
                request.boards(), result.moves().size(), result.exhibitionHours(), request.sequentialSeconds() / 3600.0, millis);
        System.out.printf("   every move ran on: %s%n%n", threads(trace));
    }

    private static void crawl(AsyncAwaitParadigm paradigm, LocalWebServer server) throws Exception {
        Trace trace = Trace.recording();
        long start = System.nanoTime();
        CrawlResult result = paradigm.crawl().crawl(new CrawlRequest(server.siteRoot(), 5), trace);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("6. crawl: %d URLs reached from %s in %d ms, at most %d in flight at the server%n",
                result.size(), server.siteRoot().getPath(), millis, server.maxInFlight());
        System.out.printf("   pages were processed on: %s%n%n", threads(trace));
    }

    /**
     * Runs {@code waiters} twice: once timed (wall time, CPU time and the peak heap, garbage
     * included, from {@code Meter}); once weighed — a full GC while all N wait, so that the heap
     * in use is what the waiting tasks keep alive, and nothing else.
     */
    private static void waiters(int tasks, Duration wait) throws Exception {
        System.out.printf("7. waiters: %,d tasks each wait %d ms, on one timer thread (capacity in this JVM: %,d)%n",
                tasks, wait.toMillis(), new Waiters().capacity().maxTasks());
        var request = new WaitersRequest(tasks, wait);
        var threads = ManagementFactory.getThreadMXBean();
        long startedBefore = threads.getTotalStartedThreadCount();
        Meter.Measured<WaitersResult> timed = Meter.measure(() -> new Waiters().await(request, Trace.off()));
        long millis = timed.measurement().wall().toMillis();
        System.out.printf("   timed:   %,d completed, %d early, %,d waiting at once; %,d ms (%,d ms over the wait), CPU %,d ms;"
                        + " threads started: %d; peak heap %,d MiB%n",
                timed.value().completed(), timed.value().early(), timed.value().maxWaitingAtOnce(), millis, millis - wait.toMillis(),
                timed.measurement().cpu().toMillis(), threads.getTotalStartedThreadCount() - startedBefore,
                timed.measurement().peakHeapBytes() >> 20);

        long heapBefore = heapAfterGc();
        long[] heapWhileWaiting = new long[1];
        new Waiters(() -> heapWhileWaiting[0] = heapAfterGc()).await(request, Trace.off());
        long kept = heapWhileWaiting[0] - heapBefore;
        System.out.printf("   weighed: the waiting tasks keep %,d MiB of heap alive: %,d bytes a task%n%n", kept >> 20, kept / tasks);
    }

    private static long heapAfterGc() {
        System.gc(); // a measurement, not a habit: a full collection, so that only live objects remain
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void counter(AsyncAwaitParadigm paradigm) throws Exception {
        var request = new CounterRequest(50, 100);
        System.out.printf("8. counter: %d chains x %d increments, each read - hop onto an executor - write%n",
                request.tasks(), request.incrementsPerTask());
        CounterResult exact = paradigm.counter().count(request, Trace.off());
        CounterResult oneThread = Counter.unguarded(1, Counter.HOP).count(request, Trace.off());
        CounterResult twoThreads = Counter.unguarded(2, Counter.HOP).count(request, Trace.off());
        System.out.printf("   one permit held across the hop, 2 threads: %,d of %,d (lost %d)%n", exact.total(), exact.expected(), exact.lostUpdates());
        System.out.printf("   no permit, ONE thread:                     %,d of %,d (lost %,d: every chain read before any wrote)%n",
                oneThread.total(), oneThread.expected(), oneThread.lostUpdates());
        System.out.printf("   no permit, two threads:                    %,d of %,d (lost %,d: varies from run to run)%n%n",
                twoThreads.total(), twoThreads.expected(), twoThreads.lostUpdates());
    }

    private static void deadline(AsyncAwaitParadigm paradigm, LocalWebServer server) throws Exception {
        System.out.println("9. deadline: fail fast, then a deadline; cancelled exchanges are aborted at the server");
        List<URI> failing = List.of(server.url("/data/1"), server.url("/status/500?delay=200"),
                server.url("/data/2?delay=5000"), server.url("/data/3?delay=5000"), server.url("/data/4?delay=5000"));
        deadlineRun(paradigm, server, new DeadlineRequest(failing, 5, Duration.ofSeconds(30)));
        List<URI> slow = IntStream.range(0, 6).mapToObj(i -> server.url("/data/slow-" + i + "?delay=5000")).toList();
        deadlineRun(paradigm, server, new DeadlineRequest(slow, 3, Duration.ofMillis(300)));
        System.out.println();
    }

    private static void deadlineRun(AsyncAwaitParadigm paradigm, LocalWebServer server, DeadlineRequest request) throws Exception {
        server.resetCounters();
        long start = System.nanoTime();
        DeadlineResult result = paradigm.deadline().download(request, Trace.off());
        long millis = (System.nanoTime() - start) / 1_000_000;
        long selectors = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")).count();
        System.out.printf("   %-15s in %,5d ms: %d finished, %d failed, %d cancelled; requests sent: %d; on return: %d in flight at the"
                        + " server, %d HttpClient selector threads alive%n",
                result.ending(), millis, result.count(ItemOutcome.Finished.class), result.count(ItemOutcome.Failed.class),
                result.count(ItemOutcome.Cancelled.class), server.totalRequests(), server.inFlight(), selectors);
    }

    private static void blocking() throws Exception {
        System.out.println("10. blocking: 8 queries of 300 ms, 4 connections, a heartbeat every 10 ms");
        try (var fixture = PostgresFixture.start()) {
            var request = new BlockingRequest(fixture.database(), 8, Duration.ofMillis(300), 4, Duration.ofMillis(10));
            for (BlockingExercise way : List.of(new Blocking(), new VertxPgQueries(), new StallingJdbcQueries())) {
                Trace trace = Trace.recording();
                long start = System.nanoTime();
                BlockingResult result = way.run(request, trace);
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("   %-22s %d answers in %4d ms on %d connections; heartbeat: %3d ticks, largest gap %3d ms; threads: %s%n",
                        way.getClass().getSimpleName(), result.answers().size(), millis, result.connectionsUsed(),
                        result.heartbeat().ticks(), result.heartbeat().largestGap().toMillis(), threads(trace));
            }
        }
    }

    private static String threads(Trace trace) {
        return trace.spans().stream().map(Span::thread).collect(Collectors.toCollection(TreeSet::new)).toString();
    }

    private static String threadName() {
        return Thread.currentThread().getName();
    }
}
