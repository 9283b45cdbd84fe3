package paradigms.threading;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.DeadlineWaitingOutSlowReads;
import paradigms.common.contract.TestTimeouts;

/**
 * Exercise {@code interrupt-only}: cancelled by interrupts alone, the deadline call still reports
 * the first failure and still leaves nothing behind — but it returns only once the slow requests
 * in flight have been answered: an interrupt does not end a platform thread's socket read.
 * The shape is {@link DeadlineWaitingOutSlowReads}'s.
 */
@Tag("exercise")
@Tag("interrupt-only")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class InterruptOnlyDeadlineAcceptanceTest {

    @Test
    void failsFastInNameOnlyWaitingOutTheSlowReadsAndLeavesNothingBehind() throws Exception {
        DeadlineWaitingOutSlowReads.check(new InterruptOnlyDeadline(), "something ended the socket reads besides the interrupts");
    }
}
