package paradigms.threading;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.Ending;
import paradigms.common.deadline.ItemOutcome;
import paradigms.common.measure.Leftovers;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exercise {@code interrupt-only}: cancelled by interrupts alone, the deadline call still reports
 * the first failure and still leaves nothing behind — but it returns only once the slow requests
 * in flight have been answered: an interrupt does not end a platform thread's socket read.
 */
@Tag("exercise")
@Tag("interrupt-only")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class InterruptOnlyDeadlineAcceptanceTest {

    /** The slow URLs' latency: long next to the failure's, short enough for a quick test. */
    private static final Duration SLOW = Duration.ofMillis(1_500);

    @Test
    void failsFastInNameOnlyWaitingOutTheSlowReadsAndLeavesNothingBehind() throws Exception {
        Leftovers before = Leftovers.now();
        try (var server = LocalWebServer.start()) {
            List<URI> urls = List.of(
                    server.url("/data/1"),
                    server.url("/status/500?delay=100"),
                    server.url("/data/2?delay=" + SLOW.toMillis()),
                    server.url("/data/3?delay=" + SLOW.toMillis()));
            long start = System.nanoTime();
            DeadlineResult result = new InterruptOnlyDeadline()
                    .download(new DeadlineRequest(urls, 4, Duration.ofSeconds(30)), Trace.off());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(Ending.FAILED_FAST, result.ending(), "the tally still decides at the first failure");
            assertInstanceOf(ItemOutcome.Failed.class, result.items().get(1));
            assertInstanceOf(ItemOutcome.Cancelled.class, result.items().get(2), "reported cancelled, yet read to the end");
            assertTrue(took.compareTo(SLOW) >= 0, "returned after " + took.toMillis() + " ms, before the slow answers ("
                    + SLOW.toMillis() + " ms): something ended the socket reads besides the interrupts");
            assertEquals(2, server.requests(urls.get(2)) + server.requests(urls.get(3)),
                    "both slow requests were sent once");
            await("no request in flight and no connection open at the server")
                    .atMost(TestTimeouts.scaled(Duration.ofSeconds(3)))
                    .until(() -> server.inFlight() == 0 && server.connectionsOpen() == 0);
            await("no thread of ours still alive")
                    .atMost(TestTimeouts.scaled(Duration.ofSeconds(3)))
                    .untilAsserted(() -> assertEquals(List.of(), Leftovers.now().newSince(before), "left behind"));
        }
    }
}
