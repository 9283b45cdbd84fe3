package paradigms.multiprocessing;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersResult;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.Wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the {@code waiters} exercise counts a wait that happens in another process. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class WaitersTest {

    private static final Duration WAIT = Duration.ofMillis(50);

    @Test
    void aTaskWaitsFromItsHandOverToAWorkerSoTasksQueuedForABusyWorkerDoNotCountAsWaiting() throws Exception {
        var tally = new WaitTally(WAIT);
        try (var pool = Workers.pool().size(1).forWaiting().start()) {
            pool.map(List.of(new Waiters.WaitJob(0, WAIT, tally), new Waiters.WaitJob(1, WAIT, tally),
                    new Waiters.WaitJob(2, WAIT, tally)), Trace.off());
        }
        WaitersResult result = tally.result();
        assertEquals(3, result.completed());
        assertEquals(0, result.early());
        assertEquals(1, result.maxWaitingAtOnce(), "one worker: one task waits, the others wait in the queue for the worker");
    }

    @Test
    void aReplyThatSaysTheWorkerSleptLessThanTheWaitIsRejected() {
        var job = new Waiters.WaitJob(0, WAIT, new WaitTally(WAIT));
        job.sent();
        var lie = assertThrows(Wire.BadFrameException.class, () -> job.decode(List.of(String.valueOf(WAIT.toNanos() - 1))));
        assertTrue(lie.getMessage().startsWith("the worker says it slept 49999999 ns of a 50000000 ns wait"), lie.getMessage());
    }
}
