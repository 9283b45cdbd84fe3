package paradigms.callbacks;

import paradigms.callbacks.http.LoopHttpClient;
import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Repeating;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.server.LocalWebServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Lesson: on an event loop, work in progress is not a thing you can stop; it is registrations —
 * a timer in the heap, an interest in the selector, an open channel. {@link EventLoop#stop()}
 * only makes {@code run()} return: every request is still registered with the loop, and still
 * open at the server. Cancelling is undoing each registration ({@link LoopHttpClient#cancelAll}),
 * and the proof that none is left is the loop returning from {@code run()} by itself — with
 * request timeouts of an hour, it could not return otherwise.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS) // the project's one timeout constant: a hang fails, never blocks the build
class StopIsNotCancelLessonTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    @Test
    void stoppingTheLoopLeavesEveryRequestOpenAndCancellingUndoesThem() throws IOException {
        List<IOException> failures = new ArrayList<>();
        try (var server = LocalWebServer.start(); var loop = new EventLoop(); var client = new LoopHttpClient(loop)) {
            for (int i = 0; i < 3; i++) {
                client.get(server.url("/data/" + i + "?delay=5000"), AN_HOUR, response -> fail("answered"), failures::add);
            }
            // Stop once the server is working on all three (checked on the loop, every 5 ms).
            var watcher = Repeating.every(loop, Duration.ofMillis(5), () -> {
                if (server.inFlight() == 3) {
                    loop.stop();
                }
            });
            loop.run(); // returns at the stop()
            watcher.cancel();

            assertEquals(3, client.inProgress(), "stop() cancelled nothing in the client");
            assertEquals(3, server.inFlight(), "the server still works on all three");
            assertEquals(3, server.connectionsOpen(), "and their connections are open");

            assertEquals(3, client.cancelAll("the caller gave up"));
            loop.run(); // the three failure callbacks, then nothing is left: no hour-long timer, no interest

            assertEquals(3, failures.size(), "each request told, once");
            failures.forEach(failure -> assertInstanceOf(LoopHttpClient.CancelledException.class, failure));
            assertEquals(0, client.inProgress());
            await("the server sees the three connections closed")
                    .atMost(TestTimeouts.scaled(Duration.ofSeconds(3)))
                    .until(() -> server.inFlight() == 0 && server.connectionsOpen() == 0);
        }
    }
}
