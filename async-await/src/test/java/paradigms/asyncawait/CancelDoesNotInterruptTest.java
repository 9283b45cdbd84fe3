package paradigms.asyncawait;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cancel()} on a {@code CompletableFuture} completes the future with a
 * {@link CancellationException} — and that is all. The future does not know which thread, if
 * any, is computing it, so it cannot interrupt it: {@code mayInterruptIfRunning} is ignored.
 * Work must be stopped by the code that owns it (here: {@code exchange.cancel(true)} on the
 * HTTP client's own future, {@code client.shutdownNow()}, {@code executor.shutdownNow()}).
 */
@Timeout(60)
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
}
