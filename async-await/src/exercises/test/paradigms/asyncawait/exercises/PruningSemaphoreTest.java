package paradigms.asyncawait.exercises;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exercise {@code pruning-semaphore}: a waiter that gives up leaves the queue, and takes no permit. */
@Tag("exercise")
@Tag("pruning-semaphore")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class PruningSemaphoreTest {

    @Test
    void tenThousandTimedOutAcquiresLeaveNoWaiterBehind() {
        var semaphore = new PruningSemaphore(1);
        CompletableFuture<Void> held = semaphore.acquire();
        assertTrue(held.isDone(), "the first acquire is granted at once");

        List<CompletableFuture<Void>> timedOut = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            timedOut.add(semaphore.acquire().orTimeout(1, TimeUnit.MILLISECONDS));
        }
        await("every acquire timed out").atMost(TestTimeouts.LONG)
                .until(() -> timedOut.stream().allMatch(CompletableFuture::isCompletedExceptionally));
        await("the queue emptied itself").atMost(TestTimeouts.LONG).until(() -> semaphore.waiting() == 0);
        assertEquals(0, semaphore.available(), "the one permit is still held");
    }

    @Test
    void aCancelledWaiterLeavesTheQueueAtOnce() {
        var semaphore = new PruningSemaphore(1);
        semaphore.acquire();
        CompletableFuture<Void> waiter = semaphore.acquire();
        assertEquals(1, semaphore.waiting());

        waiter.cancel(false);

        assertEquals(0, semaphore.waiting(), "removed by the time cancel() returns: its dependents ran on this thread");
    }

    @Test
    void aPermitReleasedAfterTheWaitersGaveUpGoesBackToThePool() {
        var semaphore = new PruningSemaphore(1);
        semaphore.acquire();
        for (int i = 0; i < 100; i++) {
            semaphore.acquire().cancel(false);
        }

        semaphore.release();

        assertEquals(1, semaphore.available(), "no abandoned waiter took the permit");
        assertTrue(semaphore.acquire().isDone(), "the next acquire is granted at once");
        assertEquals(0, semaphore.available());
    }

    @Test
    void liveWaitersAreStillGrantedInTheOrderTheyCame() {
        var semaphore = new PruningSemaphore(1);
        semaphore.acquire();
        CompletableFuture<Void> first = semaphore.acquire();
        CompletableFuture<Void> gaveUp = semaphore.acquire();
        CompletableFuture<Void> third = semaphore.acquire();
        gaveUp.completeExceptionally(new IllegalStateException("the owner gave up"));
        assertEquals(2, semaphore.waiting());

        semaphore.release();
        assertTrue(first.isDone() && !first.isCompletedExceptionally(), "the longest waiter first");
        assertFalse(third.isDone(), "one permit, one grant");

        semaphore.release();
        assertTrue(third.isDone() && !third.isCompletedExceptionally(), "then the next live one, skipping the one that gave up");
        assertEquals(0, semaphore.waiting());
        assertEquals(0, semaphore.available());
    }

    @Test
    void aFreePermitIsGrantedWithoutQueueing() {
        var semaphore = new PruningSemaphore(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(semaphore.acquire().isDone(), "acquire " + i + " of 3 permits");
        }
        assertEquals(0, semaphore.available());
        assertEquals(0, semaphore.waiting());
        assertFalse(semaphore.acquire().isDone(), "the fourth waits");
        assertEquals(1, semaphore.waiting());
    }
}
