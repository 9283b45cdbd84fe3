package paradigms.threading;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a worker really waits: while the server holds C requests, each of the C worker threads
 * sits in a socket read inside the course's client — not parked on a future while some other
 * thread does the I/O.
 */
@Timeout(60)
class WorkersSitInTheSocketReadTest {

    private static final int C = 8;

    @Test
    void eachWorkerWaitsInASocketReadOfItsOwnAndNotOnAFuture() throws Exception {
        try (var server = LocalWebServer.builder().latency(Duration.ofSeconds(5)).start()) {
            List<URI> urls = IntStream.range(0, C).mapToObj(i -> server.url("/data/" + i)).toList();
            var request = new DownloadRequest(urls, C, TestTimeouts.scaled(Duration.ofSeconds(30)));
            var download = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Download().download(request, Trace.off());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, runnable -> Thread.ofPlatform().name("download-caller").start(runnable));
            await().atMost(TestTimeouts.LONG).until(() -> server.inFlight() == C);

            Map<Thread, StackTraceElement[]> workers = Thread.getAllStackTraces();
            workers.keySet().removeIf(thread -> !thread.getName().startsWith("download-") || thread.getName().equals("download-caller"));
            assertEquals(C, workers.size(), "the pool's threads: " + workers.keySet());
            workers.forEach((thread, stack) -> {
                String frames = Arrays.toString(stack);
                assertTrue(inSocketRead(stack), thread.getName() + " is not in a socket read: " + frames);
                assertTrue(frames.contains("paradigms.common.http.SocketHttpClient"), frames);
                assertFalse(frames.contains("java.util.concurrent.CompletableFuture.get"), "waits on a future: " + frames);
                assertFalse(frames.contains("java.util.concurrent.locks.LockSupport.park"), "parked: " + frames);
            });

            for (DownloadResult result : download.get()) {
                assertInstanceOf(DownloadResult.Downloaded.class, result);
            }
        }
    }

    /** The frames a blocking read on a {@code java.net.Socket} goes through on JDK 25. */
    static boolean inSocketRead(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(frame -> frame.getMethodName().equals("read")
                && (frame.getClassName().equals("java.net.Socket$SocketInputStream")
                    || frame.getClassName().equals("sun.nio.ch.NioSocketImpl")));
    }
}
