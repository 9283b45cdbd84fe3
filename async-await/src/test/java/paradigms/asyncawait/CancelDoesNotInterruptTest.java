package paradigms.asyncawait;

import paradigms.asyncawait.futures.AsyncHttp;
import paradigms.asyncawait.futures.AsyncSemaphore;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.download.Failure;
import paradigms.common.server.LocalWebServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cancel()} on a {@code CompletableFuture} completes the future with a
 * {@link CancellationException} — and that is all. The future does not know which thread, if
 * any, is computing it, so it cannot interrupt it: {@code mayInterruptIfRunning} is ignored.
 * Work must be stopped by the code that owns it (here: {@code exchange.cancel(true)} on the
 * HTTP client's own future, {@code client.shutdownNow()}, {@code executor.shutdownNow()}).
 *
 * <p>The HTTP tests are the deadline exercise's story. A chain that sends its request after a
 * semaphore's permit is cancelled, and the request runs on to its answer. The JDK's
 * {@code HttpClient} is the exception that proves the rule: it wires {@code cancel(true)} from
 * its own futures, and from futures derived from them, to the exchange — but a chain that
 * starts at a plain future is not derived from them. So the deadline exercise wires its own:
 * completing a "stop" future cancels the exchange ({@code AsyncHttp.get(…, stop)}), and the
 * server sees the client leave.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class CancelDoesNotInterruptTest {

    private static final long LONG_MS = TestTimeouts.LONG.toMillis();

    @Test
    void aCancelledCompletableFuturesTaskKeepsRunningAndIsNotInterrupted() throws Exception {
        var started = new CountDownLatch(1);
        var mayFinish = new CountDownLatch(1);
        var finished = new CountDownLatch(1);
        var interrupted = new AtomicBoolean();
        try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
            CompletableFuture<String> future = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                try {
                    mayFinish.await();
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
                finished.countDown();
                return "finished anyway";
            }, executor);
            assertTrue(started.await(LONG_MS, TimeUnit.MILLISECONDS), "the task started");

            assertTrue(future.cancel(true), "the future says it was cancelled");
            assertTrue(future.isCancelled());
            assertThrows(CancellationException.class, future::join);

            mayFinish.countDown(); // the task was still waiting: cancel() did not reach it
            assertTrue(finished.await(LONG_MS, TimeUnit.MILLISECONDS), "the task ran to its end after the cancel");
            assertFalse(interrupted.get(), "cancel(true) did not interrupt the task's thread");
        }
    }

    /** The contrast: a plain Future from an ExecutorService knows its thread, and cancel(true) interrupts it. */
    @Test
    void aCancelledExecutorFutureDoesInterruptItsTask() throws Exception {
        var started = new CountDownLatch(1);
        var interrupted = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
            Future<?> future = executor.submit(() -> {
                started.countDown();
                try {
                    new CountDownLatch(1).await(); // waits forever, unless interrupted
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
            });
            assertTrue(started.await(LONG_MS, TimeUnit.MILLISECONDS));
            future.cancel(true);
            assertTrue(interrupted.await(LONG_MS, TimeUnit.MILLISECONDS), "cancel(true) interrupted the task");
        }
    }

    /**
     * The chapter's chains start at a semaphore's permit, a plain future, and send their request
     * in a {@code thenCompose}. Cancelling such a chain — even with {@code cancel(true)} — does
     * not reach the request: it runs on to its answer.
     */
    @Test
    void cancellingAChainThatStartsAtAPlainFutureLeavesItsRequestRunningToItsAnswer() throws Exception {
        try (var server = LocalWebServer.start(); HttpClient client = AsyncHttp.newClient()) {
            var permit = new CompletableFuture<Void>(); // what AsyncSemaphore.acquire() returns: a plain future
            var exchange = new AtomicReference<CompletableFuture<HttpResponse<byte[]>>>();
            CompletableFuture<Integer> chain = permit
                    .thenCompose(granted -> {
                        exchange.set(client.sendAsync(slowRequest(server, 300), HttpResponse.BodyHandlers.ofByteArray()));
                        return exchange.get();
                    })
                    .thenApply(HttpResponse::statusCode);
            permit.complete(null); // the request goes out
            await().atMost(TestTimeouts.LONG).until(() -> server.inFlight() == 1);

            assertTrue(chain.cancel(true));

            HttpResponse<byte[]> answer = exchange.get().get(LONG_MS, TimeUnit.MILLISECONDS); // nothing stopped it
            assertEquals(200, answer.statusCode());
        }
    }

    /**
     * The exception, documented by the JDK: the {@code HttpClient}'s futures are "cancelable",
     * and so is every future derived from one with its own methods ({@code thenApply},
     * {@code copy}, …): {@code cancel(true)} on any of them aborts the exchange. The HTTP client
     * wired its cancellation through itself — as far as its own futures reach.
     */
    @Test
    void cancelTrueOnAFutureDerivedFromSendAsyncAbortsTheRequestBecauseTheClientWiredIt() throws Exception {
        try (var server = LocalWebServer.start(); HttpClient client = AsyncHttp.newClient()) {
            CompletableFuture<HttpResponse<byte[]>> exchange =
                    client.sendAsync(slowRequest(server, 5_000), HttpResponse.BodyHandlers.ofByteArray());
            CompletableFuture<Integer> status = exchange.thenApply(HttpResponse::statusCode);
            await().atMost(TestTimeouts.LONG).until(() -> server.inFlight() == 1);

            status.cancel(true);

            assertInstanceOf(CancellationException.class, failureOf(exchange), "the exchange was aborted");
            await("the server sees the client leave, well before the 5 s answer")
                    .atMost(TestTimeouts.scaled(Duration.ofSeconds(2)))
                    .until(() -> server.inFlight() == 0 && server.connectionsOpen() == 0);
        }
    }

    /**
     * Wired through by us, as the deadline exercise does: {@code AsyncHttp.get} cancels the
     * exchange itself when {@code stop} completes, however far down a chain of plain futures it
     * sits. The request is aborted long before its 5 s answer: the server sees the client close
     * the connection, and nothing is in flight.
     */
    @Test
    void completingTheStopFutureWiredToAnExchangeAbortsTheRequestAtTheServer() throws Exception {
        try (var server = LocalWebServer.start(); HttpClient client = AsyncHttp.newClient()) {
            var stop = new CompletableFuture<Void>();
            var inFlight = new AsyncSemaphore(1);
            CompletableFuture<HttpResponse<byte[]>> answer = inFlight.withPermit( // a chain like the deadline exercise's
                    () -> AsyncHttp.get(client, server.url("/data/1?delay=5000"), Duration.ofSeconds(30), stop));
            await().atMost(TestTimeouts.LONG).until(() -> server.inFlight() == 1);

            stop.complete(null);

            assertInstanceOf(CancellationException.class, failureOf(answer), "the exchange was aborted");
            await("the server sees the client leave, well before the 5 s answer")
                    .atMost(TestTimeouts.scaled(Duration.ofSeconds(2)))
                    .until(() -> server.inFlight() == 0 && server.connectionsOpen() == 0);
        }
    }

    /** Cancelling a later stage does not travel back up the chain: the stage it waits on goes on. */
    @Test
    void cancellingADependentStageLeavesTheStageItWaitsOnPending() {
        var source = new CompletableFuture<String>();
        CompletableFuture<Integer> dependent = source.thenApply(String::length);

        dependent.cancel(true);

        assertTrue(dependent.isCancelled());
        assertFalse(source.isDone(), "the source is not cancelled: whoever computes it keeps going");
        assertTrue(source.complete("still wanted by nobody"));
    }

    /**
     * What {@code future} failed with, without the wrappers: {@code get} throws a cancellation
     * as it is when the future itself was cancelled, and wrapped in an
     * {@link ExecutionException} when it was failed with one.
     */
    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(LONG_MS, TimeUnit.MILLISECONDS);
        } catch (CancellationException cancelled) {
            return cancelled;
        } catch (ExecutionException failed) {
            return Failure.unwrap(failed.getCause());
        }
        throw new AssertionError("completed normally: " + future);
    }

    private static HttpRequest slowRequest(LocalWebServer server, int delayMillis) {
        return HttpRequest.newBuilder(server.url("/data/1?delay=" + delayMillis)).GET().build();
    }
}
