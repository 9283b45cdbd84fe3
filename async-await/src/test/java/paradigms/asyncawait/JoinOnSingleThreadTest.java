package paradigms.asyncawait;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code join()} inside a task of a single-threaded executor, on a future that needs that
 * same executor, deadlocks it: the only thread waits for work that only it could do. This is
 * what blocking inside an event loop comes to when the awaited work is queued on the loop.
 * It is shown with a timeout, never a hang, and the executor is rescued afterwards.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class JoinOnSingleThreadTest {

    /** How long to wait for something that must NOT happen; its expiry is the observation. */
    private static final long DEADLOCK_PROOF_MS = TestTimeouts.scaled(Duration.ofMillis(300)).toMillis();

    @Test
    void joiningAFutureThatNeedsTheSameSingleThreadDeadlocksIt() {
        var inner = new AtomicReference<CompletableFuture<Integer>>();
        ExecutorService loop = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("one-thread").factory());
        try {
            CompletableFuture<Integer> outer = CompletableFuture.supplyAsync(() -> {
                CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> 42, loop); // queued behind us
                inner.set(answer);
                return answer.join(); // blocks the only thread: the queued task can never run
            }, loop);

            CompletionException thrown = assertThrows(CompletionException.class,
                    () -> outer.orTimeout(DEADLOCK_PROOF_MS, TimeUnit.MILLISECONDS).join());
            assertInstanceOf(TimeoutException.class, thrown.getCause());
            assertFalse(inner.get().isDone(), "the inner task never ran: its thread was waiting for it");
        } finally {
            // The rescue, even if an assertion failed: join() ignores interrupts, so shutdownNow()
            // could not free the thread, and close() would wait for it forever. Complete the
            // future it waits on instead.
            CompletableFuture<Integer> awaited = inner.get();
            if (awaited != null) {
                awaited.complete(0);
            }
            loop.close();
        }
    }

    /** The fix: compose instead of join. The first task ends, and frees the thread for the second. */
    @Test
    void composingInsteadOfJoiningNeedsNoSecondThread() throws Exception {
        try (ExecutorService loop = Executors.newSingleThreadExecutor()) {
            int answer = CompletableFuture.supplyAsync(() -> 1, loop)
                    .thenCompose(first -> CompletableFuture.supplyAsync(() -> 41 + first, loop))
                    .get(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(42, answer);
        }
    }
}
