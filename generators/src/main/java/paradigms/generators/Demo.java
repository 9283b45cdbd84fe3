package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.counter.SharedCounter;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.ItemOutcome;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.MoveLog;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.server.LocalWebServer;
import paradigms.common.server.Site;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;
import paradigms.generators.coroutine.Await;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.CoroutineTraceback;
import paradigms.generators.coroutine.Gather;
import paradigms.generators.coroutine.Lock;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Semaphore;
import paradigms.generators.coroutine.Sleep;
import paradigms.generators.coroutine.Step;
import paradigms.generators.http.CoroutineHttpClient;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

/**
 * The chapter in a few seconds: a coroutine driven by hand, step by step; the scheduler's
 * ready and waiting lists tick by tick; an exception that remembers every coroutine it
 * passed through; then the exercises, timed.
 *
 * <p>Run: {@code ./mvnw -q -pl generators -am compile exec:java}
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        stepByStep();
        tickByTick();
        traceback();
        exercises();
    }

    /** 1. The test driver's view: each send runs the coroutine to its next yield. */
    private static void stepByStep() throws Exception {
        System.out.println("== 1. One coroutine, resumed by hand (here the demo is its task)");
        var request = new ExhibitionRequest(1, 5, 55, 1, Duration.ofMillis(1));
        try (var loop = new EventLoop()) {
            var board = new Exhibition.Board(request, 0, new Lock(new Scheduler(loop), "the master"), new MoveLog(request));
            System.out.printf("   %-46s now at %s%n", "new Board(...)", board.state());
            Step<Void> step = board.send(null);
            while (step instanceof Step.Yield<Void>(Await awaited)) {
                System.out.printf("   send(null) -> yield %-26s now at %s%n", awaited.describe(), board.state());
                if (awaited instanceof Await.Delegate(Coroutine<?> sub)) {
                    sub.send(null); // the driver runs the sub-coroutine; the lock is free, so it returns at once
                }
                step = board.send(null);
            }
            System.out.printf("   send(null) -> %-32s now at %s%n", "return", board.state());
        }
    }

    /** 2. Two downloads and a sleep on one loop: the lists before every tick. */
    private static void tickByTick() throws Exception {
        System.out.println();
        System.out.println("== 2. The scheduler, tick by tick: two downloads (the server waits 30 ms) and a 10 ms sleep");
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(30)).start(); var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop);
            try (var client = new CoroutineHttpClient(scheduler)) {
                var permits = new Semaphore(scheduler, "requests in flight", 2);
                List<Coroutine<?>> three = List.of(
                        new Download.FetchOne(client, permits, server.url("/data/1"), Duration.ofSeconds(5), Trace.off(), ResumeLatency.off()),
                        new Download.FetchOne(client, permits, server.url("/data/2"), Duration.ofSeconds(5), Trace.off(), ResumeLatency.off()),
                        new Sleep(Duration.ofMillis(10)));
                scheduler.watchTicks(dump -> System.out.println("   " + dump.replace(System.lineSeparator(), System.lineSeparator() + "   ")));
                scheduler.run(new Gather<>(scheduler, "three", three));
            }
        }
    }

    /** 3. A failure deep down, and the stack of coroutines it carries out. */
    private static void traceback() throws Exception {
        System.out.println();
        System.out.println("== 3. An exception passes through the coroutines and remembers them");
        int port;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // nothing listens there once closed
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/nowhere");
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop);
            try (var client = new CoroutineHttpClient(scheduler)) {
                var permits = new Semaphore(scheduler, "requests in flight", 1);
                scheduler.run(new Gather<>(scheduler, "one URL", List.of(new LimitedGet(client, permits, url, Duration.ofSeconds(5)))));
            }
        } catch (CompletionException failed) {
            System.out.println("   " + failed.getCause());
            System.out.println("   through coroutines, innermost first:");
            CoroutineTraceback.of(failed.getCause()).forEach(frame -> System.out.println("     " + frame));
        }
    }

    /** 4. The exercises, each on a loop of its own. */
    private static void exercises() throws Exception {
        System.out.println();
        System.out.println("== 4. The exercises, on one thread");
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(20)).start()) {
            List<URI> urls = IntStream.range(0, 200).mapToObj(i -> server.url("/data/" + i)).toList();
            long start = System.nanoTime();
            List<DownloadResult> results = new Download().download(new DownloadRequest(urls, 20), Trace.off());
            System.out.printf("   download: %d URLs, 20 ms each, C = 20: %d ms (ideal 200 ms), %d downloaded, server saw at most %d in flight%n",
                    urls.size(), (System.nanoTime() - start) / 1_000_000,
                    results.stream().filter(DownloadResult.Downloaded.class::isInstance).count(), server.maxInFlight());
        }
        Site site = Site.generate(42, 150, Duration.ofMillis(40));
        try (var server = LocalWebServer.builder().site(site).latency(Duration.ofMillis(5)).start()) {
            long start = System.nanoTime();
            int found = new Crawl().crawl(new CrawlRequest(server.siteRoot(), 5), Trace.off()).size();
            System.out.printf("   crawl: %d URLs found (%d reachable), C = 5: %d ms%n",
                    found, site.reachablePaths().size(), (System.nanoTime() - start) / 1_000_000);
        }
        var exhibition = ExhibitionRequest.pyConExhibition(Duration.ofNanos(500_000));
        System.out.printf("   exhibition: %.2f exhibition hours (12 h one game after another; ideal %.2f h)%n",
                new Exhibition().play(exhibition, Trace.off()).exhibitionHours(), exhibition.concurrentSeconds() / 3600.0);
        long start = System.nanoTime();
        new Squares().compute(SquaresRequest.realPythonExample(), Trace.off());
        System.out.printf("   squares: 20 sums on the loop thread, in slices of %,d: %d ms (one core: no speedup)%n",
                Squares.SLICE, (System.nanoTime() - start) / 1_000_000);
        System.out.println("   blocking: needs PostgreSQL (Docker) — see GeneratorsBlockingTest and WhatBreaksTest");
        waitersCounterDeadline();
    }

    /** The scalability, shared-state and cancellation exercises. */
    private static void waitersCounterDeadline() throws Exception {
        long start = System.nanoTime();
        WaitersResult waited = new Waiters().await(new WaitersRequest(100_000, Duration.ofMillis(200)), Trace.off());
        System.out.printf("   waiters: 100,000 tasks sleeping 200 ms: %d ms, %,d of them asleep at once, on one thread%n",
                (System.nanoTime() - start) / 1_000_000, waited.maxWaitingAtOnce());

        var unlocked = new SharedCounter();
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop);
            scheduler.run(new Gather<>(scheduler, "unlocked", IntStream.range(0, 3)
                    .mapToObj(i -> Counter.Increments.unlocked(i, unlocked, 1_000)).toList()));
        }
        CounterResult locked = new Counter().count(new CounterRequest(3, 1_000), Trace.off());
        System.out.printf("   counter: 3 tasks × 1,000 read-pass-write increments: %,d without the lock (%,d lost),"
                + " %,d with it%n", unlocked.value(), 3_000 - unlocked.value(), locked.total());

        try (var server = LocalWebServer.start()) {
            List<URI> urls = List.of(server.url("/data/1"), server.url("/status/500?delay=100"),
                    server.url("/data/2?delay=5000"), server.url("/data/3?delay=5000"));
            start = System.nanoTime();
            DeadlineResult result = new Deadline().download(new DeadlineRequest(urls, 4, Duration.ofSeconds(10)), Trace.off());
            System.out.printf("   deadline: %s after %d ms%n", result.ending(), (System.nanoTime() - start) / 1_000_000);
            for (ItemOutcome item : result.items()) {
                URI url = item.url();
                String target = url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
                System.out.printf("     %-22s %s%n", target, switch (item) {
                    case ItemOutcome.Finished finished -> "finished";
                    case ItemOutcome.Failed failed -> "failed: " + failed.result().detail();
                    case ItemOutcome.Cancelled cancelled -> cancelled.why();
                });
            }
            for (int i = 0; i < 100 && server.connectionsOpen() > 0; i++) {
                Thread.sleep(10); // a demo, not a test: a closed socket reaches the server a moment later
            }
            System.out.printf("     the server now has %d connections open and %d requests in flight%n",
                    server.connectionsOpen(), server.inFlight());
        }
    }
}
