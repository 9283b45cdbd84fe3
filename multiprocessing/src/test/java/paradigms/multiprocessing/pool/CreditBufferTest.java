package paradigms.multiprocessing.pool;

import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The credit buffer: FIFO; items plus credits never above the capacity; a waiting grant gets
 * its place inside the take that frees it, waiting grants served in order with no overtaking;
 * nothing lost when a credit is given back, a waiting grant is interrupted, or the buffer closes.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class CreditBufferTest {

    private static final Duration PATIENCE = TestTimeouts.scaled(Duration.ofSeconds(5));

    /** Keeps the level as the buffer reports it, and its highest point. */
    private static final class Level implements CreditBuffer.Watcher<Object> {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

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
    void itemsLeaveInTheOrderTheyFilledTheirPlacesAndCreditsCountAgainstTheCapacity() throws Exception {
        var level = new Level();
        var buffer = new CreditBuffer<String>(3, level);
        buffer.grant();
        buffer.grant();
        buffer.fill("a");
        buffer.grant();
        assertEquals(1, buffer.size());
        assertEquals(2, buffer.creditsOut(), "two places reserved for items on their way");
        buffer.fill("b");
        buffer.fill("c");
        assertEquals(List.of("a", "b", "c"), List.of(buffer.take(), buffer.take(), buffer.take()));
        assertEquals(3, level.most.get());
        assertEquals(0, level.now.get());
    }

    @Test
    void aWaitingGrantGetsItsPlaceInsideTheTakeThatFreesIt() throws Exception {
        var buffer = new CreditBuffer<String>(1, null);
        buffer.grant();
        buffer.fill("first");
        try (ExecutorService threads = Executors.newSingleThreadExecutor()) {
            Future<?> waiting = threads.submit(() -> {
                buffer.grant();
                return null;
            });
            await().atMost(PATIENCE).until(() -> buffer.waitingForCredit() == 1);
            assertEquals("first", buffer.take());
            assertEquals(1, buffer.creditsOut(), "granted inside take(), before the waiting thread even ran");
            assertEquals(0, buffer.waitingForCredit());
            waiting.get(); // and it returns
        }
    }

    @Test
    void waitingGrantsAreServedInTheOrderTheyCameAndANewcomerWaitsBehindThem() throws Exception {
        var buffer = new CreditBuffer<String>(1, null);
        buffer.grant();
        buffer.fill("x");
        List<String> granted = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            List<Future<?>> waiting = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                int before = buffer.waitingForCredit();
                waiting.add(threads.submit(() -> {
                    buffer.grant();
                    granted.add(name);
                    buffer.fill(name);
                    return null;
                }));
                await().atMost(PATIENCE).until(() -> buffer.waitingForCredit() == before + 1); // in line, in this order
            }
            List<String> taken = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                taken.add(buffer.take());
            }
            for (Future<?> future : waiting) {
                future.get();
            }
            assertEquals(List.of("x", "a", "b", "c"), taken);
            assertEquals(List.of("a", "b", "c"), granted);
        }
    }

    @Test
    void aCreditGivenBackGoesToTheOldestWaitingGrant() throws Exception {
        var buffer = new CreditBuffer<String>(1, null);
        buffer.grant(); // a worker's credit... whose worker dies before its page arrives
        try (ExecutorService threads = Executors.newSingleThreadExecutor()) {
            Future<?> next = threads.submit(() -> {
                buffer.grant();
                return null;
            });
            await().atMost(PATIENCE).until(() -> buffer.waitingForCredit() == 1);
            buffer.giveBack();
            next.get();
            assertEquals(1, buffer.creditsOut(), "the place passed on, none lost, none made up");
        }
    }

    @Test
    void anInterruptedWaitingGrantLeavesTheLineHoldingNoCredit() throws Exception {
        var buffer = new CreditBuffer<String>(1, null);
        buffer.grant();
        buffer.fill("x");
        var outcome = new CompletableFuture<Throwable>(); // what grant() ended with, on the waiter's thread
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                buffer.grant();
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        await().atMost(PATIENCE).until(() -> buffer.waitingForCredit() == 1);
        waiter.interrupt();
        waiter.join();
        assertInstanceOf(InterruptedException.class, outcome.join());
        assertEquals(0, buffer.waitingForCredit());
        assertEquals("x", buffer.take());
        assertEquals(0, buffer.creditsOut(), "the place x freed went to nobody: the interrupted grant had left");
        buffer.grant(); // and it is free for the next one, at once
    }

    @Test
    void closingWakesEveryWaiterWithTheCauseAndLeavesTheItemsToTake() throws Exception {
        var buffer = new CreditBuffer<String>(1, null);
        buffer.grant();
        buffer.fill("kept");
        var cause = new IllegalStateException("stage 2 failed");
        try (ExecutorService threads = Executors.newSingleThreadExecutor()) {
            Future<?> waiting = threads.submit(() -> {
                buffer.grant();
                return null;
            });
            await().atMost(PATIENCE).until(() -> buffer.waitingForCredit() == 1);
            buffer.close(cause);
            var error = assertThrows(ExecutionException.class, waiting::get);
            var closed = assertInstanceOf(CreditBuffer.Closed.class, error.getCause());
            assertEquals(cause, closed.getCause());
        }
        assertEquals("kept", buffer.take(), "what was in stays takeable");
        assertThrows(CreditBuffer.Closed.class, buffer::take, "empty and closed: no wait for an item that cannot come");
        assertThrows(CreditBuffer.Closed.class, buffer::grant);
    }

    @Test
    void aFillWithNoCreditOutIsRefused() {
        var buffer = new CreditBuffer<String>(2, null);
        var error = assertThrows(IllegalStateException.class, () -> buffer.fill("uninvited"));
        assertTrue(error.getMessage().contains("no credit"), error.getMessage());
        assertFalse(buffer.size() > 0);
    }

    @Test
    void aCapacityBelowOneIsRefusedWithTheFieldsName() {
        var error = assertThrows(IllegalArgumentException.class, () -> new CreditBuffer<String>(0, null));
        assertTrue(error.getMessage().contains("capacity"), error.getMessage());
    }
}
