package paradigms.threading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.download.DownloadResult;
import paradigms.common.http.BlockingHttp;
import paradigms.common.server.LocalWebServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What it takes to cancel a thread that is blocked in a download: an interrupt.
 *
 * <p>A {@link Future} is only the caller's handle. {@code cancel(false)} marks it cancelled and
 * leaves the thread alone: the thread keeps waiting and the request runs to its end.
 * {@code cancel(true)} (and {@link ExecutorService#shutdownNow()}, which the deadline exercise
 * uses) also interrupts the thread: its blocked wait throws {@link InterruptedException}, and
 * {@code BlockingHttp} aborts the exchange on the way out, so the server sees the client leave.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class CancellationTest {

    /** How the task on the worker thread ended: its result, or the exception that ended it. */
    private final CompletableFuture<Object> ended = new CompletableFuture<>();

    private Future<?> startDownload(ExecutorService worker, HttpClient client, URI url) {
        return worker.submit(() -> {
            try {
                ended.complete(BlockingHttp.download(client, url, Duration.ofSeconds(30)));
            } catch (Throwable e) {
                ended.complete(e);
            }
        });
    }

    @Test
    void cancelWithoutInterruptLeavesTheBlockedThreadDownloadingToTheEnd() throws Exception {
        try (var server = LocalWebServer.start();
             HttpClient client = BlockingHttp.newClient();
             ExecutorService worker = Threads.fixedPool("cancel-test", 1)) {
            URI url = server.url("/data/1?delay=500");
            Future<?> task = startDownload(worker, client, url);
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
    void cancelWithInterruptEndsTheBlockedWaitAndAbortsTheRequestAtTheServer() throws Exception {
        try (var server = LocalWebServer.start();
             HttpClient client = BlockingHttp.newClient();
             ExecutorService worker = Threads.fixedPool("cancel-test", 1)) {
            URI url = server.url("/data/1?delay=20000"); // far longer than this test may take
            Future<?> task = startDownload(worker, client, url);
            await().atMost(TestTimeouts.LONG).until(() -> server.inFlight() == 1);

            assertTrue(task.cancel(true)); // interrupts the worker thread

            assertInstanceOf(InterruptedException.class, ended.get(), "the blocked wait ended with an interrupt");
            // The exchange was aborted: the server sees the connection close long before its 20 s delay.
            await().atMost(TestTimeouts.scaled(Duration.ofSeconds(3)))
                    .until(() -> server.inFlight() == 0 && server.connectionsOpen() == 0);
        }
    }
}
