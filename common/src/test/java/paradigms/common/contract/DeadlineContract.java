package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.Ending;
import paradigms.common.deadline.ItemOutcome;
import paradigms.common.download.Failure;
import paradigms.common.measure.Leftovers;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code deadline} exercise's contract: fail fast on the first error, stop at the
 * deadline, say what became of every URL — and leave nothing behind: no request still in
 * flight at the server, no connection open, no thread or child process of ours alive.
 *
 * <p>"Promptly" has a generous bound (2.5 s against slow requests of 5 s); "nothing left" is
 * awaited for a short while, because a closed socket reaches the server a moment later.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
public interface DeadlineContract extends ParadigmContract {

    Duration PROMPTLY = TestTimeouts.scaled(Duration.ofMillis(2_500));

    private DeadlineResult run(DeadlineRequest request) throws InterruptedException {
        return paradigm().deadline().download(request, Trace.off());
    }

    @Test
    default void finishesEveryUrlWhenNothingFails() throws Exception {
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(10)).start()) {
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                urls.add(server.url("/data/" + i));
            }
            DeadlineResult result = run(new DeadlineRequest(urls, 4, Duration.ofSeconds(30)));
            assertEquals(Ending.ALL_FINISHED, result.ending());
            for (int i = 0; i < urls.size(); i++) {
                assertEquals(urls.get(i), assertInstanceOf(ItemOutcome.Finished.class, result.items().get(i)).url());
                assertEquals(1, server.requests(urls.get(i)));
            }
        }
    }

    @Test
    default void failsFastOnTheFirstErrorCancelsTheRestAndLeavesNothingBehind() throws Exception {
        Leftovers before = Leftovers.now();
        try (var server = LocalWebServer.start()) {
            // The failure comes second, so even one-at-a-time code reaches it promptly; a
            // concurrent paradigm has the slow ones in flight by then and must cancel them.
            List<URI> urls = List.of(
                    server.url("/data/1"),
                    server.url("/status/500?delay=200"),
                    server.url("/data/2?delay=5000"),
                    server.url("/data/3?delay=5000"),
                    server.url("/data/4?delay=5000"));
            long start = System.nanoTime();
            DeadlineResult result = run(new DeadlineRequest(urls, 5, Duration.ofSeconds(30)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(Ending.FAILED_FAST, result.ending());
            assertTrue(took.compareTo(PROMPTLY) < 0, "returned after " + took.toMillis() + " ms, not promptly after the failure");
            assertInstanceOf(ItemOutcome.Finished.class, result.items().get(0), "the fast URL finished before the failure");
            var failed = assertInstanceOf(ItemOutcome.Failed.class, result.items().get(1));
            assertEquals(Failure.HTTP_STATUS, failed.result().failure());
            assertEquals(500, failed.result().status());
            for (int i : new int[] {2, 3, 4}) {
                assertInstanceOf(ItemOutcome.Cancelled.class, result.items().get(i), "the slow URL " + urls.get(i));
            }
            assertEquals(1, result.count(ItemOutcome.Failed.class), "fail-fast: one failure ends the call");
            assertNothingLeft(server, before);
        }
    }

    @Test
    default void stopsAtTheDeadlineAndLeavesNothingBehind() throws Exception {
        Leftovers before = Leftovers.now();
        try (var server = LocalWebServer.start()) {
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                urls.add(server.url("/data/" + i + "?delay=5000"));
            }
            long start = System.nanoTime();
            DeadlineResult result = run(new DeadlineRequest(urls, 3, Duration.ofMillis(300)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(Ending.DEADLINE_PASSED, result.ending());
            assertTrue(took.compareTo(Duration.ofMillis(300)) >= 0, "returned before the deadline: " + took.toMillis() + " ms");
            assertTrue(took.compareTo(PROMPTLY) < 0, "returned after " + took.toMillis() + " ms, not promptly at the 300 ms deadline");
            assertEquals(urls.size(), result.count(ItemOutcome.Cancelled.class), "every slow URL cancelled");
            assertTrue(server.totalRequests() <= 3, "never more than C requests were started: " + server.totalRequests());
            assertNothingLeft(server, before);
        }
    }

    private static void assertNothingLeft(LocalWebServer server, Leftovers before) {
        await("no request in flight and no connection open at the server")
                .atMost(TestTimeouts.scaled(Duration.ofSeconds(3)))
                .until(() -> server.inFlight() == 0 && server.connectionsOpen() == 0);
        await("no thread or child process of ours still alive")
                .atMost(TestTimeouts.scaled(Duration.ofSeconds(3)))
                .untilAsserted(() -> assertEquals(List.of(), Leftovers.now().newSince(before), "left behind"));
    }
}
