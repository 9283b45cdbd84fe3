package paradigms.greenlets;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.Ending;
import paradigms.common.deadline.ItemOutcome;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Nothing left behind" for the virtual threads of the {@code deadline} exercise: the
 * contract's leftovers check looks at {@code Thread.getAllStackTraces()}, which lists platform
 * threads only, so it cannot see a virtual thread that outlived the call. This test keeps the
 * {@link Thread} objects the call made and asks each one.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class DeadlineThreadsTest {

    /** Far longer than the test may take: only cancellation ends these requests in time. */
    private static final String SLOW = "?delay=20000";

    /** Makes the exercise's virtual threads, and keeps every one it makes. */
    private final Queue<Thread> made = new ConcurrentLinkedQueue<>();
    private final ThreadFactory keeping = task -> {
        Thread thread = Thread.ofVirtual().name("deadline-kept-", 0).unstarted(task);
        made.add(thread);
        return thread;
    };

    @Test
    void theContractsLeftoversCheckCannotSeeVirtualThreads() throws Exception {
        var release = new CountDownLatch(1);
        Thread parked = Thread.ofVirtual().start(() -> {
            try {
                release.await(); // parked until the end of the test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertTrue(parked.isAlive());
            assertFalse(Thread.getAllStackTraces().containsKey(parked), "getAllStackTraces lists platform threads only");
        } finally {
            release.countDown();
            parked.join(TestTimeouts.LONG);
        }
    }

    @Test
    void afterAFailFastReturnEveryVirtualThreadTheCallStartedHasEnded() throws Exception {
        try (var server = LocalWebServer.start()) {
            // The failure is started first, so in practice it gets one of the 8 permits; of the 12 slow
            // URLs, 7 are in flight when it fails and 5 are parked waiting for a permit.
            List<URI> urls = new ArrayList<>();
            urls.add(server.url("/status/500?delay=300"));
            for (int i = 0; i < 12; i++) {
                urls.add(server.url("/data/" + i + SLOW));
            }

            DeadlineResult result = new Deadline(keeping).download(new DeadlineRequest(urls, 8, Duration.ofSeconds(30)), Trace.off());

            assertEquals(Ending.FAILED_FAST, result.ending());
            assertEquals(urls.size() - 1, result.count(ItemOutcome.Cancelled.class), "every slow URL cancelled");
            assertAllEnded(urls.size());
            assertTrue(server.maxInFlight() <= 8, "at most C in flight: " + server.maxInFlight());
            await("the aborted requests' connections closed at the server")
                    .atMost(TestTimeouts.scaled(Duration.ofSeconds(3)))
                    .until(() -> server.inFlight() == 0 && server.connectionsOpen() == 0);
        }
    }

    @Test
    void afterTheDeadlineEveryVirtualThreadTheCallStartedHasEnded() throws Exception {
        try (var server = LocalWebServer.start()) {
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                urls.add(server.url("/data/" + i + SLOW));
            }
            // All ten threads start at once; three get a permit and send, seven park in acquire().
            DeadlineResult result = new Deadline(keeping).download(new DeadlineRequest(urls, 3, Duration.ofMillis(500)), Trace.off());

            assertEquals(Ending.DEADLINE_PASSED, result.ending());
            assertEquals(urls.size(), result.count(ItemOutcome.Cancelled.class));
            assertAllEnded(urls.size());
            assertTrue(server.totalRequests() <= 3, "at most C requests were ever sent: " + server.totalRequests());
        }
    }

    /**
     * Right after the call returns, no thread it made is still parked — in a request, or waiting
     * for a permit: the executor's {@code close()} waited until every task had ended. Each thread
     * is then gone a moment later: an executor's termination means its tasks are done, and the
     * thread may still be running its last instructions after its task (no code of ours).
     */
    private void assertAllEnded(int urls) {
        assertEquals(urls, made.size(), "one virtual thread per URL");
        for (Thread thread : made) {
            assertTrue(thread.isVirtual());
            Thread.State state = thread.getState();
            assertTrue(state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING && state != Thread.State.BLOCKED,
                    thread + " is still parked after the call returned");
        }
        await("every virtual thread of the call has ended")
                .atMost(TestTimeouts.scaled(Duration.ofSeconds(3)))
                .untilAsserted(() -> made.forEach(thread -> assertFalse(thread.isAlive(), thread + " outlived the call")));
    }
}
