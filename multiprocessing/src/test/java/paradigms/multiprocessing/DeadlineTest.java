package paradigms.multiprocessing;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.Ending;
import paradigms.common.deadline.ItemOutcome;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The part of a {@code deadline} call that the contract cannot reach: the workers' start-up. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class DeadlineTest {

    @Test
    void aDeadlineThatPassesWhileTheWorkersStartCancelsEveryUrlAndLeavesNoChild() throws Exception {
        Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        try (var server = LocalWebServer.start()) {
            var urls = List.of(server.url("/data/1"), server.url("/data/2"));
            // A millisecond: no JVM starts that fast, so the deadline passes while the pool starts.
            DeadlineResult result = new Deadline().download(new DeadlineRequest(urls, 2, Duration.ofMillis(1)), Trace.off());

            assertEquals(Ending.DEADLINE_PASSED, result.ending());
            assertEquals(2, result.count(ItemOutcome.Cancelled.class), "nothing ran: " + result.items());
            assertEquals(0, server.totalRequests(), "no request reached the server");
        }
        assertEquals(before, ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet()),
                "the workers that were starting are gone");
    }
}
