package paradigms.asyncawait.futures;

import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written {@link AsyncSemaphore}: waiting for a permit is a pending future, never a blocked thread. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class AsyncSemaphoreTest {

    private static final long LONG_MS = TestTimeouts.LONG.toMillis();

    /**
     * One thread acquires 1,000 times with 3 permits and runs to its end: with
     * {@code java.util.concurrent.Semaphore} it would park forever at the fourth acquire.
     */
    @Test
    void oneThreadAcquiringFarBeyondThePermitsFinishesAndLeavesFuturesPending() throws Exception {
        var semaphore = new AsyncSemaphore(3);
        List<CompletableFuture<Void>> acquired = new ArrayList<>();
        Thread acquirer = Thread.ofPlatform().name("acquirer").start(() -> {
            for (int i = 0; i < 1_000; i++) {
                acquired.add(semaphore.acquire());
            }
        });
        acquirer.join(LONG_MS);

        assertFalse(acquirer.isAlive(), "the acquiring thread never blocked: it finished");
        assertEquals(1_000, acquired.size());
        assertEquals(3, acquired.stream().filter(CompletableFuture::isDone).count(), "granted at once");
        assertEquals(997, semaphore.waiting(), "waiting as futures in the queue");
        assertEquals(0, semaphore.available());
    }

    @Test
    void aReleaseGrantsTheLongestWaiterFirst() {
        var semaphore = new AsyncSemaphore(1);
        CompletableFuture<Void> holder = semaphore.acquire();
        CompletableFuture<Void> first = semaphore.acquire();
        CompletableFuture<Void> second = semaphore.acquire();
        assertTrue(holder.isDone());

        semaphore.release();
        assertTrue(first.isDone(), "the first waiter got the permit");
        assertFalse(second.isDone());

        semaphore.release();
        assertTrue(second.isDone());
        semaphore.release();
        assertEquals(1, semaphore.available(), "nobody waits: the permit went back to the pool");
    }

    @Test
    void aReleaseSkipsWaitersThatGaveUp() throws Exception {
        var semaphore = new AsyncSemaphore(1);
        semaphore.acquire();
        CompletableFuture<Void> cancelled = semaphore.acquire();
        CompletableFuture<Void> timedOut = semaphore.acquire().orTimeout(1, TimeUnit.MILLISECONDS);
        CompletableFuture<Void> patient = semaphore.acquire();
        cancelled.cancel(false);
        assertThrows(ExecutionException.class, () -> timedOut.get(LONG_MS, TimeUnit.MILLISECONDS)); // waits for its timeout

        semaphore.release();

        assertTrue(patient.isDone() && !patient.isCompletedExceptionally(), "the permit skipped both quitters");
        assertEquals(0, semaphore.waiting());
        assertEquals(0, semaphore.available(), "and was not lost or duplicated: the patient one holds it");
    }

    @Test
    void withPermitReleasesWhenTheWorkFails() {
        var semaphore = new AsyncSemaphore(1);
        var failure = new IllegalStateException("work failed");
        CompletableFuture<Object> failed = semaphore.withPermit(() -> CompletableFuture.failedFuture(failure));
        assertSame(failure, assertThrows(Exception.class, failed::join).getCause());
        assertEquals(1, semaphore.available());
    }

    @Test
    void withPermitReleasesWhenTheWorkFailsToStart() {
        var semaphore = new AsyncSemaphore(1);
        CompletableFuture<Object> failed = semaphore.withPermit(() -> {
            throw new IllegalArgumentException("could not even start");
        });
        assertTrue(failed.isCompletedExceptionally());
        assertEquals(1, semaphore.available());
    }

    /** Many threads, asynchronous work of random length: never more holders than permits, every piece of work done once. */
    @Test
    void manyThreadsNeverHoldMoreThanThePermitsAndAllWorkIsDone() throws Exception {
        var semaphore = new AsyncSemaphore(3);
        var holders = new AtomicInteger();
        var mostHolders = new AtomicInteger();
        var done = new AtomicInteger();
        try (ExecutorService callers = Executors.newFixedThreadPool(8);
             ExecutorService workers = Executors.newFixedThreadPool(4)) {
            List<CompletableFuture<Void>> all = IntStream.range(0, 2_000)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> semaphore.withPermit(() -> {
                        mostHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                        return CompletableFuture.runAsync(() -> {
                            holders.decrementAndGet(); // still inside the permit: release comes after this stage
                            done.incrementAndGet();
                        }, workers);
                    }), callers).thenCompose(work -> work))
                    .toList();
            Futures.gather(all).get(LONG_MS, TimeUnit.MILLISECONDS);
        }
        assertEquals(2_000, done.get());
        assertTrue(mostHolders.get() <= 3, "at most 3 holders at once, saw " + mostHolders.get());
        assertEquals(3, semaphore.available(), "every permit came back");
        assertEquals(0, semaphore.waiting());
    }

    @Test
    void needsAtLeastOnePermit() {
        assertThrows(IllegalArgumentException.class, () -> new AsyncSemaphore(0));
    }
}
