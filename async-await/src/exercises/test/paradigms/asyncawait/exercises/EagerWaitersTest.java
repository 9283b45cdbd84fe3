package paradigms.asyncawait.exercises;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.asyncawait.AsyncAwaitParadigm;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exercise {@code eager-timers}: arming each timer as its task is made, 200,000 tasks of 1 ms
 * all complete and none early — but they no longer all wait at the same moment, while the
 * chapter's two passes keep every one of them waiting at once. The shape, not a number:
 * making 200,000 tasks takes far longer than 1 ms on any machine.
 */
@Tag("exercise")
@Tag("eager-timers")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class EagerWaitersTest {

    private static final WaitersRequest MANY_SHORT = new WaitersRequest(200_000, Duration.ofMillis(1));

    @Test
    void armedOneByOneTheFirstTasksEndBeforeTheLastAreMadeWhereTwoPassesKeepAllWaiting() throws Exception {
        WaitersResult eager = new EagerWaiters().await(MANY_SHORT, Trace.off());

        assertEquals(MANY_SHORT.tasks(), eager.completed(), "every task completed");
        assertEquals(0, eager.early(), "no task ended before its wait");
        assertTrue(eager.maxWaitingAtOnce() < MANY_SHORT.tasks(),
                "all " + eager.maxWaitingAtOnce() + " waited at once: are the timers still armed in a second pass?");

        WaitersResult twoPasses = new AsyncAwaitParadigm().waiters().await(MANY_SHORT, Trace.off());
        assertEquals(MANY_SHORT.tasks(), twoPasses.maxWaitingAtOnce(), "the chapter's Waiters, on the same request");
    }
}
