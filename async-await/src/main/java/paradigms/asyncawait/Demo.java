package paradigms.asyncawait;

import paradigms.common.blocking.BlockingQueries;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.db.PostgresFixture;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.server.LocalWebServer;
import paradigms.common.server.Site;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;

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
 * {@code -Dparadigms.postgres.image=paradigms/postgres:15-local}).
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
        paradigm.downloader().download(new DownloadRequest(warmUp, 4), Trace.off()); // loads and compiles the HTTP client's code
        server.resetCounters();
        List<URI> urls = IntStream.range(0, 24).mapToObj(i -> server.url("/data/" + i + "?size=4096")).toList();
        Trace trace = Trace.recording();
        long start = System.nanoTime();
        List<DownloadResult> results = paradigm.downloader().download(new DownloadRequest(urls, 4), trace);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long ok = results.stream().filter(DownloadResult.Downloaded.class::isInstance).count();
        System.out.printf("3. download: %d URLs, 100 ms each at the server, at most 4 in flight%n", urls.size());
        System.out.printf("   %d downloaded in %d ms (second run; one after another: at least %d ms; ideal with 4 in flight: %d ms);%n"
                        + "   the server saw %d in flight at most%n",
                ok, millis, urls.size() * 100, urls.size() / 4 * 100, server.maxInFlight());
        System.out.printf("   continuations ran on: %s%n%n", threads(trace));
    }

    private static void squares(AsyncAwaitParadigm paradigm) throws Exception {
        paradigm.squares().compute(SquaresRequest.seed(), Trace.off()); // warm-up: let the JIT compile the loop
        Trace trace = Trace.recording();
        long start = System.nanoTime();
        var sums = paradigm.squares().compute(SquaresRequest.seed(), trace);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("4. squares: %d exact sums with supplyAsync on an executor: %d ms (second run), on %s; parallel: %s%n%n",
                sums.size(), millis, threads(trace), trace.firstParallelPair().isPresent() ? "yes" : "no");
    }

    private static void exhibition(AsyncAwaitParadigm paradigm) throws Exception {
        var request = ExhibitionRequest.seed(Duration.ofNanos(500_000));
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
        CrawlResult result = paradigm.crawler().crawl(new CrawlRequest(server.siteRoot(), 5), trace);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("6. crawl: %d URLs reached from %s in %d ms, at most %d in flight at the server%n",
                result.size(), server.siteRoot().getPath(), millis, server.maxInFlight());
        System.out.printf("   pages were processed on: %s%n%n", threads(trace));
    }

    private static void blocking() throws Exception {
        System.out.println("7. blocking: 8 queries of 300 ms, 4 connections, a heartbeat every 10 ms");
        try (var fixture = PostgresFixture.start()) {
            var request = new BlockingRequest(fixture.database(), 8, Duration.ofMillis(300), 4, Duration.ofMillis(10));
            for (BlockingQueries way : List.of(new OffloadedJdbcQueries(), new VertxPgQueries(), new StallingJdbcQueries())) {
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
