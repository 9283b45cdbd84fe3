package paradigms.asyncawait.futures;

import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The asynchronous bounded queue: FIFO, at most its capacity, a waiting put entering inside the
 * take that frees its place, waiters served in order with no overtaking, a waiter abandoned only
 * while it waits (nothing lost), continuations on the completing thread, and many threads at once.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class AsyncQueueTest {

    /** Keeps the level as the queue reports it, and its highest point. */
    private static final class Level implements AsyncQueue.Watcher<Object> {
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        @Override
        public void entered(Object item, int size) {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        @Override
        public void left(Object item, int size) {
            now.decrementAndGet();
        }
    }

    @Test
    void puttingFarBeyondTheCapacityLeavesPendingFuturesAndTheItemsLeaveInOrder() {
        var level = new Level();
        var queue = new AsyncQueue<Integer>(3, level);
        List<CompletableFuture<Void>> puts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            puts.add(queue.put(i)); // never blocks: the 4th and later are pending futures
        }
        assertEquals(3, puts.stream().filter(CompletableFuture::isDone).count());
        assertEquals(7, queue.waitingPutters());
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            taken.add(queue.take().join());
            assertTrue(puts.get(Math.min(9, i + 3)).isDone(), "the take freed a place, and the next put is in");
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), taken);
        assertEquals(3, level.most.get(), "the queue filled up to its capacity, and no further");
        assertEquals(0, level.now.get());
    }

    @Test
    void aWaitingPutEntersInsideTheTakeThatFreesItsPlace() {
        var queue = new AsyncQueue<String>(1);
        queue.put("first");
        CompletableFuture<Void> second = queue.put("second");
        assertFalse(second.isDone(), "full: the second put waits");
        assertEquals("first", queue.take().join());
        assertTrue(second.isDone(), "completed inside take()");
        assertEquals(1, queue.size(), "no free place and no waiting putter, between two calls");
        assertEquals(0, queue.waitingPutters());
    }

    @Test
    void aNewcomerPutWaitsBehindAnOlderPutterEvenRightAfterATake() {
        var queue = new AsyncQueue<String>(1);
        queue.put("x");
        CompletableFuture<Void> old = queue.put("old");
        assertEquals("x", queue.take().join()); // "old" takes x's place inside this take...
        CompletableFuture<Void> newcomer = queue.put("new"); // ...so the newcomer finds the queue full
        assertTrue(old.isDone());
        assertFalse(newcomer.isDone());
        assertEquals("old", queue.take().join());
        assertEquals("new", queue.take().join());
    }

    @Test
    void waitingTakersAreServedInTheOrderTheyAsked() {
        var queue = new AsyncQueue<Integer>(2);
        CompletableFuture<Integer> first = queue.take();
        CompletableFuture<Integer> second = queue.take();
        queue.put(1);
        assertEquals(1, first.getNow(null), "handed straight to the oldest taker, inside put()");
        assertFalse(second.isDone());
        queue.put(2);
        queue.put(3);
        assertEquals(2, second.getNow(null));
        assertEquals(1, queue.size(), "no taker left: 3 stays in the queue");
    }

    @Test
    void aPutCancelledWhileItWaitsNeverEntersAndOneCancelledAfterItEnteredStaysIn() {
        var queue = new AsyncQueue<String>(1);
        queue.put("x");
        CompletableFuture<Void> withdrawn = queue.put("withdrawn");
        CompletableFuture<Void> kept = queue.put("kept");
        assertTrue(withdrawn.cancel(true), "still waiting: it may be withdrawn");
        assertEquals("x", queue.take().join()); // "kept" enters here
        assertFalse(kept.cancel(true), "already in: a put that has happened cannot be undone");
        assertTrue(kept.isDone() && !kept.isCancelled());
        assertEquals("kept", queue.take().join(), "withdrawn never entered");
        assertEquals(0, queue.size());
    }

    @Test
    void aTakeAbandonedWhileItWaitsTakesNothingAndTheItemStaysForTheNextTaker() {
        var queue = new AsyncQueue<String>(2);
        CompletableFuture<String> cancelled = queue.take();
        CompletableFuture<String> timedOut = queue.take().orTimeout(10, TimeUnit.MILLISECONDS);
        assertTrue(cancelled.cancel(false));
        await().atMost(TestTimeouts.scaled(Duration.ofSeconds(2))).until(timedOut::isDone);
        var error = assertThrows(CompletionException.class, timedOut::join);
        assertInstanceOf(TimeoutException.class, error.getCause());
        assertEquals(0, queue.waitingTakers(), "both left the line");
        queue.put("item");
        assertEquals(1, queue.size(), "nobody took it for an abandoned taker");
        assertEquals("item", queue.take().join());
    }

    @Test
    void aWaitingTakersNextStepRunsOnTheThreadWhosePutBroughtItsItem() throws Exception {
        var queue = new AsyncQueue<String>(1);
        CompletableFuture<String> ranOn = queue.take().thenApply(item -> Thread.currentThread().getName());
        Thread putter = Thread.ofPlatform().name("the-putter").start(() -> queue.put("item"));
        putter.join();
        assertEquals("the-putter", ranOn.get(TestTimeouts.CONTRACT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void manyProducersAndOneConsumerOnThreadsLoseNothingDoubleNothingAndNeverExceedTheCapacity() throws Exception {
        int producers = 4;
        int each = 250;
        var level = new Level();
        var queue = new AsyncQueue<Integer>(5, level);
        try (ExecutorService threads = Executors.newFixedThreadPool(producers + 1)) {
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                running.add(threads.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        queue.put(producer * each + i).join(); // waits until it is in: one pending put per producer
                    }
                }));
            }
            Future<List<Integer>> consumer = threads.submit(() -> {
                List<Integer> got = new ArrayList<>();
                for (int i = 0; i < producers * each; i++) {
                    got.add(queue.take().join());
                }
                return got;
            });
            for (Future<?> producer : running) {
                producer.get(); // a failure on a producer's thread reaches the test here
            }
            List<Integer> got = consumer.get();
            Set<Integer> distinct = new HashSet<>(got);
            assertEquals(producers * each, got.size());
            assertEquals(producers * each, distinct.size(), "nothing twice, nothing lost");
            for (int p = 0; p < producers; p++) {
                int producer = p;
                List<Integer> fromOne = got.stream().filter(item -> item / each == producer).toList();
                for (int i = 1; i < fromOne.size(); i++) {
                    assertTrue(fromOne.get(i - 1) < fromOne.get(i), "one producer's items stay in order");
                }
            }
        }
        assertTrue(level.most.get() <= 5, "the queue held " + level.most.get() + " items at once");
        assertEquals(0, level.now.get());
    }

    @Test
    void aCapacityBelowOneIsRefusedWithTheFieldsName() {
        var error = assertThrows(IllegalArgumentException.class, () -> new AsyncQueue<String>(0));
        assertTrue(error.getMessage().contains("capacity"), error.getMessage());
    }
}
