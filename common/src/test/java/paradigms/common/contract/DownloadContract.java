package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Claim;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.download.DownloadResult.DownloadFailed;
import paradigms.common.download.DownloadResult.Downloaded;
import paradigms.common.download.Failure;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.TaskState;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code download} exercise's contract: every URL accounted for, in input order, each
 * fetched once, errors as results, at most C in flight — and exactly C for a paradigm that
 * claims to wait concurrently.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
public interface DownloadContract extends ParadigmContract {

    private List<DownloadResult> download(DownloadRequest request) throws InterruptedException {
        return paradigm().download().download(request, Trace.off());
    }

    private static List<URI> dataUrls(LocalWebServer server, int count, String extra) {
        return IntStream.range(0, count)
                .mapToObj(i -> server.url("/data/" + i + "?size=" + (500 + 97 * i) + extra))
                .toList();
    }

    @Test
    default void everyUrlIsAnsweredOnceInInputOrderWithTheBodyTheServerSent() throws Exception {
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(2)).jitter(Duration.ofMillis(8), 7).start()) {
            List<URI> urls = dataUrls(server, 40, "");
            List<DownloadResult> results = download(new DownloadRequest(urls, 8));

            assertEquals(urls.size(), results.size(), "one result per URL");
            for (int i = 0; i < urls.size(); i++) {
                URI url = urls.get(i);
                Downloaded downloaded = assertInstanceOf(Downloaded.class, results.get(i), "result " + i);
                byte[] expected = LocalWebServer.expectedBody(url);
                assertEquals(url, downloaded.url(), "result " + i + " is for the URL at the same position");
                assertEquals(200, downloaded.status());
                assertEquals(expected.length, downloaded.size(), "size of " + url);
                assertEquals(sha256(expected), downloaded.sha256(), "checksum of " + url);
                assertEquals(1, server.requests(url), url + " requested exactly once");
            }
            assertEquals(urls.size(), server.totalRequests(), "no request beyond the URLs asked for");
        }
    }

    @Test
    default void errorsComeBackAsResultsAndNoneIsLost() throws Exception {
        Duration timeout = TestTimeouts.scaled(Duration.ofMillis(800));
        try (var server = LocalWebServer.start()) {
            List<URI> urls = List.of(
                    server.url("/data/a"),
                    server.url("/status/404"),
                    server.url("/reset"),
                    server.url("/status/500"),
                    server.url("/hang"),
                    server.url("/data/b?size=10"),
                    server.url("/slow/c?size=4000&pieces=4&pause=20"),
                    // Headers at once, then the body stalls: 3 pauses of half the timeout, past the timeout.
                    // A timeout that stops at the headers (HttpRequest.timeout) or that bounds each
                    // read alone (a socket's read timeout) would let this one through.
                    server.url("/slow/d?size=4000&pieces=4&pause=" + timeout.dividedBy(2).toMillis()));
            List<DownloadResult> results = download(new DownloadRequest(urls, 3, timeout));

            assertEquals(urls.size(), results.size(), "one result per URL");
            for (int i = 0; i < urls.size(); i++) {
                assertEquals(urls.get(i), results.get(i).url(), "result " + i + " is for the URL at the same position");
            }
            assertAll(
                    () -> assertInstanceOf(Downloaded.class, results.get(0)),
                    () -> assertFailure(results.get(1), Failure.HTTP_STATUS, 404),
                    () -> assertFailure(results.get(2), Failure.CONNECTION, 0),
                    () -> assertFailure(results.get(3), Failure.HTTP_STATUS, 500),
                    () -> assertFailure(results.get(4), Failure.TIMEOUT, 0),
                    () -> assertEquals(10, assertInstanceOf(Downloaded.class, results.get(5)).size()),
                    () -> assertEquals(4000, assertInstanceOf(Downloaded.class, results.get(6)).size()),
                    () -> assertFailure(results.get(7), Failure.TIMEOUT, 0));
            for (URI url : urls) {
                assertEquals(1, server.requests(url), url + " requested exactly once");
            }
        }
    }

    @Test
    default void neverHasMoreThanMaxInFlightRequestsOutstanding() throws Exception {
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(20)).start()) {
            for (int maxInFlight : new int[] {1, 3}) {
                server.resetCounters();
                List<URI> urls = dataUrls(server, 12, "&run=" + maxInFlight);
                List<DownloadResult> results = download(new DownloadRequest(urls, maxInFlight));
                assertEquals(12, results.stream().filter(Downloaded.class::isInstance).count());
                assertTrue(server.maxInFlight() <= maxInFlight,
                        "server saw " + server.maxInFlight() + " requests in flight with maxInFlight " + maxInFlight);
            }
        }
    }

    @Test
    default void waitsForMaxInFlightRequestsAtOnceWhenItClaimsConcurrentWaiting() throws Exception {
        assumeClaim(Claim.WAITS_CONCURRENTLY);
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(100)).start()) {
            List<URI> urls = dataUrls(server, 24, "");
            download(new DownloadRequest(urls, 4));
            assertEquals(4, server.maxInFlight(), "the server's observed maximum of requests in flight");
        }
    }

    /**
     * Resume latency, noted where each task runs again with its answer: once per answer that
     * arrived whole (none for the reset), never negative, and never longer than the call's wall
     * time less the server's latency — every answer was stamped at least that long after the call
     * began, and resumed before it returned. A download that stamped when it <em>sent</em> the
     * request instead would count the server's wait, and break that bound when the requests
     * overlap ({@code BrokenDownloadsTest}).
     */
    @Test
    default void eachWholeAnswerRecordsOneResumeLatencyThatTheCallsWallTimeBounds() throws Exception {
        Duration latency = TestTimeouts.scaled(Duration.ofMillis(200));
        try (var server = LocalWebServer.builder().latency(latency).start()) {
            List<URI> urls = new java.util.ArrayList<>(dataUrls(server, 6, "&resume"));
            urls.add(server.url("/reset")); // half an answer, then an RST: no whole answer, no resume to note
            var resumes = ResumeLatency.recording();

            long began = System.nanoTime();
            List<DownloadResult> results = download(new DownloadRequest(urls, urls.size()).measuringResumes(resumes));
            Duration wall = Duration.ofNanos(System.nanoTime() - began);

            long answered = results.stream().filter(Downloaded.class::isInstance).count();
            assertEquals(6, answered, "every data URL downloaded: " + results);
            var summary = resumes.summary();
            assertEquals(answered, summary.count(), "one resume noted per answer: " + summary);
            assertTrue(!summary.min().isNegative(), "no resume before its answer was sent: " + summary);
            assertTrue(summary.max().compareTo(wall.minus(latency)) <= 0,
                    "the longest resume latency " + summary.max() + " fits in the call's " + wall
                            + " less the server's latency " + latency + ": " + summary);
        }
    }

    /**
     * A recording trace tells each URL's task's life: it waits for its socket, is ready from the
     * moment the server sent the answer, and runs again ({@link paradigms.common.trace.TaskLife}).
     */
    @Test
    default void theTraceTellsEachTasksLifeWaitingForItsSocketThenReadyThenRunning() throws Exception {
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(50)).start()) {
            List<URI> urls = dataUrls(server, 3, "&life");
            Trace trace = Trace.recording();
            paradigm().download().download(new DownloadRequest(urls, 2), trace);
            for (URI url : urls) {
                List<String> life = trace.taskStates().stream()
                        .filter(state -> state.task().equals(SpanNames.request(url)))
                        .map(TaskState::label).toList();
                int waiting = life.indexOf("waiting for socket");
                assertTrue(waiting > 0 && life.size() > waiting + 2, url + "'s task: " + life);
                assertEquals(List.of("waiting for socket", "ready", "running"), life.subList(waiting, waiting + 3),
                        url + "'s task, from its wait for the answer: " + life);
            }
        }
    }

    private static void assertFailure(DownloadResult result, Failure failure, int status) {
        DownloadFailed failed = assertInstanceOf(DownloadFailed.class, result, "result for " + result.url());
        assertEquals(failure, failed.failure(), "failure for " + result.url() + ": " + failed.detail());
        assertEquals(status, failed.status(), "status for " + result.url());
        assertTrue(!failed.detail().isBlank(), "a failure explains itself");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
