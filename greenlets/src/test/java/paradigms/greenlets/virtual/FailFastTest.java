package paradigms.greenlets.virtual;

import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fail-fast fan-out: the first failure interrupts the siblings, and nothing outlives the call. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class FailFastTest {

    /** Blocks far longer than the test may take: only an interrupt ends it in time. */
    private static final Duration FOREVER = Duration.ofMinutes(10);

    @Test
    void returnsEveryResultInInputOrderWhenNoneFails() throws Exception {
        List<Callable<Integer>> tasks = List.of(
                () -> sleepThen(Duration.ofMillis(30), 1),
                () -> sleepThen(Duration.ofMillis(1), 2),
                () -> sleepThen(Duration.ofMillis(10), 3));
        assertEquals(List.of(1, 2, 3), FailFast.invokeAll(tasks));
    }

    @Test
    void theFirstFailureInterruptsTheSiblingsAndNoneOutlivesTheCall() throws Exception {
        var siblingsBlocked = new CountDownLatch(2);
        var interrupted = new AtomicInteger();
        Queue<Thread> siblingThreads = new ConcurrentLinkedQueue<>();
        Callable<String> sibling = () -> {
            siblingThreads.add(Thread.currentThread());
            siblingsBlocked.countDown();
            try {
                Thread.sleep(FOREVER); // a sibling that only the fail-fast interrupt can end: the lesson
                return "never";
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
        };
        var failure = new IllegalStateException("boom");
        Callable<String> failing = () -> {
            siblingsBlocked.await(); // fail only once both siblings are blocked, so there is something to cancel
            throw failure;
        };

        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> FailFast.invokeAll(List.of(sibling, failing, sibling)));

        assertSame(failure, thrown.getCause(), "the first failure is the one reported");
        assertEquals(2, interrupted.get(), "both siblings were interrupted");
        assertEquals(2, siblingThreads.size());
        // close() waited for every task: no sibling is still parked in its sleep. Its thread may
        // still be running its last instructions after the task (an executor's termination is
        // about tasks, not threads), so "ended" is awaited briefly.
        siblingThreads.forEach(thread -> assertTrue(thread.getState() != Thread.State.TIMED_WAITING
                && thread.getState() != Thread.State.WAITING, thread + " is still parked after the call returned"));
        await().atMost(TestTimeouts.scaled(Duration.ofSeconds(3)))
                .untilAsserted(() -> siblingThreads.forEach(thread -> assertFalse(thread.isAlive(), thread + " outlived the call")));
    }

    @Test
    void interruptingTheCallerInterruptsEveryTask() throws Exception {
        var started = new CountDownLatch(3);
        var interrupted = new AtomicInteger();
        Callable<String> blocking = () -> {
            started.countDown();
            try {
                Thread.sleep(FOREVER); // a sibling that only the fail-fast interrupt can end: the lesson
                return "never";
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
        };
        var callerSaw = new AtomicReference<Throwable>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                FailFast.invokeAll(List.of(blocking, blocking, blocking));
            } catch (Throwable e) {
                callerSaw.set(e);
            }
        });
        assertTrue(started.await(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
        caller.interrupt();
        caller.join(TestTimeouts.LONG);

        assertTrue(!caller.isAlive(), "the caller returned");
        assertTrue(callerSaw.get() instanceof InterruptedException, "the caller saw " + callerSaw.get());
        assertEquals(3, interrupted.get(), "every task was interrupted");
    }

    private static int sleepThen(Duration sleep, int value) throws InterruptedException {
        Thread.sleep(sleep); // stands for blocking work that takes this long
        return value;
    }
}
