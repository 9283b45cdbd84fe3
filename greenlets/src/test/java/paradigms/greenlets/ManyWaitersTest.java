package paradigms.greenlets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Scalability: waiting costs a virtual thread a little heap, not an OS thread. */
@Timeout(60)
class ManyWaitersTest {

    private static final int THREADS = 100_000;

    /**
     * 100,000 virtual threads are alive at the same moment — each counts down a latch and
     * waits there for all the others before it sleeps 1 s — and every one of them completes.
     * (With platform threads this JVM would fail near 32,000: the machine's thread limit.)
     */
    @Test
    void hundredThousandVirtualThreadsAreAliveAtOnceAndAllComplete() throws InterruptedException {
        Waiters.Outcome outcome = Waiters.waitAtOnce(THREADS, Duration.ofSeconds(1), TestTimeouts.LONG);

        assertEquals(THREADS, outcome.alive(), "threads that started");
        assertEquals(THREADS, outcome.sawAll(), "threads that saw all " + THREADS + " checked in before any went on");
        assertEquals(THREADS, outcome.completed(), "threads that finished their 1 s wait");
    }
}
