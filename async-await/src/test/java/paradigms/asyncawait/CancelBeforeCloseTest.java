package paradigms.asyncawait;

import paradigms.asyncawait.futures.AsyncHttp;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.Ending;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order of the deadline exercise's clean-up: cancel, then close. {@code HttpClient.close()}
 * is polite — it waits for every exchange still running to finish — so closing a client with
 * a slow request out keeps the caller until the answer comes; cancelling the exchange first
 * lets {@code close()} return at once. After {@code Deadline} returns, the client's
 * selector thread is already gone: {@code close()} waited for it.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class CancelBeforeCloseTest {

    /** The slow answer; the first test spends it, on purpose: it is what close() waits for. */
    private static final Duration SLOW = Duration.ofMillis(1_000);

    /** An answer that close() must not wait for: the bound on close() is this long, so the server's delay is too. */
    private static final Duration NOT_SOON = TestTimeouts.scaled(Duration.ofSeconds(5));

    @Test
    void closingTheClientWithAnExchangeInFlightWaitsForItsWholeAnswer() throws Exception {
        try (var server = LocalWebServer.start()) {
            CompletableFuture<HttpResponse<byte[]>> exchange;
            long start = System.nanoTime();
            try (HttpClient client = AsyncHttp.newClient()) {
                exchange = client.sendAsync(slowRequest(server), HttpResponse.BodyHandlers.ofByteArray());
            } // close(), with the exchange still out
            Duration closeTook = Duration.ofNanos(System.nanoTime() - start);

            // close() waited for the exchange; the future we hold is completed a moment later on the
            // common pool, where the client hands every answer (see AsyncHttp), so wait that moment.
            await("the exchange's future, completed on the common pool after close() returned")
                    .atMost(TestTimeouts.scaled(Duration.ofSeconds(1)))
                    .until(exchange::isDone);
            assertEquals(200, exchange.join().statusCode(), "the exchange ran to its answer");
            assertTrue(closeTook.compareTo(SLOW) >= 0, "close() waited for the slow answer: " + closeTook.toMillis() + " ms");
        }
    }

    @Test
    void cancellingTheExchangeFirstLetsCloseReturnAtOnceAndTheServerSeesTheClientLeave() throws Exception {
        try (var server = LocalWebServer.start()) {
            CompletableFuture<HttpResponse<byte[]>> exchange;
            Duration closeTook;
            try (HttpClient client = AsyncHttp.newClient()) {
                exchange = client.sendAsync(HttpRequest.newBuilder(server.url("/data/1?delay=" + NOT_SOON.toMillis())).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                // The client's own future: this cancel reaches the socket. It first cancels the
                // exchange, which may complete the future with the exchange's own IOException on
                // the client's thread before the future marks itself cancelled; either way it is
                // done without an answer, and cancel() says it took effect.
                assertTrue(exchange.cancel(true), "cancel() took effect");
                long start = System.nanoTime();
                client.close();
                closeTook = Duration.ofNanos(System.nanoTime() - start);
            }
            assertTrue(exchange.isCompletedExceptionally(), "the exchange ended without an answer: " + exchange);
            assertTrue(closeTook.compareTo(NOT_SOON) < 0, "close() did not wait for the " + NOT_SOON.toMillis() + " ms answer: " + closeTook.toMillis() + " ms");
            await("the server sees the client leave").atMost(TestTimeouts.scaled(Duration.ofSeconds(2)))
                    .until(() -> server.inFlight() == 0 && server.connectionsOpen() == 0);
        }
    }

    /**
     * The contract waits a moment for leftovers to go; this is stricter about the one that
     * {@code close()} waits for: the instant the call returns, its client's SelectorManager
     * thread has ended — it cancelled every exchange, then closed the client, and {@code close()}
     * joins that thread. The client's worker threads come from a default executor that the
     * client shuts down without waiting for it: they end a few milliseconds later.
     */
    @Test
    void theDeadlineCallLeavesNoSelectorThreadTheMomentItReturnsAndNoWorkerAMomentLater() throws Exception {
        Set<String> before = httpClientThreads();
        try (var server = LocalWebServer.start()) {
            List<URI> urls = IntStream.range(0, 6).mapToObj(i -> server.url("/data/" + i + "?delay=5000")).toList();

            DeadlineResult result = new Deadline().download(new DeadlineRequest(urls, 3, Duration.ofMillis(300)), Trace.off());

            Set<String> left = httpClientThreads();
            left.removeAll(before);
            assertEquals(Set.of(), left.stream().filter(name -> name.contains("-SelectorManager#")).collect(Collectors.toSet()),
                    "selector threads alive on return");
            assertEquals(Ending.DEADLINE_PASSED, result.ending());
            await("the client's workers end").atMost(TestTimeouts.LONG).until(() -> {
                Set<String> now = httpClientThreads();
                now.removeAll(before);
                return now.isEmpty();
            });
        }
    }

    private static HttpRequest slowRequest(LocalWebServer server) {
        return HttpRequest.newBuilder(server.url("/data/1?delay=" + SLOW.toMillis())).GET().build();
    }

    private static Set<String> httpClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("HttpClient-"))
                .map(t -> t.getName() + "#" + t.threadId())
                .collect(Collectors.toSet());
    }
}
