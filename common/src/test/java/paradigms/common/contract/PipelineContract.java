package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Claim;
import paradigms.common.download.Failure;
import paradigms.common.measure.Leftovers;
import paradigms.common.pipeline.BufferLevel;
import paradigms.common.pipeline.Fetched;
import paradigms.common.pipeline.PageWork;
import paradigms.common.pipeline.PipelineItem;
import paradigms.common.pipeline.PipelineRequest;
import paradigms.common.pipeline.PipelineResult;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code pipeline} exercise's contract: download → process → collect with a buffer of B
 * pages between stages 1 and 2. Every URL processed exactly once, results in input order; never
 * more than B pages buffered (read from the {@link BufferLevel} the buffer updates in the same
 * step as it inserts and removes); stage 1 slows down when stage 2 is slow (read from the
 * server's request count, against what the contract's own {@link WatchedWork} saw stage 2
 * begin); a failing URL is that item's failure and the rest go on; a page's work that throws
 * ends the call with that error; nothing left running.
 *
 * <p>Stage 2 is made slow with CPU work of a fixed duration per page; no bound here is on time.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
public interface PipelineContract extends ParadigmContract {

    /** Stage 2's work per page when the test makes it the slow stage: long beside a local download. */
    Duration SLOW_WORK = Duration.ofMillis(20);

    private PipelineResult run(PipelineRequest request, BufferLevel level) throws InterruptedException {
        return paradigm().pipeline().run(request, level, Trace.off());
    }

    @Test
    default void processesEveryUrlExactlyOnceAndCollectsTheResultsInInputOrder() throws Exception {
        try (var server = LocalWebServer.start()) {
            int n = 16;
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // Later URLs answer sooner: stage 2 meets them out of order, stage 3 must put them back.
                urls.add(server.url("/data/" + i + "?size=" + (1_000 + i) + "&delay=" + (n - i) * 5));
            }
            var work = new WatchedWork(Duration.ZERO, server);
            var level = new BufferLevel();
            PipelineResult result = run(new PipelineRequest(urls, 4, 3, work), level);

            assertEquals(n, result.items().size(), "one item per URL");
            for (int i = 0; i < n; i++) {
                URI url = urls.get(i);
                var processed = assertInstanceOf(PipelineItem.Processed.class, result.items().get(i), "item " + i);
                assertEquals(url, processed.url(), "item " + i + " is in input order");
                byte[] body = LocalWebServer.expectedBody(url);
                assertEquals(body.length, processed.size(), url + ": size");
                assertEquals(sha256(body), processed.sha256(), url + ": digest");
                assertEquals(1, server.requests(url), url + " requested once");
                assertEquals(1, work.processed().getOrDefault(url, 0), url + " processed once");
            }
            assertEquals(n, work.processed().size(), "stage 2 saw only these pages");
            assertEquals(n, level.insertions(), "every page went through the buffer: " + level);
            assertEquals(n, level.removals(), "every page came out of the buffer: " + level);
            assertTrue(server.maxInFlight() <= 4, "at most C requests in flight at the server, saw " + server.maxInFlight());
        }
    }

    @Test
    default void neverHoldsMoreThanBPagesInTheBuffer() throws Exception {
        try (var server = LocalWebServer.start()) {
            int bufferSize = 3;
            var level = new BufferLevel();
            run(new PipelineRequest(urls(server, 24, "bound"), 4, bufferSize, new WatchedWork(SLOW_WORK, server)), level);

            assertTrue(level.highWater() <= bufferSize,
                    "the buffer held " + level.highWater() + " pages at once, more than B = " + bufferSize + ": " + level);
            assertTrue(level.lowWater() >= 0, "a removal was reported before its insertion: " + level);
            assertEquals(0, level.level(), "the buffer is empty at the end: " + level);
            assertEquals(24, level.insertions(), "every page went through the buffer: " + level);
        }
    }

    @Test
    default void stageOneSlowsDownWhenStageTwoIsSlow() throws Exception {
        try (var server = LocalWebServer.start()) { // downloads answer at once: only backpressure holds stage 1 back
            int n = 30;
            int maxInFlight = 3;
            int bufferSize = 2;
            var work = new WatchedWork(SLOW_WORK, server);
            PipelineResult result = run(new PipelineRequest(urls(server, n, "backpressure"), maxInFlight, bufferSize, work), new BufferLevel());

            assertEquals(n, result.count(PipelineItem.Processed.class));
            assertEquals(n, work.begun(), "stage 2 began every page once");
            assertTrue(work.mostAhead() <= bufferSize + maxInFlight,
                    "the server saw " + work.mostAhead() + " requests more than the pages stage 2 had begun; B + C = "
                            + (bufferSize + maxInFlight) + " is the most a bounded buffer allows: stage 1 did not slow down");
        }
    }

    @Test
    default void aFailingUrlBecomesThatItemsFailureAndThePipelineGoesOn() throws Exception {
        try (var server = LocalWebServer.start()) {
            List<URI> urls = List.of(
                    server.url("/data/0"),
                    server.url("/status/500"),
                    server.url("/data/2"),
                    server.url("/reset"),
                    server.url("/data/4"),
                    server.url("/status/404"),
                    server.url("/data/6"));
            var work = new WatchedWork(Duration.ZERO, server);
            var level = new BufferLevel();
            PipelineResult result = run(new PipelineRequest(urls, 3, 2, work), level);

            assertEquals(urls.size(), result.items().size());
            for (int i : new int[] {0, 2, 4, 6}) {
                assertEquals(urls.get(i), assertInstanceOf(PipelineItem.Processed.class, result.items().get(i), "item " + i).url());
            }
            var serverError = assertInstanceOf(PipelineItem.Failed.class, result.items().get(1)).failure();
            assertEquals(Failure.HTTP_STATUS, serverError.failure());
            assertEquals(500, serverError.status());
            assertEquals(Failure.CONNECTION, assertInstanceOf(PipelineItem.Failed.class, result.items().get(3)).failure().failure());
            assertEquals(404, assertInstanceOf(PipelineItem.Failed.class, result.items().get(5)).failure().status());
            Map<URI, Integer> processed = work.processed();
            assertEquals(Map.of(urls.get(0), 1, urls.get(2), 1, urls.get(4), 1, urls.get(6), 1), processed,
                    "stage 2 processed each page once, and no failure");
            assertEquals(urls.size(), level.insertions(), "failures go through the buffer too: " + level);
            for (URI url : urls) {
                assertEquals(1, server.requests(url), url + " requested once");
            }
        }
    }

    @Test
    default void leavesNothingRunningAfterItReturns() throws Exception {
        Leftovers before = Leftovers.now();
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(5)).start()) {
            List<URI> urls = new ArrayList<>(urls(server, 12, "leftovers"));
            urls.add(3, server.url("/reset?case=leftovers"));
            run(new PipelineRequest(urls, 4, 2, new WatchedWork(Duration.ofMillis(5), server)), new BufferLevel());

            await("no request in flight and no connection open at the server")
                    .atMost(TestTimeouts.scaled(Duration.ofSeconds(3)))
                    .until(() -> server.inFlight() == 0 && server.connectionsOpen() == 0);
            await("no thread or child process of ours still alive")
                    .atMost(TestTimeouts.scaled(Duration.ofSeconds(3)))
                    .untilAsserted(() -> assertEquals(List.of(), Leftovers.now().newSince(before), "left behind"));
        }
    }

    /**
     * A page's work that throws is a bug, not a failing URL: the call throws that error — it does
     * not hang with stage 1 waiting on a full buffer that nobody takes from — and leaves nothing
     * running.
     */
    @Test
    default void aWorkThatThrowsMakesTheCallThrowItAndLeavesNothingRunning() throws Exception {
        Leftovers before = Leftovers.now();
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(5)).start()) {
            var bug = new IllegalArgumentException("a bug in stage 2");
            PageWork failsOnTheThirdPage = new PageWork() {
                private final PageWork digest = PageWork.digesting(Duration.ZERO);
                private int pages; // guarded by this: stage 2 may run on any thread

                @Override
                public synchronized PipelineItem.Processed process(Fetched.Page page) {
                    if (++pages == 3) {
                        throw bug;
                    }
                    return digest.process(page);
                }
            };
            var request = new PipelineRequest(urls(server, 10, "failing-work"), 2, 1, failsOnTheThirdPage);
            Throwable thrown = assertThrows(Exception.class, () -> run(request, new BufferLevel()));
            assertTrue(causes(thrown).contains(bug), "the work's own error comes out: " + thrown);

            await("no request in flight and no connection open at the server")
                    .atMost(TestTimeouts.scaled(Duration.ofSeconds(5)))
                    .until(() -> server.inFlight() == 0 && server.connectionsOpen() == 0);
        }
        await("no thread or child process of ours still alive")
                .atMost(TestTimeouts.scaled(Duration.ofSeconds(5)))
                .untilAsserted(() -> assertEquals(List.of(), Leftovers.now().newSince(before), "left behind"));
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = error; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    @Test
    default void keepsCRequestsInFlightWhenItClaimsConcurrentWaiting() throws Exception {
        assumeClaim(Claim.WAITS_CONCURRENTLY);
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(50)).start()) {
            int maxInFlight = 4;
            run(new PipelineRequest(urls(server, 16, "in-flight"), maxInFlight, 4, PageWork.digesting(Duration.ZERO)), new BufferLevel());
            assertEquals(maxInFlight, server.maxInFlight(), "the server saw this many requests at once, with C = " + maxInFlight);
        }
    }

    private static List<URI> urls(LocalWebServer server, int count, String testCase) {
        List<URI> urls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            urls.add(server.url("/data/" + i + "?case=" + testCase));
        }
        return urls;
    }

    private static String sha256(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }
}
