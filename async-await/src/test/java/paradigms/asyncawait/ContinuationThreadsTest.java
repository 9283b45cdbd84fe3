package paradigms.asyncawait;

import paradigms.asyncawait.futures.AsyncHttp;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.server.LocalWebServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which thread runs a continuation. A {@code CompletableFuture} has no thread of its own:
 * a non-{@code Async} continuation runs on whichever thread happens to be there — the caller,
 * if the future is already complete; otherwise the thread that completes it. Only the
 * {@code *Async} methods choose the thread.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ContinuationThreadsTest {

    private static final long LONG_MS = TestTimeouts.LONG.toMillis();

    @Test
    void thenApplyOnAnAlreadyCompletedFutureRunsOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        Thread ranOn = CompletableFuture.completedFuture("done").thenApply(value -> Thread.currentThread()).join();
        assertEquals(caller, ranOn);
    }

    @Test
    void thenApplyOnAPendingFutureRunsOnTheThreadThatCompletesIt() throws Exception {
        var pending = new CompletableFuture<String>();
        CompletableFuture<String> continuation = pending.thenApply(value -> Thread.currentThread().getName());

        Thread completer = Thread.ofPlatform().name("the-completer").start(() -> pending.complete("done"));
        completer.join(LONG_MS);

        assertEquals("the-completer", continuation.get(LONG_MS, TimeUnit.MILLISECONDS));
    }

    @Test
    void thenApplyAsyncRunsOnTheGivenExecutorEvenWhenTheFutureIsAlreadyComplete() throws Exception {
        try (ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("given-executor").factory())) {
            String ranOn = CompletableFuture.completedFuture("done")
                    .thenApplyAsync(value -> Thread.currentThread().getName(), executor)
                    .get(LONG_MS, TimeUnit.MILLISECONDS);
            assertEquals("given-executor", ranOn);
        }
    }

    /** Why Squares brings its own executor: the default one has cores − 1 threads, shared by the whole JVM. */
    @Test
    void supplyAsyncWithoutAnExecutorRunsOnTheCommonPoolOfCoresMinusOneThreads() throws Exception {
        String ranOn = CompletableFuture.supplyAsync(() -> Thread.currentThread().getName()).get(LONG_MS, TimeUnit.MILLISECONDS);
        assertTrue(ranOn.startsWith("ForkJoinPool.commonPool-worker-"), ranOn);
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(Math.max(1, cores - 1), ForkJoinPool.getCommonPoolParallelism(),
                "common pool parallelism on " + cores + " cores (unless -Djava.util.concurrent.ForkJoinPool.common.parallelism is set)");
    }

    /** Why the download's continuations run on the common pool: the HTTP client hands its futures over to it. */
    @Test
    void sendAsyncCompletesItsFutureOnTheCommonPoolNotOnTheClientsOwnThreads() throws Exception {
        try (var server = LocalWebServer.start(); HttpClient client = AsyncHttp.newClient()) {
            var request = HttpRequest.newBuilder(server.url("/data/x?delay=20")).build();
            String ranOn = client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(response -> Thread.currentThread().getName())
                    .get(LONG_MS, TimeUnit.MILLISECONDS);
            assertTrue(ranOn.startsWith("ForkJoinPool.commonPool-worker-"), ranOn);
        }
    }
}
