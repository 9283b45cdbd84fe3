package paradigms.common.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.download.DownloadResult;
import paradigms.common.download.DownloadResult.DownloadFailed;
import paradigms.common.download.DownloadResult.Downloaded;
import paradigms.common.download.Failure;
import paradigms.common.server.LocalWebServer;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The socket client against the course's web server: keep-alive reuse, the bound on idle
 * connections, the whole-answer timeout, and failures that close their connection.
 */
@Timeout(60)
class SocketHttpClientTest {

    private static final Duration GENEROUS = TestTimeouts.scaled(Duration.ofSeconds(10));

    @Test
    void keptAliveConnectionsAreReusedSoTheServerSeesNoMoreConnectionsThanThreads() throws Exception {
        int threads = 4;
        try (var server = LocalWebServer.start();
             var client = new SocketHttpClient(threads);
             ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<List<DownloadResult>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    List<DownloadResult> results = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        results.add(client.download(server.url("/data/" + thread + "-" + i), GENEROUS));
                    }
                    return results;
                }));
            }
            for (Future<List<DownloadResult>> answers : work) {
                for (DownloadResult result : answers.get()) {
                    var ok = assertInstanceOf(Downloaded.class, result);
                    assertEquals(DownloadResult.sha256(LocalWebServer.expectedBody(ok.url())), ok.sha256());
                }
            }
            assertEquals(40, server.totalRequests());
            assertTrue(server.connectionsOpened() <= threads,
                    "40 requests on " + threads + " threads opened " + server.connectionsOpened() + " connections");
            assertEquals(server.connectionsOpened(), client.connectionsOpened());
        }
    }

    @Test
    void idleConnectionsBeyondTheBoundAreClosed() throws Exception {
        int maxIdle = 2;
        int concurrent = 6;
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(300)).start();
             var client = new SocketHttpClient(maxIdle);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<DownloadResult>> answers = new ArrayList<>();
            for (int i = 0; i < concurrent; i++) {
                URI url = server.url("/data/" + i);
                answers.add(pool.submit(() -> client.download(url, GENEROUS)));
            }
            await().atMost(TestTimeouts.LONG).until(() -> server.maxInFlight() == concurrent);
            for (Future<DownloadResult> answer : answers) {
                assertInstanceOf(Downloaded.class, answer.get());
            }
            assertEquals(concurrent, server.connectionsOpened(), "all six were in flight at once");
            assertEquals(maxIdle, client.idleConnections(server.url("/")), "only the bound is kept");
            assertEquals(maxIdle, client.openConnections());
            await().atMost(TestTimeouts.LONG).until(() -> server.connectionsOpen() == maxIdle);
        }
    }

    @Test
    void aBodyThatStallsAfterItsHeadersTimesOutAndItsConnectionIsClosed() throws Exception {
        try (var server = LocalWebServer.start(); var client = new SocketHttpClient()) {
            // headers and a first quarter of the body at once, then ten seconds of nothing
            URI url = server.url("/slow/1?size=400&pieces=4&pause=10000");
            DownloadResult result = client.download(url, Duration.ofMillis(500));
            var failed = assertInstanceOf(DownloadFailed.class, result);
            assertEquals(Failure.TIMEOUT, failed.failure(), failed.detail());
            assertEquals(0, client.openConnections(), "a timed-out connection is never kept");
        }
    }

    /** Each piece comes well within any per-read timeout: only a bound on the whole answer stops it. */
    @Test
    void aBodyThatTricklesTimesOutWhenTheWholeAnswerTakesTooLong() throws Exception {
        try (var server = LocalWebServer.start(); var client = new SocketHttpClient()) {
            URI url = server.url("/slow/1?size=60&pieces=60&pause=100"); // six seconds in all, 100 ms apart
            DownloadResult result = client.download(url, Duration.ofMillis(1_000));
            var failed = assertInstanceOf(DownloadFailed.class, result);
            assertEquals(Failure.TIMEOUT, failed.failure(), failed.detail());
            assertEquals(0, client.openConnections());
        }
    }

    @Test
    void aConnectionResetMidAnswerIsThatUrlsFailureAndTheConnectionIsNotKept() throws Exception {
        try (var server = LocalWebServer.start(); var client = new SocketHttpClient()) {
            assertInstanceOf(Downloaded.class, client.download(server.url("/data/before"), GENEROUS));
            assertEquals(1, client.idleConnections(server.url("/")));

            var failed = assertInstanceOf(DownloadFailed.class, client.download(server.url("/reset"), GENEROUS));
            assertEquals(Failure.CONNECTION, failed.failure(), failed.detail());
            assertEquals(1, server.requests(server.url("/reset")), "bytes had come: never sent again");
            assertEquals(0, client.openConnections(), "the reset connection is closed, not pooled");

            assertInstanceOf(Downloaded.class, client.download(server.url("/data/after"), GENEROUS));
            assertEquals(2, server.connectionsOpened(), "the next request needed a new connection");
        }
    }

    @Test
    void aRefusedConnectionIsAConnectionFailure() throws Exception {
        int port;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // closed again: nobody listens there now
        }
        try (var client = new SocketHttpClient()) {
            var failed = assertInstanceOf(DownloadFailed.class,
                    client.download(URI.create("http://127.0.0.1:" + port + "/"), GENEROUS));
            assertEquals(Failure.CONNECTION, failed.failure(), failed.detail());
            assertEquals(0, client.openConnections());
        }
    }

    @Test
    void badArgumentsAreRefusedNamingTheField() {
        try (var client = new SocketHttpClient()) {
            var noTime = assertThrows(IllegalArgumentException.class,
                    () -> client.get(URI.create("http://127.0.0.1:1/"), Duration.ZERO));
            assertTrue(noTime.getMessage().contains("timeout"), noTime.getMessage());
            var tls = assertThrows(IllegalArgumentException.class,
                    () -> client.get(URI.create("https://127.0.0.1:1/"), GENEROUS));
            assertTrue(tls.getMessage().contains("scheme"), tls.getMessage());
            var pool = assertThrows(IllegalArgumentException.class, () -> new SocketHttpClient(-1));
            assertTrue(pool.getMessage().contains("maxIdlePerOrigin"), pool.getMessage());
        }
    }

    @Test
    void aClosedClientRefusesNewRequestsAsConnectionFailures() throws Exception {
        try (var server = LocalWebServer.start()) {
            var client = new SocketHttpClient();
            client.close();
            var failed = assertInstanceOf(DownloadFailed.class, client.download(server.url("/data/1"), GENEROUS));
            assertEquals(Failure.CONNECTION, failed.failure());
            assertEquals(0, server.connectionsOpened());
        }
    }
}
