package paradigms.greenlets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Parking seen from inside: carriers run many virtual threads, and a virtual thread may change carrier. */
@Timeout(60)
class CarriersTest {

    private static final int THREADS = 1_000;
    private static final Duration PARK = Duration.ofMillis(20);

    /**
     * More virtual threads than there can ever be carriers (the scheduler keeps at most 256),
     * so some carrier must have run several — and in practice each of the few carriers (one
     * per core, plus any the scheduler added to make up for a blocked one) runs hundreds.
     */
    @Test
    void oneCarrierRunsManyVirtualThreads() throws InterruptedException {
        Map<String, Long> starts = Carriers.startsPerCarrier(Carriers.watch(THREADS, PARK));

        assertTrue(starts.values().stream().anyMatch(count -> count > 1), "some carrier ran several: " + starts);
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
