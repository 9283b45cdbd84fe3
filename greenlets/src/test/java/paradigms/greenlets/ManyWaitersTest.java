package paradigms.greenlets;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scalability, beyond the contract's 1,000: waiting costs a virtual thread a little heap, not
 * an OS thread.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ManyWaitersTest {

    private static final int THREADS = 100_000;

    /**
     * The {@code waiters} exercise with 100,000 tasks: all of them are parked at the same moment
     * — at the start gate, which opens only once every thread exists, and then in a 1 s sleep —
     * and every one completes its full wait. (With platform threads this JVM would fail near
     * 32,000: the machine's thread limit.)
     */
    @Test
    void hundredThousandVirtualThreadsWaitAtOnceAndAllCompleteTheirWait() throws InterruptedException {
        WaitersResult result = new Waiters().await(new WaitersRequest(THREADS, TestTimeouts.scaled(Duration.ofSeconds(1))), Trace.off());

        assertEquals(THREADS, result.maxWaitingAtOnce(), "tasks waiting at the same moment");
        assertEquals(THREADS, result.completed(), "tasks that finished their wait");
        assertEquals(0, result.early(), "tasks that woke before their wait was over");
    }
}
