package paradigms.threading;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.download.DownloadResult;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.server.LocalWebServer;
import paradigms.threading.threads.Threads;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What it takes to cancel a platform thread that is blocked in a download: closing its socket.
 *
 * <p>A {@link Future} is only the caller's handle. {@code cancel(false)} marks it cancelled and
 * leaves the thread alone: the thread keeps waiting and the request runs to its end.
 * {@code cancel(true)} (and {@link ExecutorService#shutdownNow()}) also interrupts the thread —
 * but a platform thread sitting in a socket read does not hear an interrupt: it stays in the
 * read. Closing the client closes the socket under it, which ends the read; the client then sees
 * the interrupt and throws {@link InterruptedException}, and the server sees the client leave.
 * That is what {@code Deadline} does.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class CancellationTest {

    /** How the task on the worker thread ended: its result, or the exception that ended it. */
    private final CompletableFuture<Object> ended = new CompletableFuture<>();

    private Future<?> startDownload(ExecutorService worker, SocketHttpClient http, URI url) {
        return worker.submit(() -> {
            try {
                ended.complete(http.download(url, Duration.ofSeconds(30)));
            } catch (Throwable e) {
                ended.complete(e);
            }
        });
    }

    @Test
    void cancelWithoutInterruptLeavesTheBlockedThreadDownloadingToTheEnd() throws Exception {
        try (var server = LocalWebServer.start();
             var http = new SocketHttpClient();
             ExecutorService worker = Threads.fixedPool("cancel-test", 1)) {
            URI url = server.url("/data/1?delay=500");
            Future<?> task = startDownload(worker, http, url);
            await().atMost(TestTimeouts.LONG).until(() -> server.inFlight() == 1);

            assertTrue(task.cancel(false));
            assertTrue(task.isCancelled(), "the future says cancelled...");

            Object outcome = ended.get(); // ...but the thread never noticed
            var downloaded = assertInstanceOf(DownloadResult.Downloaded.class, outcome, "the request ran to its end");
            assertEquals(url, downloaded.url());
            assertEquals(1, server.requests(url));
        }
    }

    @Test
    void anInterruptAloneLeavesThePlatformThreadInItsSocketReadAndClosingTheClientEndsIt() throws Exception {
        try (var server = LocalWebServer.start();
             var http = new SocketHttpClient();
             ExecutorService worker = Threads.fixedPool("cancel-test", 1)) {
            URI url = server.url("/data/1?delay=20000"); // far longer than this test may take
            Future<?> task = startDownload(worker, http, url);
            await().atMost(TestTimeouts.LONG).until(() -> server.inFlight() == 1);

            assertTrue(task.cancel(true)); // interrupts the worker thread...
            await().during(Duration.ofMillis(500)).atMost(TestTimeouts.LONG)
                    .until(() -> !ended.isDone() && server.inFlight() == 1); // ...which stays in its read

            http.close(); // closes the socket under the read
            assertInstanceOf(InterruptedException.class, ended.get(), "the read ended, and the interrupt is reported");
            // The server sees the connection close long before its 20 s delay.
            await().atMost(TestTimeouts.scaled(Duration.ofSeconds(3)))
                    .until(() -> server.inFlight() == 0 && server.connectionsOpen() == 0);
        }
    }
}
