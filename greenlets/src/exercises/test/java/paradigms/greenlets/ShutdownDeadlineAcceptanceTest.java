package paradigms.greenlets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.DeadlineWaitingOutSlowReads;
import paradigms.common.contract.TestTimeouts;

/**
 * Exercise {@code shutdown-deadline}: with {@code shutdown()} for {@code shutdownNow()}, the deadline
 * call still reports the first failure and still leaves nothing behind — but it returns only once
 * the slow requests in flight have been answered: nothing interrupts the parked virtual threads.
 * The shape is {@link DeadlineWaitingOutSlowReads}'s.
 */
@Tag("exercise")
@Tag("shutdown-deadline")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ShutdownDeadlineAcceptanceTest {

    @Test
    void failsFastInNameOnlyWaitingOutTheParkedReadsAndLeavesNothingBehind() throws Exception {
        DeadlineWaitingOutSlowReads.check(new ShutdownDeadline(), "something woke the threads parked in their socket reads");
    }
}
