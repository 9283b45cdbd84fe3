package paradigms.common.contract;

import paradigms.common.deadline.DeadlineExercise;
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
 * The shape of a deadline that fails fast in name only: a blocking chapter's {@code deadline}
 * whose cancellation cannot reach its socket reads (threading: interrupts alone; greenlets:
 * {@code shutdown()} instead of {@code shutdownNow()}). It still reports the first failure and
 * still leaves nothing behind, but it returns only once the slow requests in flight have been
 * answered. The two chapters' acceptance tests hold the learner's variant to it.
 */
public final class DeadlineWaitingOutSlowReads {

    /** The slow URLs' latency: long next to the failure's, short enough for a quick test. */
    public static final Duration SLOW = Duration.ofMillis(1_500);

    private DeadlineWaitingOutSlowReads() {
    }

    /**
     * Runs {@code deadline} on one quick URL, one failing after 100 ms and two slow ones, and
     * checks the shape above.
     *
     * @param whatWokeTheReads the failure message's reason when the call returned early
     */
    public static void check(DeadlineExercise deadline, String whatWokeTheReads) throws Exception {
        Leftovers before = Leftovers.now();
        try (var server = LocalWebServer.start()) {
            List<URI> urls = List.of(
                    server.url("/data/1"),
                    server.url("/status/500?delay=100"),
                    server.url("/data/2?delay=" + SLOW.toMillis()),
                    server.url("/data/3?delay=" + SLOW.toMillis()));
            long start = System.nanoTime();
            DeadlineResult result = deadline.download(new DeadlineRequest(urls, 4, Duration.ofSeconds(30)), Trace.off());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(Ending.FAILED_FAST, result.ending(), "the tally still decides at the first failure");
            assertInstanceOf(ItemOutcome.Failed.class, result.items().get(1));
            assertInstanceOf(ItemOutcome.Cancelled.class, result.items().get(2), "reported cancelled, yet read to the end");
            assertTrue(took.compareTo(SLOW) >= 0, "returned after " + took.toMillis() + " ms, before the slow answers ("
                    + SLOW.toMillis() + " ms): " + whatWokeTheReads);
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
