package paradigms.greenlets.virtual;

import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Parking seen from inside: carriers run many virtual threads, and a virtual thread may change carrier. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class CarriersTest {

    private static final int THREADS = 1_000;
    private static final Duration PARK = Duration.ofMillis(20);

    /**
     * A thousand virtual threads, all unfinished at the same moment — each has run, noted its
     * carrier, and parked on a latch nobody has opened yet — on a handful of carriers. A carrier
     * runs one thread at a time, so every carrier that started several of them picked up a new
     * one while the ones it had run before were parked. If parking did not free the carrier
     * (a pinned thread blocks it), the scheduler could not start more threads than it has
     * carriers (256 at most), and the latch would never reach zero.
     */
    @Test
    void aThousandThreadsParkedAtOnceRanOnAFewCarriers() throws InterruptedException {
        var allRanAndWaiting = new CountDownLatch(THREADS);
        var release = new CountDownLatch(1);
        Set<String> carriers = ConcurrentHashMap.newKeySet();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < THREADS; i++) {
                executor.submit(() -> {
                    carriers.add(Carriers.current());
                    allRanAndWaiting.countDown();
                    release.await(); // parks: the carrier goes back to the pool for the next thread
                    return null;
                });
            }
            boolean all = allRanAndWaiting.await(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS);
            release.countDown();
            assertTrue(all, (THREADS - allRanAndWaiting.getCount()) + " of " + THREADS + " threads ran, on " + carriers.size() + " carriers");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        // The scheduler keeps one carrier per core, and adds one only to make up for a blocked one.
        assertTrue(carriers.size() <= cores + 4, THREADS + " threads waiting at once ran on " + carriers.size()
                + " carriers (" + cores + " cores): " + carriers);
    }

    /**
     * A parked virtual thread is resumed by whichever carrier is free, not necessarily the one
     * it left. Which ones move is up to the scheduler, so the test watches rounds of 1,000 until
     * one moves (on two carriers, hundreds do in every round).
     */
    @Test
    void aParkedVirtualThreadCanResumeOnAnotherCarrier() throws InterruptedException {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one core: one carrier, nowhere to move to");
        List<Carriers.Hop> moved = new ArrayList<>();
        for (int round = 0; round < 10 && moved.isEmpty(); round++) {
            Carriers.watch(THREADS, PARK).stream().filter(Carriers.Hop::moved).forEach(moved::add);
        }
        assertTrue(!moved.isEmpty(), "no virtual thread resumed on a different carrier in 10 rounds of " + THREADS);
    }

    @Test
    void aPlatformThreadHasNoCarrier() {
        assertThrows(IllegalStateException.class, Carriers::current);
    }
}
